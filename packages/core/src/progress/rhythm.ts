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

/** A run of weeks, first to last inclusive, as week indexes. */
type WeekRange = readonly [first: number, last: number];

/**
 * The weeks during which the program was paused at some point, in the given time zone, as ranges:
 * sorted and merged, so that none touches another. Ranges, not the weeks themselves: clocks run from
 * 1970 to the end of 9999, and one pause between the two spans some 417,000 weeks.
 */
function pausedWeeks(facts: Facts, timeZone: string, now: number): WeekRange[] {
  const ranges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const first = localWeek(timeZone, from);
    const last = localWeek(timeZone, to);
    // A pause still running that starts after now holds no week yet.
    if (last >= first) ranges.push([first, last]);
  };
  let pausedAt: number | undefined;
  // In the order they take effect (`Facts.pauses` is sorted).
  for (const event of facts.pauses) {
    if (event.type === 'program-paused' && pausedAt === undefined) pausedAt = event.clock.wall;
    if (event.type === 'program-resumed' && pausedAt !== undefined) {
      add(pausedAt, event.clock.wall);
      pausedAt = undefined;
    }
  }
  if (pausedAt !== undefined) add(pausedAt, now);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1] + 1) previous[1] = Math.max(previous[1], range[1]);
    else merged.push(range);
  }
  return merged;
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
  const epoch = localWeek(timeZone, 0);
  let recent = 0;
  let looked = 0;
  // The latest paused range that starts at or before the week looked at.
  let range = paused.length - 1;
  // Walk back from this week over weeks that were not paused, at most four of them, leaping over
  // each paused range whole.
  for (let week = localWeek(timeZone, now); looked < 4 && week > epoch; week--) {
    while (range >= 0 && (paused[range] as WeekRange)[0] > week) range--;
    const around = paused[range];
    if (around && around[1] >= week) {
      // The loop steps on to the week before the range.
      week = around[0];
      continue;
    }
    looked++;
    if (shared.has(week)) recent++;
  }
  return { weeks: shared.size, recent, paused: isPaused(facts) };
}
