import type { StepStatus } from '@attune/core';
import { useAttuneSelector } from './use-attune-selector.js';

/**
 * Only the status of one step, so a component (such as a card in a list of steps) re-renders only
 * when that status changes.
 *
 * @returns the status, or `undefined` when the program has no such step.
 */
export function useStepStatus(stepId: string): StepStatus | undefined {
  return useAttuneSelector((snapshot) => snapshot.steps.find((step) => step.id === stepId)?.status);
}
