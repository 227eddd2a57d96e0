import type {
  AttuneEvent,
  CheckInDimension,
  ConversationPrompt,
  PracticePhase,
  QuizQuestion,
  SafetyQuestion,
  TogetherOptions,
  Visibility,
} from '@attune/core';
import type { i18n } from 'i18next';
import { describe, expectTypeOf, it } from 'vitest';
import type { AttuneI18n } from './attune-i18n.js';
import type { ExerciseState } from './use-exercise.js';
import { useExercise } from './use-exercise.js';

// A plugin's kind narrows here too once the plugin registers it; the example plugins' type tests prove
// it with real plugins (examples/plugin-question-ladder/src/host-app.test-d.ts). Registering a kind in
// this package would put it into this package's API reference.
describe('useExercise', () => {
  it("narrows the exercise's payload on its kind", () => {
    const state = useExercise('any') as ExerciseState;
    if (state.kind === 'guided-practice') {
      expectTypeOf(state.exercise.phases).toEqualTypeOf<readonly PracticePhase[]>();
      expectTypeOf(state.exercise.rounds).toEqualTypeOf<number>();
    }
    if (state.kind === 'check-in') {
      expectTypeOf(state.exercise.dimensions).toEqualTypeOf<readonly CheckInDimension[]>();
    }
    if (state.kind === 'conversation') {
      expectTypeOf(state.exercise.prompts).toEqualTypeOf<readonly ConversationPrompt[]>();
    }
    if (state.kind === 'partner-quiz') {
      expectTypeOf(state.exercise.questions).toEqualTypeOf<readonly QuizQuestion[]>();
    }
    if (state.kind === 'safety-check') {
      expectTypeOf(state.exercise.questions).toEqualTypeOf<readonly SafetyQuestion[]>();
    }
    if (state.exercise.kind === 'reflection') {
      expectTypeOf(state.exercise.shareable).toEqualTypeOf<boolean>();
    }
    // @ts-expect-error a payload field of one kind is not there before narrowing
    state.exercise.phases;
  });

  it('has actions that return the recorded event', () => {
    type State = NonNullable<ReturnType<typeof useExercise>>;
    expectTypeOf<State['complete']>().toEqualTypeOf<(options?: TogetherOptions) => AttuneEvent>();
    expectTypeOf<State['answer']>().toEqualTypeOf<
      (prompt: string, text: string, visibility?: Visibility) => AttuneEvent
    >();
  });
});

describe('AttuneI18n', () => {
  it("accepts the app's own i18next instance", () => {
    expectTypeOf<i18n>().toExtend<AttuneI18n>();
  });
});
