import type { Exercise } from '../program/types.js';
import type { Facts } from './facts.js';
import type { ExerciseProgress, ExerciseStatus } from './types.js';

/**
 * Where one exercise stands, for each partner and for the couple (see {@link ExerciseStatus}), from
 * the facts: starts, each partner's own completions and those done together.
 */
export function exerciseProgress(
  exercise: Exercise,
  facts: Facts,
  partners: readonly string[],
): ExerciseProgress {
  const together = facts.together.get(exercise.id)?.length ?? 0;
  const started = facts.started.get(exercise.id);
  const own = facts.completions.get(exercise.id);
  // Without a prototype, so a partner id such as `__proto__` is a key like any other.
  const byPartner = Object.create(null) as Record<string, ExerciseStatus>;
  let done = 0;
  let begun = 0;
  for (const partner of partners) {
    const status: ExerciseStatus =
      together > 0 || (own?.get(partner)?.length ?? 0) > 0
        ? 'done'
        : started?.has(partner)
          ? 'in-progress'
          : 'not-started';
    byPartner[partner] = status;
    if (status === 'done') done++;
    if (status !== 'not-started') begun++;
  }
  const complete =
    exercise.mode === 'solo' ? done > 0 : together > 0 || (done === partners.length && done > 0);
  const status: ExerciseStatus = complete ? 'done' : begun > 0 ? 'in-progress' : 'not-started';
  return { id: exercise.id, status, partners: byPartner, together };
}
