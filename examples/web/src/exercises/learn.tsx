import type { LearnExercise } from '@attune/core';
import type { ExerciseStateOf } from '@attune/react';
import { useText } from '../app-context.js';

/** A short read, section by section. */
export function Learn({ state }: { state: ExerciseStateOf<LearnExercise> }) {
  const t = useText();
  return (
    <section className="card learn" aria-label="Read">
      {state.exercise.sections.map((section) => (
        <p key={section}>{t(section)}</p>
      ))}
    </section>
  );
}
