import type { GuidedPracticeExercise } from '../program/types.js';
import type { PracticeSchedule, PracticeState, ScheduledPracticePhase } from './types.js';

/**
 * Lays out a guided practice: its phases round after round, each with its start and end and each
 * partner's role, the first partner starting in the exercise's first role and the two swapping every
 * round.
 *
 * @param partners the couple's partner ids, in the couple's order.
 * @example
 * ```ts
 * const schedule = practiceSchedule(exercise, ['ana', 'kai']);
 * schedule.phases[0]?.roles.ana?.id; // 'speaker'
 * ```
 */
export function practiceSchedule(
  exercise: GuidedPracticeExercise,
  partners: readonly [string, string],
): PracticeSchedule {
  const phases: ScheduledPracticePhase[] = [];
  let at = 0;
  const [a, b] = partners;
  const [first, second] = exercise.roles;
  for (let round = 0; round < exercise.rounds; round++) {
    const roles = round % 2 === 0 ? { [a]: first, [b]: second } : { [a]: second, [b]: first };
    for (const phase of exercise.phases) {
      const startMs = at;
      at += phase.seconds * 1000;
      phases.push({ phase, round, startMs, endMs: at, roles });
    }
  }
  return { phases, durationMs: at };
}

/**
 * Where a practice stands `elapsedMs` after it started: the phase whose time holds that moment, the
 * time left in it, and whether the practice is over. Before the start it waits at the first phase, in
 * full; past the end it stays at the last phase, done.
 *
 * @returns the state, or `undefined` for a schedule without phases (no phases or no rounds, which
 *   program validation refuses).
 * @example
 * ```ts
 * // 'just-validate': share 120 s, validate 60 s, thank 30 s.
 * const state = practiceStateAt(schedule, 130_000);
 * state?.current.phase.id; // 'validate'
 * state?.secondsLeft; // 50
 * ```
 */
export function practiceStateAt(
  schedule: PracticeSchedule,
  elapsedMs: number,
): PracticeState | undefined {
  const { phases } = schedule;
  const elapsed = Math.max(0, elapsedMs);
  // A phase holds [startMs, endMs): a phase of 0 seconds holds no moment and is passed over.
  let index = phases.findIndex((each) => elapsed < each.endMs);
  if (index === -1) index = phases.length - 1;
  const current = phases[index];
  if (!current) return undefined;
  const remainingMs = Math.max(0, current.endMs - elapsed);
  return {
    current,
    index,
    remainingMs,
    secondsLeft: Math.ceil(remainingMs / 1000),
    done: elapsed >= schedule.durationMs,
  };
}
