import {
  type AttunePlugin,
  definePlugin,
  getExercise,
  type Program,
  type ReminderIntent,
  type Suggestion,
} from '@attune/core';
import en from '../locales/en/flooding-break.json' with { type: 'json' };
import es from '../locales/es/flooding-break.json' with { type: 'json' };
import { breakCalled, breakResumed, breaksInProgress } from './breaks.js';
import { checkBreakData } from './check-break-data.js';
import { noBreakInProgress } from './no-break-in-progress.js';

const titleOf = (program: Program, exercise: string) =>
  getExercise(program, exercise)?.exercise.titleKey ?? exercise;

/**
 * The flooding-break plugin: its two event types (their data checked by `checkBreakData`), the `no-break-in-progress` rule kind, a reminder
 * for each partner when a break's time is up, suggestions during and after a break, and its words in
 * English and Spanish. Record breaks with `callBreak` and `resumeAfterBreak`.
 */
export const floodingBreakPlugin: AttunePlugin = definePlugin({
  contract: 1,
  name: 'flooding-break',
  version: '0.0.0',
  eventTypes: [breakCalled, breakResumed],
  checkEventData: checkBreakData,
  ruleKinds: [noBreakInProgress],
  resources: { en: { 'flooding-break': en }, es: { 'flooding-break': es } },
  messageKeys: [
    'flooding-break:suggest.on-break',
    'flooding-break:suggest.come-back',
    'flooding-break:reminder.come-back',
    'flooding-break:break.call',
    'flooding-break:break.why',
    'flooding-break:break.minimum',
    'flooding-break:break.called',
    'flooding-break:break.come-back',
  ],
  reminders: ({ eventsOf, reminder, program }): ReminderIntent[] =>
    breaksInProgress(eventsOf).map((pause) =>
      reminder({
        id: `flooding-break:${pause.exercise}:${pause.calledAt}`,
        exercise: pause.exercise,
        at: pause.until,
        messageKey: 'flooding-break:reminder.come-back',
        params: { exercise: pause.exercise, exerciseKey: titleOf(program, pause.exercise) },
      }),
    ),
  suggest: ({ eventsOf, now, program }): Suggestion | undefined => {
    const pause = breaksInProgress(eventsOf).at(-1);
    if (!pause) return undefined;
    if (now < pause.until) {
      // Nothing to do but rest: no exercise, and no step to go to.
      return {
        exercise: null,
        step: null,
        reasonKey: 'flooding-break:suggest.on-break',
        params: { count: Math.ceil((pause.until - now) / 60_000) },
      };
    }
    return {
      exercise: pause.exercise,
      step: getExercise(program, pause.exercise)?.step.id ?? null,
      reasonKey: 'flooding-break:suggest.come-back',
      params: { exercise: pause.exercise, exerciseKey: titleOf(program, pause.exercise) },
    };
  },
});

/**
 * The program with `no-break-in-progress` added to the completion of its conflict steps, so none of
 * them counts as done while the couple is on a break.
 */
export function withBreakRule(program: Program, steps: readonly string[] = ['conflict']): Program {
  return {
    ...program,
    steps: program.steps.map((step) =>
      steps.includes(step.id)
        ? {
            ...step,
            completion: {
              kind: 'all',
              rules: [step.completion, { kind: 'no-break-in-progress' }],
            },
          }
        : step,
    ),
  };
}
