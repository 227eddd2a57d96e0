import type { Exercise, ExerciseInput, ExerciseKind, StepInput, Visibility } from '@attune/core';
import { useExercise } from '@attune/react';
import { describe, expectTypeOf, it } from 'vitest';
import { type LadderSet, type QuestionLadderExercise, questionLadder } from './index.js';
import type { ladderExercise } from './ladder-step.js';
import type { questionLadderKind } from './question-ladder-kind.js';

// What an app that installs the plugin sees: importing it registers the kind with its types.
describe('the question-ladder kind in a host app', () => {
  it('is one of the exercise kinds, and narrows to its payload', () => {
    expectTypeOf<'question-ladder'>().toExtend<ExerciseKind>();
    const exercise = {} as Exercise;
    if (exercise.kind === 'question-ladder') {
      expectTypeOf(exercise).toEqualTypeOf<QuestionLadderExercise>();
      expectTypeOf(exercise.sets).toEqualTypeOf<readonly [LadderSet, LadderSet, LadderSet]>();
    }
    if (exercise.kind === 'learn') expectTypeOf(exercise).not.toHaveProperty('sets');
  });

  it("is typed in the kind's own functions", () => {
    type Recognise = NonNullable<typeof questionLadderKind.completedWhen>;
    expectTypeOf<Parameters<Recognise>[0]>().toEqualTypeOf<QuestionLadderExercise>();
  });

  it("narrows in @attune/react's useExercise", () => {
    const state = useExercise('question-ladder');
    if (state?.kind === 'question-ladder') {
      expectTypeOf(state.exercise).toEqualTypeOf<QuestionLadderExercise>();
      expectTypeOf(state.exercise.sets[2].questions[0]?.key).toEqualTypeOf<string | undefined>();
    }
    if (state?.kind === 'guided-practice')
      expectTypeOf(state.exercise.rounds).toEqualTypeOf<number>();
    // @ts-expect-error the ladder's sets are not there before narrowing
    state?.exercise.sets;
  });
});

describe("the question-ladder plugin's types", () => {
  it('takes typed options', () => {
    questionLadder({ after: 'empathy', minutes: 30 });
    // @ts-expect-error minutes are a number
    questionLadder({ minutes: '30' });
    // @ts-expect-error no such option
    questionLadder({ sealed: false });
  });

  it("leaves out what the kind's defaults fill in, which the engine's exercise has", () => {
    expectTypeOf<ReturnType<typeof ladderExercise>>().toEqualTypeOf<
      ExerciseInput<QuestionLadderExercise>
    >();
    const written = {} as StepInput['exercises'][number];
    if (written.kind === 'question-ladder') {
      expectTypeOf(written.visibility).toEqualTypeOf<Visibility | undefined>();
      expectTypeOf(written.sets).toEqualTypeOf<readonly [LadderSet, LadderSet, LadderSet]>();
    }
    const resolved = {} as Exercise;
    if (resolved.kind === 'question-ladder') {
      expectTypeOf(resolved.visibility).toEqualTypeOf<Visibility>();
      expectTypeOf(resolved.minutes).toEqualTypeOf<number>();
    }
  });
});
