import type { Program, StepProgress } from '@attune/core';
import type { Text } from '../text/text.js';
import { formatPercent } from './format-percent.js';

/** One line for a step: its title, its status, and how far it is unless it is still locked. */
export function formatStep(step: StepProgress, program: Program, t: Text, locale: string): string {
  const title = t(program.steps.find((candidate) => candidate.id === step.id)?.titleKey ?? step.id);
  const status = t(`status.${step.status}`);
  if (step.status === 'locked') return t('cli:progress.step-locked', { step: title, status });
  return t('cli:progress.step', {
    step: title,
    status,
    percent: formatPercent(locale, step.percent),
  });
}
