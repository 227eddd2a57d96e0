import type { StepProgress } from '@attune/core';
import { useAttuneSelector } from './use-attune-selector.js';

/**
 * Every step's progress, in program order: status, percent, per-partner contributions and the
 * explanations of its unlock and completion rules.
 */
export function useSteps(): readonly StepProgress[] {
  return useAttuneSelector((snapshot) => snapshot.steps);
}
