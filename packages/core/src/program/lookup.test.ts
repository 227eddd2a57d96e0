import { describe, expect, it } from 'vitest';
import { getExercise, getStep, listExercises } from './lookup.js';
import { nineStepProgram } from './nine-step-program.js';

describe('program lookup', () => {
  it('finds a step by id', () => {
    expect(getStep(nineStepProgram, 'empathy')?.id).toBe('empathy');
    expect(getStep(nineStepProgram, 'nope')).toBeUndefined();
  });

  it('finds every listed exercise with the step that holds it', () => {
    const all = listExercises(nineStepProgram);
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const { step, exercise } of all) {
      const found = getExercise(nineStepProgram, exercise.id);
      expect(found?.step.id).toBe(step.id);
      expect(found?.exercise).toBe(exercise);
    }
    expect(getExercise(nineStepProgram, 'nope')).toBeUndefined();
  });
});
