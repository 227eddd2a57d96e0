import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRule, fractionMet, type RuleContext } from './evaluate.js';
import type { Rule, RuleExplanation } from './types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 1, 2, 12);

interface Given {
  /** Exercise id → partner id → wall times of that partner's completions. */
  readonly completions?: Record<string, Record<string, readonly number[]>>;
  /** Exercise id → wall times of completions done together. */
  readonly together?: Record<string, readonly number[]>;
  readonly completedSteps?: readonly string[];
  /** `exercise|dimension` → partner id → latest score. */
  readonly scores?: Record<string, Record<string, number>>;
  readonly rhythmWeeks?: number;
  readonly daysSinceStart?: number;
  readonly resting?: boolean;
  readonly evaluateCustom?: RuleContext['evaluateCustom'];
}

/** A rule context answering from plain data, as computing progress would from facts. */
function contextOf(given: Given = {}): RuleContext {
  return {
    partners: ['ana', 'kai'],
    now: NOW,
    completionsOf: (exercise, partner) => given.completions?.[exercise]?.[partner] ?? [],
    togetherCompletionsOf: (exercise) => given.together?.[exercise] ?? [],
    isStepCompleted: (step) => given.completedSteps?.includes(step) ?? false,
    latestScores: (exercise, dimension) =>
      new Map(Object.entries(given.scores?.[`${exercise}|${dimension}`] ?? {})),
    rhythmWeeks: given.rhythmWeeks ?? 0,
    daysSinceStart: given.daysSinceStart ?? 0,
    resting: given.resting ?? false,
    exerciseTitle: (exercise) => `title:${exercise}`,
    stepTitle: (step) => `step-title:${step}`,
    dimensionTitle: (exercise, dimension) => `dimension:${exercise}.${dimension}`,
    ...(given.evaluateCustom && { evaluateCustom: given.evaluateCustom }),
  };
}

const always: Rule = { kind: 'always' };
const never: Rule = { kind: 'not', rule: always };

