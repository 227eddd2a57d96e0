import type { LearnExercise } from '@attune/core';
import type { ExerciseStateOf } from '@attune/react';
import { useText } from '../app-context.js';
import { useAppText } from '../app-text.js';

/** A short read, section by section. */
export function Learn({ state }: { state: ExerciseStateOf<LearnExercise> }) {
  const t = useText();
  const words = useAppText();
  return (
    <section className="card learn" aria-label={words.t('kind.learn')}>
      {state.exercise.sections.map((section) => (
        <p key={section}>{t(section)}</p>
      ))}
    </section>
  );
}
