import { AttuneEventError, type Engine } from '@attune/core';
import type { Text } from '../text/text.js';

/**
 * Why an exercise cannot be done now, in the person's language, or `undefined` when it can. The
 * engine refuses the same cases with an English error; asking first lets the program say it kindly.
 */
export function whyNot(engine: Engine, exerciseId: string, t: Text): string | undefined {
  const snapshot = engine.getSnapshot();
  const stepId = engine.program.steps.find((step) =>
    step.exercises.some((exercise) => exercise.id === exerciseId),
  )?.id;
  const step = snapshot.steps.find((candidate) => candidate.id === stepId);
  if (snapshot.paused && !engine.program.alwaysOpen.includes(stepId ?? '')) return t('cli:paused');
  if (step?.status === 'locked') {
    const exercise = engine.program.steps
      .flatMap((candidate) => candidate.exercises)
      .find((candidate) => candidate.id === exerciseId);
    return t('cli:reflect.not-open', { exercise: t(exercise?.titleKey ?? exerciseId) });
  }
  if (step?.resting.includes(exerciseId)) return t('cli:resting');
  return undefined;
}

/** The text of an error the engine or the store threw while saving. */
export function describeError(error: unknown, t: Text): string {
  const reason = error instanceof AttuneEventError ? error.message : String(error);
  return t('cli:error.not-saved', { reason });
}