describe('evaluateRule', () => {
  describe('always, all, any and not', () => {
    it('always holds, with no parameters', () => {
      expect(evaluateRule(always, contextOf())).toEqual({
        kind: 'always',
        holds: true,
        key: 'common:explain.always',
        params: {},
      });
    });

    it('holds `all` only when every inner rule holds, and explains each one', () => {
      const holding = evaluateRule({ kind: 'all', rules: [always, always] }, contextOf());
      expect(holding.holds).toBe(true);
      expect(holding.key).toBe('common:explain.all');
      expect(holding.children?.map((child) => child.holds)).toEqual([true, true]);

      const failing = evaluateRule({ kind: 'all', rules: [always, never] }, contextOf());
      expect(failing.holds).toBe(false);
      expect(failing.children?.map((child) => child.kind)).toEqual(['always', 'not']);
    });

    it('holds `any` when one inner rule holds, and not when none does', () => {
      const holding = evaluateRule({ kind: 'any', rules: [never, always] }, contextOf());
      expect(holding).toMatchObject({ kind: 'any', holds: true, key: 'common:explain.any' });
      expect(holding.children).toHaveLength(2);
      expect(evaluateRule({ kind: 'any', rules: [never, never] }, contextOf()).holds).toBe(false);
    });

    it('treats an empty `all` as met and an empty `any` as unmet', () => {
      expect(evaluateRule({ kind: 'all', rules: [] }, contextOf()).holds).toBe(true);
      expect(evaluateRule({ kind: 'any', rules: [] }, contextOf()).holds).toBe(false);
    });

    it('inverts the inner rule with `not`, keeping its explanation as the only child', () => {
      const explanation = evaluateRule({ kind: 'not', rule: always }, contextOf());
      expect(explanation).toEqual({
        kind: 'not',
        holds: false,
        key: 'common:explain.not',
        params: {},
        children: [{ kind: 'always', holds: true, key: 'common:explain.always', params: {} }],
      });
      expect(evaluateRule({ kind: 'not', rule: never }, contextOf()).holds).toBe(true);
    });
  });

  describe('exercise-done', () => {
    it('holds `each` only when both partners completed it, with each partner’s progress', () => {
      const rule: Rule = { kind: 'exercise-done', exercise: 'notes', by: 'each', times: 2 };
      const halfway = evaluateRule(
        rule,
        contextOf({ completions: { notes: { ana: [NOW - 3 * DAY, NOW - DAY, NOW], kai: [NOW] } } }),
      );
      expect(halfway).toEqual({
        kind: 'exercise-done',
        holds: false,
        key: 'common:explain.exercise-done.each',
        params: { exercise: 'notes', exerciseKey: 'title:notes', times: 2 },
        progress: { done: 3, needed: 4, holds: false },
        partners: {
          ana: { done: 2, needed: 2, holds: true },
          kai: { done: 1, needed: 2, holds: false },
        },
      });

      const done = evaluateRule(
        rule,
        contextOf({ completions: { notes: { ana: [NOW, NOW], kai: [NOW, NOW] } } }),
      );
      expect(done.holds).toBe(true);
      expect(done.progress).toEqual({ done: 4, needed: 4, holds: true });
    });

    it('holds `either` when one partner is far enough, counting the one furthest along', () => {
      const rule: Rule = { kind: 'exercise-done', exercise: 'notes', by: 'either', times: 3 };
      const explanation = evaluateRule(
        rule,
        contextOf({ completions: { notes: { ana: [1, 2], kai: [1, 2, 3, 4] } } }),
      );
      expect(explanation.holds).toBe(true);
      expect(explanation.key).toBe('common:explain.exercise-done.either');
      expect(explanation.progress).toEqual({ done: 3, needed: 3, holds: true });
      expect(explanation.partners).toEqual({
        ana: { done: 2, needed: 3, holds: false },
        kai: { done: 3, needed: 3, holds: true },
      });

      const neither = evaluateRule(
        rule,
        contextOf({ completions: { notes: { ana: [1, 2], kai: [1] } } }),
      );
      expect(neither.holds).toBe(false);
      expect(neither.progress).toEqual({ done: 2, needed: 3, holds: false });
    });

    it('counts only completions done together for `both-together`, without per-partner progress', () => {
      const rule: Rule = { kind: 'exercise-done', exercise: 'talk', by: 'both-together', times: 2 };
      const alone = evaluateRule(
        rule,
        contextOf({ completions: { talk: { ana: [1, 2], kai: [1, 2] } }, together: { talk: [5] } }),
      );
      expect(alone).toEqual({
        kind: 'exercise-done',
        holds: false,
        key: 'common:explain.exercise-done.both-together',
        params: { exercise: 'talk', exerciseKey: 'title:talk', times: 2 },
        progress: { done: 1, needed: 2, holds: false },
      });
      expect(evaluateRule(rule, contextOf({ together: { talk: [5, 6] } })).holds).toBe(true);
    });

    it('needs one completion when the rule gives no count', () => {
      const rule: Rule = { kind: 'exercise-done', exercise: 'talk', by: 'each' };
      const explanation = evaluateRule(
        rule,
        contextOf({ completions: { talk: { ana: [1], kai: [2] } } }),
      );
      expect(explanation.holds).toBe(true);
      expect(explanation.params).toMatchObject({ times: 1 });
      expect(explanation.params).not.toHaveProperty('days');
    });

    it('counts only completions in the last `withinDays` days, the boundary included', () => {
      const rule: Rule = { kind: 'exercise-done', exercise: 'talk', by: 'each', withinDays: 7 };
      const explanation = evaluateRule(
        rule,
        contextOf({ completions: { talk: { ana: [NOW - 7 * DAY], kai: [NOW - 7 * DAY - 1] } } }),
      );
      expect(explanation.holds).toBe(false);
      expect(explanation.params).toMatchObject({ days: 7 });
      expect(explanation.partners).toEqual({
        ana: { done: 1, needed: 1, holds: true },
        kai: { done: 0, needed: 1, holds: false },
      });
    });
  });

  it('holds `step-completed` when the step is completed, naming the step', () => {
    const rule: Rule = { kind: 'step-completed', step: 'safe-space' };
    expect(evaluateRule(rule, contextOf({ completedSteps: ['safe-space'] }))).toEqual({
      kind: 'step-completed',
      holds: true,
      key: 'common:explain.step-completed',
      params: { step: 'safe-space', stepKey: 'step-title:safe-space' },
    });
    expect(evaluateRule(rule, contextOf({ completedSteps: ['empathy'] })).holds).toBe(false);
  });

  describe('check-in-score', () => {
    const scores = { 'weekly|closeness': { ana: 4, kai: 2 } };

    it('holds `each` only when both partners’ latest scores are in range', () => {
      const rule: Rule = {
        kind: 'check-in-score',
        exercise: 'weekly',
        dimension: 'closeness',
        by: 'each',
        atLeast: 3,
      };
      expect(evaluateRule(rule, contextOf({ scores }))).toEqual({
        kind: 'check-in-score',
        holds: false,
        key: 'common:explain.check-in-score',
        params: {
          exercise: 'weekly',
          exerciseKey: 'title:weekly',
          dimension: 'closeness',
          dimensionKey: 'dimension:weekly.closeness',
          range: '≥ 3',
        },
        partners: {
          ana: { done: 1, needed: 1, holds: true },
          kai: { done: 0, needed: 1, holds: false },
        },
      });
      const both = { 'weekly|closeness': { ana: 4, kai: 3 } };
      expect(evaluateRule(rule, contextOf({ scores: both })).holds).toBe(true);
    });

    it('holds `either` when one partner’s latest score is in range', () => {
      const rule: Rule = {
        kind: 'check-in-score',
        exercise: 'weekly',
        dimension: 'closeness',
        by: 'either',
        atMost: 2,
      };
      const explanation = evaluateRule(rule, contextOf({ scores }));
      expect(explanation.holds).toBe(true);
      expect(explanation.params.range).toBe('≤ 2');
      const high = { 'weekly|closeness': { ana: 4, kai: 3 } };
      expect(evaluateRule(rule, contextOf({ scores: high })).holds).toBe(false);
    });

    it('includes both bounds of a range and shows it as `low–high`', () => {
      const rule: Rule = {
        kind: 'check-in-score',
        exercise: 'weekly',
        dimension: 'closeness',
        by: 'each',
        atLeast: 2,
        atMost: 4,
      };
      const explanation = evaluateRule(rule, contextOf({ scores }));
      expect(explanation.holds).toBe(true);
      expect(explanation.params.range).toBe('2–4');
    });

    it('does not count a partner who has not checked in yet', () => {
      const rule: Rule = {
        kind: 'check-in-score',
        exercise: 'weekly',
        dimension: 'closeness',
        by: 'each',
      };
      const explanation = evaluateRule(
        rule,
        contextOf({ scores: { 'weekly|closeness': { ana: 1 } } }),
      );
      expect(explanation.holds).toBe(false);
      expect(explanation.params.range).toBe('≥ −∞');
      expect(explanation.partners).toEqual({
        ana: { done: 1, needed: 1, holds: true },
        kai: { done: 0, needed: 1, holds: false },
      });
    });
  });

  describe('check-in-divergence', () => {
    const rule: Rule = {
      kind: 'check-in-divergence',
      exercise: 'weekly',
      dimension: 'closeness',
      atLeast: 2,
    };

    it('holds when the partners’ latest scores are at least `atLeast` apart, either way round', () => {
      expect(
        evaluateRule(rule, contextOf({ scores: { 'weekly|closeness': { ana: 1, kai: 3 } } })),
      ).toEqual({
        kind: 'check-in-divergence',
        holds: true,
        key: 'common:explain.check-in-divergence',
        params: {
          exercise: 'weekly',
          dimension: 'closeness',
          dimensionKey: 'dimension:weekly.closeness',
          count: 2,
        },
      });
      const reversed = { 'weekly|closeness': { ana: 5, kai: 3 } };
      expect(evaluateRule(rule, contextOf({ scores: reversed })).holds).toBe(true);
    });

    it('does not hold when the scores are closer, or only one partner checked in', () => {
      const close = { 'weekly|closeness': { ana: 4, kai: 3 } };
      expect(evaluateRule(rule, contextOf({ scores: close })).holds).toBe(false);
      const one = { 'weekly|closeness': { ana: 5 } };
      expect(evaluateRule(rule, contextOf({ scores: one })).holds).toBe(false);
    });
  });

  it('holds `rhythm` once enough weeks had shared practice, with progress capped at the goal', () => {
    const rule: Rule = { kind: 'rhythm', weeks: 3 };
    expect(evaluateRule(rule, contextOf({ rhythmWeeks: 2 }))).toEqual({
      kind: 'rhythm',
      holds: false,
      key: 'common:explain.rhythm',
      params: { count: 3 },
      progress: { done: 2, needed: 3, holds: false },
    });
    expect(evaluateRule(rule, contextOf({ rhythmWeeks: 5 })).progress).toEqual({
      done: 3,
      needed: 3,
      holds: true,
    });
  });

  it('holds `days-since-start` from the given day on', () => {
    const rule: Rule = { kind: 'days-since-start', atLeast: 14 };
    expect(evaluateRule(rule, contextOf({ daysSinceStart: 13 }))).toEqual({
      kind: 'days-since-start',
      holds: false,
      key: 'common:explain.days-since-start',
      params: { count: 14 },
      progress: { done: 13, needed: 14, holds: false },
    });
    expect(evaluateRule(rule, contextOf({ daysSinceStart: 14 })).holds).toBe(true);
  });

  it('holds `safety-clear` only while nothing rests, and never says who or why', () => {
    const rule: Rule = { kind: 'safety-clear' };
    expect(evaluateRule(rule, contextOf({ resting: false }))).toEqual({
      kind: 'safety-clear',
      holds: true,
      key: 'common:explain.safety-clear',
      params: {},
    });
    const resting = evaluateRule(rule, contextOf({ resting: true }));
    expect(resting).toEqual({
      kind: 'safety-clear',
      holds: false,
      key: 'common:explain.safety-clear',
      params: {},
    });
  });

  describe('rule kinds it does not know', () => {
    const custom = { kind: 'moon-phase', phase: 'full' } as unknown as Rule;

    it('does not hold one and says which kind it was, when no plugin evaluates it', () => {
      expect(evaluateRule(custom, contextOf())).toEqual({
        kind: 'moon-phase',
        holds: false,
        key: 'common:explain.unknown',
        params: { kind: 'moon-phase' },
      });
    });

    it('hands one to the plugin evaluator, nested rules included', () => {
      const seen: unknown[] = [];
      const context = contextOf({
        rhythmWeeks: 4,
        evaluateCustom: (rule, given) => {
          seen.push(rule);
          return {
            kind: rule.kind,
            holds: given.rhythmWeeks > 3,
            key: 'moon:explain',
            params: {},
          };
        },
      });
      const explanation = evaluateRule({ kind: 'all', rules: [always, custom] }, context);
      expect(explanation.holds).toBe(true);
      expect(explanation.children?.[1]).toEqual({
        kind: 'moon-phase',
        holds: true,
        key: 'moon:explain',
        params: {},
      });
      expect(seen).toEqual([custom]);
    });
  });
});

