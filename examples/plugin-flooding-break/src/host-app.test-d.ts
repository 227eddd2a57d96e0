import type { Rule, RuleKind } from '@attune/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { NoBreakInProgressRule } from './index.js';
import type { noBreakInProgress } from './no-break-in-progress.js';

// What an app that installs the plugin sees: importing it registers the rule kind with its types.
describe('the no-break-in-progress rule in a host app', () => {
  it('is one of the rule kinds, and narrows to its fields', () => {
    expectTypeOf<'no-break-in-progress'>().toExtend<RuleKind>();
    const rule = {} as Rule;
    if (rule.kind === 'no-break-in-progress') {
      expectTypeOf(rule).toEqualTypeOf<NoBreakInProgressRule>();
      expectTypeOf(rule.exercise).toEqualTypeOf<string | undefined>();
    }
    const nested: Rule = { kind: 'all', rules: [{ kind: 'no-break-in-progress', exercise: 'x' }] };
    expectTypeOf(nested).toExtend<Rule>();
    // @ts-expect-error the rule has no such field
    const wrong: Rule = { kind: 'no-break-in-progress', minutes: 20 };
    expectTypeOf(wrong).toExtend<Rule>();
  });

  it("is typed in the kind's evaluator", () => {
    expectTypeOf<
      Parameters<typeof noBreakInProgress.evaluate>[0]
    >().toEqualTypeOf<NoBreakInProgressRule>();
  });
});
