import { describe, expectTypeOf, it } from 'vitest';
import type { PluginExercise } from '../program/registry.js';
import type {
  BuiltInExercise,
  Exercise,
  ExerciseBase,
  ExerciseMode,
  ExerciseOfKind,
} from '../program/types.js';
import type { PluginRule, RuleOfKind } from '../rules/registry.js';
import type { BuiltInRule, Rule } from '../rules/types.js';
import { defineExerciseKind, definePlugin, defineRuleKind } from './define-plugin.js';
import type {
  AttunePlugin,
  ExerciseDefaults,
  ExerciseInput,
  ExerciseKindDefinition,
  StepInput,
} from './types.js';

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

describe('exercises as plugins write them', () => {
  interface StoryExercise extends ExerciseBase {
    readonly kind: 'story';
    readonly chapters: readonly string[];
  }

  it('may leave out the fields defaults fill in, which the resolved exercise requires', () => {
    expectTypeOf<ExerciseInput<StoryExercise>['mode']>().toEqualTypeOf<ExerciseMode | undefined>();
    expectTypeOf<ExerciseInput<StoryExercise>['chapters']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<StoryExercise['mode']>().toEqualTypeOf<ExerciseMode>();
    expectTypeOf<ExerciseKindDefinition['defaults']>().toEqualTypeOf<
      ExerciseDefaults | undefined
    >();
    const keys = { titleKey: 's:t', whyKey: 's:w', howKey: 's:h', ifHardKey: 's:i' } as const;
    const story: ExerciseInput<StoryExercise> = {
      id: 'tale',
      kind: 'story',
      ...keys,
      chapters: [],
    };
    expectTypeOf(story).toExtend<ExerciseInput<StoryExercise>>();
    // @ts-expect-error what no default fills in stays required
    const untold: ExerciseInput<StoryExercise> = { id: 'tale', kind: 'story', ...keys };
    expectTypeOf(untold).toBeObject();
  });

  it('types the steps and program a plugin gives as inputs', () => {
    expectTypeOf<NonNullable<AttunePlugin['steps']>>().toEqualTypeOf<readonly StepInput[]>();
    expectTypeOf<NonNullable<AttunePlugin['program']>['steps']>().toEqualTypeOf<
      readonly StepInput[]
    >();
  });
});