describe('fractionMet', () => {
  it('is 1 for a rule that holds, whatever its progress says', () => {
    const explanation = evaluateRule({ kind: 'rhythm', weeks: 0 }, contextOf());
    expect(fractionMet(explanation)).toBe(1);
  });

  it('gives partial credit for counts', () => {
    const explanation = evaluateRule(
      { kind: 'exercise-done', exercise: 'notes', by: 'each', times: 2 },
      contextOf({ completions: { notes: { ana: [1, 2, 3] } } }),
    );
    expect(fractionMet(explanation)).toBe(0.5);
  });

  it('averages the inner rules of `all` and takes the best of `any`', () => {
    const half: Rule = { kind: 'rhythm', weeks: 4 };
    const quarter: Rule = { kind: 'days-since-start', atLeast: 8 };
    const context = contextOf({ rhythmWeeks: 2, daysSinceStart: 2 });
    expect(fractionMet(evaluateRule({ kind: 'all', rules: [half, quarter, never] }, context))).toBe(
      0.25,
    );
    expect(fractionMet(evaluateRule({ kind: 'any', rules: [quarter, half] }, context))).toBe(0.5);
  });

  it('is 0 for an unmet rule without counts, and for an unmet empty `all`', () => {
    const scoreRule: Rule = {
      kind: 'check-in-score',
      exercise: 'weekly',
      dimension: 'closeness',
      by: 'each',
      atLeast: 5,
    };
    expect(fractionMet(evaluateRule(scoreRule, contextOf()))).toBe(0);
    expect(fractionMet(evaluateRule(never, contextOf()))).toBe(0);
    const emptyAll: RuleExplanation = { kind: 'all', holds: false, key: 'k', params: {} };
    expect(fractionMet(emptyAll)).toBe(0);
  });
});

