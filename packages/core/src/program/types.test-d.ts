import { describe, expectTypeOf, it } from 'vitest';
import type { Exercise, PracticePhase, QuizQuestion, Scale } from './types.js';

declare const exercise: Exercise;

describe('Exercise', () => {
  it('narrows its payload on kind', () => {
    if (exercise.kind === 'guided-practice') {
      expectTypeOf(exercise.phases).toEqualTypeOf<readonly PracticePhase[]>();
      expectTypeOf(exercise.rounds).toEqualTypeOf<number>();
    }
    if (exercise.kind === 'partner-quiz') {
      expectTypeOf(exercise.questions).toEqualTypeOf<readonly QuizQuestion[]>();
    }
    if (exercise.kind === 'check-in') {
      expectTypeOf(exercise.scale).toEqualTypeOf<Scale>();
    }
  });

  it('has no payload field outside its own kind', () => {
    if (exercise.kind === 'learn') {
      expectTypeOf(exercise).not.toHaveProperty('phases');
      expectTypeOf(exercise.sections).toEqualTypeOf<readonly string[]>();
    }
  });
});
