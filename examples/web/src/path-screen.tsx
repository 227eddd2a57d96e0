import { useProgram, useRhythm } from '@attune/react';
import { useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { DueList } from './due-list.js';
import { NextSuggestion } from './next-suggestion.js';
import { StepCard } from './step-card.js';

/** The home screen: the nine steps with where the couple stands, and what could come next. */
export function PathScreen() {
  const t = useText();
  const words = useAppText();
  const program = useProgram();
  const rhythm = useRhythm();
  return (
    <section aria-labelledby="path-title">
      <h1 id="path-title">{t(program.titleKey)}</h1>
      <p className="lead">
        {rhythm.paused ? t('rhythm.paused') : t('rhythm.weeks', { count: rhythm.weeks })}
      </p>
      <div className="overview">
        <NextSuggestion />
        <DueList />
      </div>
      <ol className="steps" aria-label={words.t('path.steps')}>
        {program.steps.map((step, index) => (
          <StepCard key={step.id} step={step} index={index} />
        ))}
      </ol>
      <p className="note">{t('program.not-therapy')}</p>
    </section>
  );
}
