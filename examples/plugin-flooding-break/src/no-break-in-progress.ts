import { defineRuleKind, type RuleKindDefinition } from '@attune/core';
import { breaksInProgress } from './breaks.js';

/**
 * Holds while no break is in progress: from any exercise, or from `exercise` when given. Put it in a
 * conflict step's completion so the step is not done while the couple is on a break.
 */
export interface NoBreakInProgressRule {
  readonly kind: 'no-break-in-progress';
  /** Only breaks from this exercise count. */
  readonly exercise?: string;
}

declare module '@attune/core' {
  interface RuleKindRegistry {
    'no-break-in-progress': NoBreakInProgressRule;
  }
}

/** The `no-break-in-progress` rule kind, explained as "no break" or "on a break from …". */
export const noBreakInProgress: RuleKindDefinition<'no-break-in-progress'> = defineRuleKind({
  kind: 'no-break-in-progress',
  explanationKeys: ['flooding-break:explain.no-break', 'flooding-break:explain.on-break'],
  check: ({ kind: _, exercise, ...rest }) => [
    ...(exercise === undefined || typeof exercise === 'string'
      ? []
      : [
          {
            path: 'exercise',
            message: '"exercise" should be an exercise id.',
            fix: 'Name the exercise whose breaks count, or leave "exercise" out for all of them.',
          },
        ]),
    ...Object.keys(rest).map((field) => ({
      path: field,
      message: `"${field}" is not a field of this rule.`,
      fix: 'Remove it; the rule only has "exercise".',
    })),
  ],
  evaluate: (rule, context) => {
    const pause = breaksInProgress(context.eventsOf).find(
      (candidate) => rule.exercise === undefined || candidate.exercise === rule.exercise,
    );
    return pause
      ? {
          holds: false,
          key: 'flooding-break:explain.on-break',
          params: { exercise: pause.exercise, exerciseKey: context.exerciseTitle(pause.exercise) },
        }
      : { holds: true, key: 'flooding-break:explain.no-break', params: {} };
  },
});
