import type { ExerciseBase, Step } from '../program/types.js';
import { defineExerciseKind, definePlugin, defineRuleKind } from './define-plugin.js';
import type { AttunePlugin } from './types.js';

/** A plugin exercise kind for the tests: two prompts both partners answer. */
export interface EchoExercise extends ExerciseBase {
  readonly kind: 'echo';
  readonly prompts: readonly { readonly id: string; readonly key: string }[];
}

/** A plugin rule kind for the tests: holds once a partner rang the bell `times` times. */
export interface BellRule {
  readonly kind: 'bell-rung';
  readonly times: number;
}

// Core's own tests leave the registries empty (an augmentation here would change `Exercise` for the
// whole package, its API reference included); the example plugins test registered types.

/**
 * A step with one echo exercise, open from the start and done once it was completed together and
 * the bell rang. Cast, since the registries are empty here.
 */
export const echoStep: Step = {
  id: 'echoes',
  titleKey: 'echo:step.title',
  summaryKey: 'echo:step.summary',
  whyKey: 'echo:step.why',
  exercises: [
    {
      id: 'echo-one',
      kind: 'echo',
      titleKey: 'echo:one.title',
      whyKey: 'echo:one.why',
      howKey: 'echo:one.how',
      ifHardKey: 'echo:one.if-hard',
      mode: 'together',
      minutes: 10,
      visibility: 'shared',
      needsSafety: true,
      prompts: [
        { id: 'first', key: 'echo:one.prompts.first' },
        { id: 'second', key: 'echo:one.prompts.second' },
      ],
    },
  ],
  unlock: { kind: 'always' },
  completion: {
    kind: 'all',
    rules: [
      { kind: 'exercise-done', exercise: 'echo-one', by: 'both-together' },
      { kind: 'bell-rung', times: 1 },
    ],
  },
} as unknown as Step;

const words = {
  step: { title: 'Echoes', summary: 'Say it back', why: 'To feel heard' },
  one: {
    title: 'Echo',
    why: 'Hear each other',
    how: 'Take turns',
    'if-hard': 'Pass any time',
    prompts: { first: 'What made you smile?', second: 'What do you need?' },
  },
  explain: { bell_one: 'Ring the bell once', bell_other: 'Ring the bell {{count}} times' },
  reminder: 'Time to ring the bell',
};

/** A plugin with an exercise kind, a rule kind, an event type and English and Spanish words. */
export const echoPlugin: AttunePlugin = definePlugin({
  contract: 1,
  name: 'echo',
  version: '1.0.0',
  eventTypes: ['echo/bell'],
  exerciseKinds: [
    defineExerciseKind({
      kind: 'echo',
      defaults: { visibility: 'sealed' },
      check: (exercise) =>
        Array.isArray(exercise.prompts) && exercise.prompts.length > 0
          ? []
          : [{ path: 'prompts', message: 'An echo needs prompts.', fix: 'Add a prompt.' }],
      completedWhen: (exercise, answers) =>
        (exercise as EchoExercise).prompts.every(
          (prompt) => answers.answeredBy(prompt.id).length === 2,
        ),
    }),
  ],
  ruleKinds: [
    defineRuleKind({
      kind: 'bell-rung',
      explanationKeys: ['echo:explain.bell'],
      check: (rule) =>
        typeof rule.times === 'number'
          ? []
          : [{ path: 'times', message: '"times" is missing.', fix: 'Say how often.' }],
      evaluate: (rule, context) => {
        const { times } = rule as unknown as BellRule;
        const rung = context.eventsOf('echo/bell').length;
        return {
          holds: rung >= times,
          key: 'echo:explain.bell',
          params: { count: times },
          progress: { done: Math.min(rung, times), needed: times, holds: rung >= times },
        };
      },
    }),
  ],
  steps: [echoStep],
  resources: { en: { echo: words }, es: { echo: { step: { title: 'Ecos' } } } },
  messageKeys: ['echo:reminder'],
});
