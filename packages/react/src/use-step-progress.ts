import type { StepProgress } from '@attune/core';
import { useAttuneSelector } from './use-attune-selector.js';

/**
 * Where the couple stands in one step: status, percent, contributions, and why it is open or not
 * (`unlock`) and what completes it (`completion`), as explanations `useFormatMessage` turns into text.
 *
 * @returns the progress, or `undefined` when the program has no such step.
 */
export function useStepProgress(stepId: string): StepProgress | undefined {
  return useAttuneSelector((snapshot) => snapshot.steps.find((step) => step.id === stepId));
}
