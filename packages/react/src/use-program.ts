import type { Program, Step } from '@attune/core';
import { getStep } from '@attune/core';
import { useAttuneContext } from './context.js';

/** The program given to the nearest `AttuneProvider`. */
export function useProgram(): Program {
  return useAttuneContext().program;
}

/**
 * One step of the program, by id.
 *
 * @returns the step, or `undefined` when the program has no such step.
 */
export function useStep(stepId: string): Step | undefined {
  return getStep(useProgram(), stepId);
}
