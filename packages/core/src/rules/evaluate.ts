import type { MessageParams } from '../messages/types.js';
import type { ConditionProgress, Rule, RuleExplanation } from './types.js';

const DAY = 86_400_000;

/** What rules are evaluated against: facts folded from the log, seen through small questions. */
export interface RuleContext {
  /** The couple's partner ids. */
  readonly partners: readonly string[];
  /** The engine's clock reading for this evaluation. */
  readonly now: number;
  /** Wall times of a partner's completions of an exercise, together ones included. */
  completionsOf(exercise: string, partner: string): readonly number[];
  /** Wall times of completions of an exercise done together. */
  togetherCompletionsOf(exercise: string): readonly number[];
  /** Whether a step is completed. */
  isStepCompleted(step: string): boolean;
  /** Each partner's latest score on a check-in dimension. */
  latestScores(exercise: string, dimension: string): ReadonlyMap<string, number>;
  /** Weeks with shared practice. */
  readonly rhythmWeeks: number;
  /** Whole days since the couple started, by the later of the partners' calendars. */
  readonly daysSinceStart: number;
  /** Whether exercises that need safety are resting. */
  readonly resting: boolean;
  /** Content key of an exercise's title, for messages. */
  exerciseTitle(exercise: string): string;
  /** Content key of a step's title, for messages. */
  stepTitle(step: string): string;
  /** Content key of a check-in dimension's label, for messages. */
  dimensionTitle(exercise: string, dimension: string): string;
  /** Evaluates a rule kind the built-ins do not know (added by a plugin). */
  evaluateCustom?(rule: { readonly kind: string }, context: RuleContext): RuleExplanation;
}

const KEY = 'common:explain.';

function leaf(
  rule: Rule,
  holds: boolean,
  key: string,
  params: MessageParams,
  extra: Partial<Pick<RuleExplanation, 'progress' | 'partners'>> = {},
): RuleExplanation {
  return { kind: rule.kind, holds, key: KEY + key, params, ...extra };
}

/**
 * An empty object to key by partner id: without a prototype, so an id such as `__proto__` or
 * `constructor` is a key like any other, neither setting the prototype nor reading what every object
 * inherits.
 */
function byPartner<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function progress(done: number, needed: number): ConditionProgress {
  return { done: Math.min(done, needed), needed, holds: done >= needed };
}

/**
 * Evaluates a rule and explains it: whether it holds, as a message key with parameters, with how far
 * each partner is where that matters, and the same for every nested rule.
 */
