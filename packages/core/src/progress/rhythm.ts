import { compareEvents } from '../log/order.js';
import { localWeek } from '../time/zone.js';
import type { Facts } from './facts.js';
import type { Rhythm } from './types.js';

/** Whether the program is paused now: the latest pause or resume decides. */
export function isPaused(facts: Facts): boolean {
  const latest = facts.pauses.reduce<Facts['pauses'][number] | undefined>(
    (last, event) => (!last || compareEvents(last, event) < 0 ? event : last),
    undefined,
  );
  return latest?.type === 'program-paused';
}

/** Week indexes during which the program was paused at some point, in the given time zone. */
function pausedWeeks(facts: Facts, timeZone: string, now: number): Set<number> {
  const weeks = new Set<number>();
  const sorted = [...facts.pauses].sort(compareEvents);
  let pausedAt: number | undefined;
  const mark = (from: number, to: number) => {
    for (let week = localWeek(timeZone, from); week <= localWeek(timeZone, to); week++)
      weeks.add(week);
  };
  for (const event of sorted) {
    if (event.type === 'program-paused' && pausedAt === undefined) pausedAt = event.clock.wall;
    if (event.type === 'program-resumed' && pausedAt !== undefined) {
      mark(pausedAt, event.clock.wall);
      pausedAt = undefined;
    }
  }
  if (pausedAt !== undefined) mark(pausedAt, now);
  return weeks;
}

/**
 * Weeks with shared practice: a week counts when the couple did something together, or each partner
 * did something. Missed weeks cost nothing; paused weeks are skipped when looking at recent weeks.
 */
export function computeRhythm(
  facts: Facts,
  partners: readonly string[],
  timeZone: string,
  now: number,
): Rhythm {
  const shared = new Set<number>();
  for (const [week, entry] of facts.weeks) {
    if (entry.together || partners.every((partner) => entry.partners.has(partner)))
      shared.add(week);
  }
  const paused = pausedWeeks(facts, timeZone, now);
  let recent = 0;
  let looked = 0;
  // Walk back from this week over weeks that were not paused, at most four of them.
  for (let week = localWeek(timeZone, now); looked < 4 && week > localWeek(timeZone, 0); week--) {
    if (paused.has(week)) continue;
    looked++;
    if (shared.has(week)) recent++;
  }
  return { weeks: shared.size, recent, paused: isPaused(facts) };
}
