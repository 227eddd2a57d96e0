import type { Couple } from '../program/couple.js';
import type { CheckInExercise, Program, RitualExercise } from '../program/types.js';
import { nextOccurrence } from '../time/cadence.js';
import { formatLocal, toLocal } from '../time/zone.js';
import type { Facts } from './facts.js';
import type { ReminderIntent, StepProgress } from './types.js';

/**
 * Rituals and check-ins coming round for one partner, as reminder intents in their time zone. An
 * item is `due` when its latest occurrence has passed without being done, `upcoming` otherwise.
 * Nothing is due while the program is paused, after the partner left, or in a locked step.
 */
export function computeDue(
  facts: Facts,
  program: Program,
  couple: Couple,
  steps: readonly StepProgress[],
  partnerId: string,
  now: number,
  paused: boolean,
): ReminderIntent[] {
  const partner = couple.partners.find((candidate) => candidate.id === partnerId);
  if (!partner || paused || facts.left.has(partnerId)) return [];
  const intents: ReminderIntent[] = [];
  for (const step of program.steps) {
    const progress = steps.find((candidate) => candidate.id === step.id);
    if (!progress || progress.status === 'locked') continue;
    for (const exercise of step.exercises) {
      if (exercise.kind !== 'ritual' && exercise.kind !== 'check-in') continue;
      if (progress.resting.includes(exercise.id)) continue;
      const recurring = exercise as RitualExercise | CheckInExercise;
      // A loop, not `Math.max(...)`: a long history would spread more arguments than a call takes.
      let lastDone = couple.startedAt;
      for (const wall of facts.completions.get(exercise.id)?.get(partnerId) ?? []) {
        if (wall > lastDone) lastDone = wall;
      }
      for (const wall of facts.together.get(exercise.id) ?? []) {
        if (wall > lastDone) lastDone = wall;
      }
      for (const fact of facts.checkIns.get(exercise.id) ?? []) {
        if (fact.event.partner === partnerId && fact.event.clock.wall > lastDone) {
          lastDone = fact.event.clock.wall;
        }
      }
      const at = nextOccurrence(recurring.cadence, partner.timeZone, couple.startedAt, lastDone);
      intents.push({
        id: `${exercise.id}:${partnerId}:${at}`,
        partner: partnerId,
        exercise: exercise.id,
        step: step.id,
        state: at <= now ? 'due' : 'upcoming',
        at,
        localTime: formatLocal(toLocal(partner.timeZone, at)),
        timeZone: partner.timeZone,
        messageKey:
          exercise.kind === 'ritual' ? 'common:reminder.ritual' : 'common:reminder.check-in',
        params: { exercise: exercise.id, exerciseKey: exercise.titleKey },
      });
    }
  }
  return intents.sort((a, b) => a.at - b.at || (a.exercise < b.exercise ? -1 : 1));
}
