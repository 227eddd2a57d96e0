import type { Couple } from '../program/couple.js';
import type { CheckInExercise, Program, RitualExercise } from '../program/types.js';
import { nextOccurrence } from '../time/cadence.js';
import { formatLocal, toLocal } from '../time/zone.js';
import type { Facts } from './facts.js';
import type { ReminderIntent, StepProgress } from './types.js';

// Per list and partner, the latest wall time in it and how much of the list that covers.
const latestSeen = new WeakMap<object, Map<string, { length: number; latest: number }>>();

/**
 * The latest wall time in one of the facts' lists, which the fold only ever appends to: each call
 * looks only at what was appended since the last, so due items cost the same however long the
 * history is. A loop, not `Math.max(...)`: a long history would spread more arguments than a call
 * takes.
 */
function latestOf<T>(
  list: readonly T[] | undefined,
  partner: string,
  wallOf: (item: T) => number,
): number {
  if (!list) return -Infinity;
  let byPartner = latestSeen.get(list);
  if (!byPartner) {
    byPartner = new Map();
    latestSeen.set(list, byPartner);
  }
  const seen = byPartner.get(partner) ?? { length: 0, latest: -Infinity };
  for (let i = seen.length; i < list.length; i++) {
    seen.latest = Math.max(seen.latest, wallOf(list[i] as T));
  }
  seen.length = list.length;
  byPartner.set(partner, seen);
  return seen.latest;
}

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
      const lastDone = Math.max(
        couple.startedAt,
        latestOf(facts.completions.get(exercise.id)?.get(partnerId), partnerId, (wall) => wall),
        latestOf(facts.together.get(exercise.id), partnerId, (wall) => wall),
        latestOf(facts.checkIns.get(exercise.id), partnerId, ({ event }) =>
          event.partner === partnerId ? event.clock.wall : -Infinity,
        ),
      );
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
