import type { Step } from '@attune/core';
import { useStepProgress } from '@attune/react';
import { useApp, useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { Explanation } from './explanation.js';
import { href } from './use-route.js';

/** One step on the path: its title, status, progress and, when locked, why. */
export function StepCard({ step, index }: { step: Step; index: number }) {
  const t = useText();
  const words = useAppText();
  const { names } = useApp();
  const progress = useStepProgress(step.id);
  if (!progress) return null;
  const titleId = `step-title-${step.id}`;
  return (
    <li className={`step-card status-${progress.status}`} data-step={step.id}>
      <h2 id={titleId}>
        <span className="step-number">{index + 1}</span>{' '}
        <a href={href({ screen: 'step', id: step.id })}>{t(step.titleKey)}</a>
      </h2>
      <p>{t(step.summaryKey)}</p>
      <p className="status" data-status={progress.status}>
        {t(`status.${progress.status}`)} · {progress.percent}%
      </p>
      <progress max={100} value={progress.percent} aria-labelledby={titleId} />
      <ul className="contributions">
        {Object.entries(progress.contributions).map(([partner, contribution]) => (
          <li key={partner}>
            <bdi>{names[partner] ?? partner}</bdi>: {contribution.done}/{contribution.total}
          </li>
        ))}
      </ul>
      {progress.status === 'locked' && (
        <details className="why-locked">
          <summary>{words.t('why-locked')}</summary>
          <Explanation rule={progress.unlock} />
        </details>
      )}
    </li>
  );
}
