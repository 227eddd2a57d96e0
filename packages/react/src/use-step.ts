import type { Step } from '@attune/core';
import { getStep } from '@attune/core';
import { useProgram } from './use-program.js';

/**
 * One step of the program, by id: its exercises and content keys. For where the couple stands in
 * it, see {@link useStepProgress}.
 *
 * @returns the step, or `undefined` when the program has no such step.
 */
export function useStep(stepId: string): Step | undefined {
  return getStep(useProgram(), stepId);
}
