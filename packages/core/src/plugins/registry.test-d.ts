import { describe, expectTypeOf, it } from 'vitest';
import type { PluginExercise } from '../program/registry.js';
import type { BuiltInExercise, Exercise, ExerciseBase, ExerciseOfKind } from '../program/types.js';
import type { PluginRule, RuleOfKind } from '../rules/registry.js';
import type { BuiltInRule, Rule } from '../rules/types.js';
import { defineExerciseKind, definePlugin, defineRuleKind } from './define-plugin.js';
import type { AttunePlugin, ExerciseKindDefinition } from './types.js';

// Core's own program leaves the registries empty; the example plugins test them filled in.
describe('the kind registries, left empty', () => {
  it('add nothing to the exercise and rule unions', () => {
    expectTypeOf<PluginExercise>().toBeNever();
    expectTypeOf<PluginRule>().toBeNever();
    expectTypeOf<Exercise>().toEqualTypeOf<BuiltInExercise>();
    expectTypeOf<Rule>().toEqualTypeOf<BuiltInRule>();
  });

  it('type an unregistered kind by its common fields', () => {
    expectTypeOf<ExerciseOfKind<'story'>>().toEqualTypeOf<
      ExerciseBase & { readonly kind: 'story' }
    >();
    expectTypeOf<RuleOfKind<'moon'>['kind']>().toEqualTypeOf<'moon'>();
  });
});

describe('definePlugin', () => {
  it('infers a kind from its definition and accepts it among any kinds', () => {
    const story = defineExerciseKind({
      kind: 'story',
      completedWhen: (exercise) => exercise.kind === 'story',
    });
    expectTypeOf(story).toEqualTypeOf<ExerciseKindDefinition<'story'>>();
    const moon = defineRuleKind({
      kind: 'moon',
      explanationKeys: ['moon:full'],
      evaluate: (rule) => ({ holds: rule.kind === 'moon', key: 'moon:full' }),
    });
    expectTypeOf(
      definePlugin({ contract: 1, name: 'tales', exerciseKinds: [story], ruleKinds: [moon] }),
    ).toEqualTypeOf<AttunePlugin>();
  });

  it('accepts only the contract version this core implements', () => {
    // @ts-expect-error contract 2 is not implemented here
    definePlugin({ contract: 2, name: 'future' });
  });
});
