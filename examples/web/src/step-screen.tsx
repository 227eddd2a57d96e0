import { useStep, useStepProgress } from '@attune/react';
import { useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { DoneBy } from './done-by.js';
import { Explanation } from './explanation.js';
import { kindLabel } from './kind-label.js';
import { href } from './use-route.js';

/** One step: why it matters, what opens and completes it, and its exercises. */
export function StepScreen({ id }: { id: string }) {
  const t = useText();
  const words = useAppText();
  const step = useStep(id);
  const progress = useStepProgress(id);
  if (!step || !progress) {
    return (
      <section>
        <h1>{words.t('not-found')}</h1>
        <p>
          {words.t('step.missing', { id })}{' '}
          <a href={href({ screen: 'path' })}>{words.t('back-to-path')}</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="step-title" className="step-screen">
      <p className="crumbs">
        <a href={href({ screen: 'path' })}>{t('program.title')}</a>
      </p>
      <h1 id="step-title">{t(step.titleKey)}</h1>
      <p className="lead">{t(step.summaryKey)}</p>
      <p>{t(step.whyKey)}</p>
      <p className="status" data-status={progress.status}>
        {t(`status.${progress.status}`)} · {progress.percent}%
      </p>
      <progress max={100} value={progress.percent} aria-labelledby="step-title" />
      {progress.status === 'locked' ? (
        <section className="card" aria-labelledby="unlock-title">
          <h2 id="unlock-title">{words.t('why-locked')}</h2>
          <Explanation rule={progress.unlock} />
        </section>
      ) : (
        <section className="card" aria-labelledby="completion-title">
          <h2 id="completion-title">{words.t('step.completes')}</h2>
          <Explanation rule={progress.completion} />
        </section>
      )}
      <h2>{words.t('step.exercises')}</h2>
      <ul className="exercises">
        {step.exercises.map((exercise) => (
          <li key={exercise.id} className="exercise-item" data-exercise={exercise.id}>
            <h3>
              <a href={href({ screen: 'exercise', id: exercise.id })}>{t(exercise.titleKey)}</a>
            </h3>
            <p className="meta">
              {kindLabel(words, exercise.kind)} · {t(`mode.${exercise.mode}`)} ·{' '}
              {t('minutes', { count: exercise.minutes })}
              {progress.resting.includes(exercise.id) && ` · ${t('safety:resting.neutral')}`}
            </p>
            <p>{t(exercise.whyKey)}</p>
            <DoneBy exercise={exercise} />
          </li>
        ))}
      </ul>
    </section>
  );
}
