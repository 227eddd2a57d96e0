import type { Exercise, Program, Step } from './types.js';

/**
 * Finds a step by id.
 *
 * @returns the step, or `undefined` when the program has no step with that id.
 */
export function getStep(program: Program, stepId: string): Step | undefined {
  return program.steps.find((step) => step.id === stepId);
}

/** An exercise together with the step it belongs to. */
export interface LocatedExercise {
  readonly step: Step;
  readonly exercise: Exercise;
}

/**
 * Finds an exercise anywhere in the program, with its step.
 *
 * @returns the exercise and its step, or `undefined` when no exercise has that id.
 */
export function getExercise(program: Program, exerciseId: string): LocatedExercise | undefined {
  for (const step of program.steps) {
    const exercise = step.exercises.find((candidate) => candidate.id === exerciseId);
    if (exercise) return { step, exercise };
  }
  return undefined;
}

/** Every exercise of the program with its step, in program order. */
export function listExercises(program: Program): LocatedExercise[] {
  return program.steps.flatMap((step) => step.exercises.map((exercise) => ({ step, exercise })));
}
