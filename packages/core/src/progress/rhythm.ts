import { localWeek } from '../time/zone.js';
import type { Facts } from './facts.js';
import type { Rhythm } from './types.js';

/** Whether the program is paused now: the latest pause or resume decides. */
export function isPaused(facts: Facts): boolean {
  // In the order they take effect, so the latest is the last.
  const { pauses } = facts;
  return pauses[pauses.length - 1]?.type === 'program-paused';
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

/** Keeps the weeks with shared practice between changes, so a change looks at its own weeks only. */
export interface RhythmTracker {
  /**
   * The rhythm at `now`. `weeks` names the weeks practice changed in since the last update;
   * without it, every week of the facts is looked at.
   */
  update(facts: Facts, weeks: Iterable<number> | undefined, now: number): Rhythm;
}

/**
 * Creates the tracker of a couple's rhythm, counted in the given time zone: a week counts when the
 * couple did something together, or each partner did something. Missed weeks cost nothing; paused
 * weeks are skipped when looking at recent weeks.
 */
export function createRhythmTracker(partners: readonly string[], timeZone: string): RhythmTracker {
  // Weeks only ever become shared: facts only grow.
  let shared = new Set<number>();
  // The paused ranges, and the pauses and the week of now they were placed for.
  let paused: WeekRange[] = [];
  let pausedFrom: Facts['pauses'] | undefined;
  let pausedAt: number | undefined;
  const epoch = localWeek(timeZone, 0);
  const add = (facts: Facts, week: number) => {
    const entry = facts.weeks.get(week);
    if (entry && (entry.together || partners.every((partner) => entry.partners.has(partner)))) {
      shared.add(week);
    }
  };
  return {
    update(facts, weeks, now) {
      if (weeks) for (const week of weeks) add(facts, week);
      else {
        shared = new Set();
        for (const week of facts.weeks.keys()) add(facts, week);
      }
      const thisWeek = localWeek(timeZone, now);
      // A pause still running lasts until now, so its range grows with the week of now.
      if (facts.pauses !== pausedFrom || thisWeek !== pausedAt) {
        paused = pausedWeeks(facts, timeZone, now);
        pausedFrom = facts.pauses;
        pausedAt = thisWeek;
      }
      let recent = 0;
      let looked = 0;
      // The latest paused range that starts at or before the week looked at.
      let range = paused.length - 1;
      // Walk back from this week over weeks that were not paused, at most four of them, leaping
      // over each paused range whole.
      for (let week = thisWeek; looked < 4 && week > epoch; week--) {
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
    },
  };
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
  return createRhythmTracker(partners, timeZone).update(facts, undefined, now);
}