describe('evaluating any rule', () => {
  const exercise = fc.constantFrom('notes', 'talk', 'walk');
  const dimension = fc.constantFrom('closeness', 'stress');
  const leafRule: fc.Arbitrary<Rule> = fc.oneof(
    fc.constant<Rule>({ kind: 'always' }),
    fc.constant<Rule>({ kind: 'safety-clear' }),
    fc.record({
      kind: fc.constant('exercise-done' as const),
      exercise,
      by: fc.constantFrom('either' as const, 'each' as const, 'both-together' as const),
      times: fc.integer({ min: 1, max: 4 }),
      withinDays: fc.integer({ min: 0, max: 30 }),
    }),
    fc.record({ kind: fc.constant('step-completed' as const), step: fc.constantFrom('a', 'b') }),
    fc.record(
      {
        kind: fc.constant('check-in-score' as const),
        exercise: fc.constant('weekly'),
        dimension,
        by: fc.constantFrom('either' as const, 'each' as const),
        atLeast: fc.integer({ min: -1, max: 6 }),
        atMost: fc.integer({ min: -1, max: 6 }),
      },
      { requiredKeys: ['kind', 'exercise', 'dimension', 'by'] },
    ),
    fc.record({
      kind: fc.constant('check-in-divergence' as const),
      exercise: fc.constant('weekly'),
      dimension,
      atLeast: fc.integer({ min: 0, max: 5 }),
    }),
    fc.record({ kind: fc.constant('rhythm' as const), weeks: fc.nat(6) }),
    fc.record({ kind: fc.constant('days-since-start' as const), atLeast: fc.nat(30) }),
  );
  const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafRule,
      fc.record({
        kind: fc.constantFrom('all' as const, 'any' as const),
        rules: fc.array(tie('rule'), { maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('not' as const), rule: tie('rule') }),
    ),
  }));
  const walls = fc.array(fc.integer({ min: NOW - 40 * DAY, max: NOW }), { maxLength: 5 });
  const partnerScores = fc.record(
    { ana: fc.integer({ min: 0, max: 6 }), kai: fc.integer({ min: 0, max: 6 }) },
    { requiredKeys: [] },
  );
  const given: fc.Arbitrary<Given> = fc.record({
    completions: fc.record({
      notes: fc.record({ ana: walls, kai: walls }),
      talk: fc.record({ ana: walls, kai: walls }),
    }),
    together: fc.record({ notes: walls, walk: walls }),
    completedSteps: fc.subarray(['a', 'b']),
    scores: fc.record({ 'weekly|closeness': partnerScores, 'weekly|stress': partnerScores }),
    rhythmWeeks: fc.nat(8),
    daysSinceStart: fc.nat(40),
    resting: fc.boolean(),
  });

  it('always scores between 0 and 1, reaching 1 exactly when the rule holds', () => {
    fc.assert(
      fc.property(rule, given, (r, g) => {
        const explanation = evaluateRule(r, contextOf(g));
        const fraction = fractionMet(explanation);
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThanOrEqual(1);
        expect(fraction === 1).toBe(explanation.holds);
      }),
      { numRuns: 300, seed: 20_260_105 },
    );
  });

  it('always holds the opposite way under `not`, and explains nested rules like the rule', () => {
    const shape = (e: RuleExplanation): unknown => [e.kind, (e.children ?? []).map(shape)];
    const ruleShape = (r: Rule): unknown => [
      r.kind,
      r.kind === 'all' || r.kind === 'any'
        ? r.rules.map(ruleShape)
        : r.kind === 'not'
          ? [ruleShape(r.rule)]
          : [],
    ];
    fc.assert(
      fc.property(rule, given, (r, g) => {
        const context = contextOf(g);
        const explanation = evaluateRule(r, context);
        expect(evaluateRule({ kind: 'not', rule: r }, context).holds).toBe(!explanation.holds);
        expect(shape(explanation)).toEqual(ruleShape(r));
      }),
      { numRuns: 300, seed: 20_260_106 },
    );
  });
});