export function evaluateRule(rule: Rule, context: RuleContext): RuleExplanation {
  switch (rule.kind) {
    case 'always':
      return leaf(rule, true, 'always', {});
    case 'all':
    case 'any': {
      const children = rule.rules.map((inner) => evaluateRule(inner, context));
      const holds =
        rule.kind === 'all'
          ? children.every((child) => child.holds)
          : children.some((child) => child.holds);
      return { kind: rule.kind, holds, key: KEY + rule.kind, params: {}, children };
    }
    case 'not': {
      const inner = evaluateRule(rule.rule, context);
      return { kind: 'not', holds: !inner.holds, key: `${KEY}not`, params: {}, children: [inner] };
    }
    case 'exercise-done': {
      const times = rule.times ?? 1;
      const since = rule.withinDays === undefined ? -Infinity : context.now - rule.withinDays * DAY;
      // Without a window every completion counts: a long log holds hundreds of thousands.
      const count = (walls: readonly number[]) => {
        if (rule.withinDays === undefined) return walls.length;
        let done = 0;
        for (let i = 0; i < walls.length; i++) if ((walls[i] as number) >= since) done++;
        return done;
      };
      const params: MessageParams = {
        exercise: rule.exercise,
        exerciseKey: context.exerciseTitle(rule.exercise),
        times,
        ...(rule.withinDays === undefined ? {} : { days: rule.withinDays }),
      };
      const key = `exercise-done.${rule.by}`;
      if (rule.by === 'both-together') {
        const done = count(context.togetherCompletionsOf(rule.exercise));
        return leaf(rule, done >= times, key, params, { progress: progress(done, times) });
      }
      const partners = byPartner<ConditionProgress>();
      for (const partner of context.partners) {
        partners[partner] = progress(count(context.completionsOf(rule.exercise, partner)), times);
      }
      const each = Object.values(partners);
      const holds = rule.by === 'each' ? each.every((p) => p.holds) : each.some((p) => p.holds);
      const done =
        rule.by === 'each'
          ? each.reduce((sum, p) => sum + p.done, 0)
          : Math.max(0, ...each.map((p) => p.done));
      const needed = rule.by === 'each' ? times * each.length : times;
      return leaf(rule, holds, key, params, { progress: progress(done, needed), partners });
    }
    case 'step-completed':
      return leaf(rule, context.isStepCompleted(rule.step), 'step-completed', {
        step: rule.step,
        stepKey: context.stepTitle(rule.step),
      });
    case 'check-in-score': {
      const scores = context.latestScores(rule.exercise, rule.dimension);
      const low = rule.atLeast ?? -Infinity;
      const high = rule.atMost ?? Infinity;
      const partners = byPartner<ConditionProgress>();
      for (const partner of context.partners) {
        const score = scores.get(partner);
        const inRange = score !== undefined && score >= low && score <= high;
        partners[partner] = { done: inRange ? 1 : 0, needed: 1, holds: inRange };
      }
      const each = Object.values(partners);
      const holds = rule.by === 'each' ? each.every((p) => p.holds) : each.some((p) => p.holds);
      return leaf(
        rule,
        holds,
        'check-in-score',
        {
          exercise: rule.exercise,
          exerciseKey: context.exerciseTitle(rule.exercise),
          dimension: rule.dimension,
          dimensionKey: context.dimensionTitle(rule.exercise, rule.dimension),
          range:
            rule.atMost === undefined
              ? `≥ ${rule.atLeast ?? '−∞'}`
              : rule.atLeast === undefined
                ? `≤ ${rule.atMost}`
                : `${rule.atLeast}–${rule.atMost}`,
        },
        { partners },
      );
    }
    case 'check-in-divergence': {
      const scores = [...context.latestScores(rule.exercise, rule.dimension).values()];
      const [a, b] = scores;
      const holds = a !== undefined && b !== undefined && Math.abs(a - b) >= rule.atLeast;
      return leaf(rule, holds, 'check-in-divergence', {
        exercise: rule.exercise,
        dimension: rule.dimension,
        dimensionKey: context.dimensionTitle(rule.exercise, rule.dimension),
        count: rule.atLeast,
      });
    }
    case 'rhythm':
      return leaf(
        rule,
        context.rhythmWeeks >= rule.weeks,
        'rhythm',
        { count: rule.weeks },
        {
          progress: progress(context.rhythmWeeks, rule.weeks),
        },
      );
    case 'days-since-start':
      return leaf(
        rule,
        context.daysSinceStart >= rule.atLeast,
        'days-since-start',
        { count: rule.atLeast },
        { progress: progress(context.daysSinceStart, rule.atLeast) },
      );
    case 'safety-clear':
      // Neutral on purpose: the message never says who or why.
      return leaf(rule, !context.resting, 'safety-clear', {});
    default: {
      const custom = rule as { readonly kind: string };
      if (context.evaluateCustom) return context.evaluateCustom(custom, context);
      return {
        kind: custom.kind,
        holds: false,
        key: `${KEY}unknown`,
        params: { kind: custom.kind },
      };
    }
  }
}

/** How far a rule is met, from 0 to 1: partial credit for counts, averaged over `all`. */
export function fractionMet(explanation: RuleExplanation): number {
  if (explanation.holds) return 1;
  const children = explanation.children ?? [];
  switch (explanation.kind) {
    case 'all':
      return children.length === 0
        ? 0
        : children.reduce((sum, child) => sum + fractionMet(child), 0) / children.length;
    case 'any':
      return Math.max(0, ...children.map(fractionMet));
    default: {
      const p = explanation.progress;
      return p && p.needed > 0 ? p.done / p.needed : 0;
    }
  }
}
