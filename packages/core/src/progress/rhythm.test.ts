import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttuneEvent, LoggedEvent } from '../events/types.js';
import { testCouple } from '../testing/test-couple.js';
import { createFacts, type Facts, type FoldContext, foldEvent } from './facts.js';
import { computeRhythm, isPaused } from './rhythm.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const PARTNERS = ['ana', 'kai'];
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
/** Wednesday noon (UTC) of the couple's first week, Monday 2026-01-05 to Sunday 2026-01-11. */
const WEEK_1 = Date.UTC(2026, 0, 7, 12);
/** Wednesday noon (UTC) of the couple's nth week. */
const week = (n: number) => WEEK_1 + (n - 1) * WEEK;

const context: FoldContext = {
  timeZones: new Map(testCouple.partners.map((partner) => [partner.id, partner.timeZone])),
  exercises: new Set(['daily-talk', 'notes']),
};

let seq = 0;
function event(
  partner: string,
  wall: number,
  type: AttuneEvent['type'],
  data: Record<string, unknown> = {},
  counter = 0,
): LoggedEvent {
  seq++;
  return {
    id: `${partner}-phone:${seq}`,
    partner,
    device: `${partner}-phone`,
    seq,
    clock: { wall, counter },
    type,
    data,
    visibility: 'shared',
  };
}

const alone = (partner: string, wall: number) =>
  event(partner, wall, 'exercise-completed', { exercise: 'notes', together: false });
const together = (partner: string, wall: number) =>
  event(partner, wall, 'exercise-completed', { exercise: 'daily-talk', together: true });
const paused = (wall: number, counter = 0) => event('ana', wall, 'program-paused', {}, counter);
const resumed = (wall: number, counter = 0) => event('kai', wall, 'program-resumed', {}, counter);
/** Both partners practise on their own at one moment. */
const both = (wall: number) => [alone('ana', wall), alone('kai', wall)];

function factsOf(events: readonly LoggedEvent[]): Facts {
  const facts = createFacts();
  for (const each of events) foldEvent(facts, each, context);
  return facts;
}

describe('isPaused', () => {
  it('is not paused before anyone paused', () => {
    expect(isPaused(factsOf([alone('ana', WEEK_1)]))).toBe(false);
  });

  it('is paused after a pause, and no longer after a resume', () => {
    expect(isPaused(factsOf([paused(WEEK_1)]))).toBe(true);
    expect(isPaused(factsOf([paused(WEEK_1), resumed(WEEK_1 + HOUR)]))).toBe(false);
    expect(
      isPaused(factsOf([paused(WEEK_1), resumed(WEEK_1 + HOUR), paused(WEEK_1 + 2 * HOUR)])),
    ).toBe(true);
  });

  it('lets the latest event in log order decide, not the last to arrive', () => {
    expect(isPaused(factsOf([paused(WEEK_1 + HOUR), resumed(WEEK_1)]))).toBe(true);
    // The same wall time: the clock's counter orders them.
    expect(isPaused(factsOf([resumed(WEEK_1, 1), paused(WEEK_1, 0)]))).toBe(false);
  });
});

describe('computeRhythm', () => {
  it('counts a week only when both partners practised, or the couple practised together', () => {
    expect(computeRhythm(factsOf([alone('ana', week(1))]), PARTNERS, BERLIN, week(3)).weeks).toBe(
      0,
    );
    const rhythm = computeRhythm(
      factsOf([...both(week(1)), together('kai', week(2)), alone('kai', week(3))]),
      PARTNERS,
      BERLIN,
      week(3),
    );
    expect(rhythm).toEqual({ weeks: 2, recent: 2, paused: false });
  });

  it('counts each partner’s practice in the week of their own calendar', () => {
    // Sunday 23:30 UTC is Monday of the next week in Berlin, still Sunday in New York.
    const sundayNight = Date.UTC(2026, 0, 11, 23, 30);
    const split = factsOf([alone('ana', sundayNight), alone('kai', Date.UTC(2026, 0, 11, 12))]);
    expect(computeRhythm(split, PARTNERS, BERLIN, week(3)).weeks).toBe(0);
    const sameWeek = factsOf([alone('ana', sundayNight), alone('kai', Date.UTC(2026, 0, 12, 12))]);
    expect(computeRhythm(sameWeek, PARTNERS, BERLIN, week(3)).weeks).toBe(1);
  });

  it('looks at recent weeks in the calendar of the time zone it is given', () => {
    // Monday 00:15 in Berlin, Sunday 18:15 in New York.
    const justAfterMidnight = Date.UTC(2026, 0, 18, 23, 15);
    const facts = factsOf([together('ana', justAfterMidnight)]);
    const now = justAfterMidnight + 15 * 60_000;
    expect(computeRhythm(facts, PARTNERS, BERLIN, now)).toEqual({
      weeks: 1,
      recent: 1,
      paused: false,
    });
    expect(computeRhythm(facts, PARTNERS, NEW_YORK, now)).toEqual({
      weeks: 1,
      recent: 0,
      paused: false,
    });
  });

  it('loses nothing for a missed week', () => {
    const facts = factsOf([...both(week(1)), ...both(week(3)), ...both(week(5))]);
    expect(computeRhythm(facts, PARTNERS, BERLIN, week(6))).toEqual({
      weeks: 3,
      recent: 2,
      paused: false,
    });
  });

  it('counts recent practice over the last four weeks only', () => {
    const facts = factsOf([...both(week(1)), ...both(week(2)), ...both(week(3))]);
    expect(computeRhythm(facts, PARTNERS, BERLIN, week(6)).recent).toBe(1);
    expect(computeRhythm(facts, PARTNERS, BERLIN, week(4)).recent).toBe(3);
  });

  it('skips the weeks of a pause when looking at recent weeks', () => {
    const facts = factsOf([
      ...both(week(1)),
      ...both(week(2)),
      paused(week(3)),
      resumed(week(5)),
      ...both(week(6)),
    ]);
    // Weeks 3 to 5 held the pause: the last four weeks looked at are 6, 2, 1 and 0.
    expect(computeRhythm(facts, PARTNERS, BERLIN, week(6) + DAY)).toEqual({
      weeks: 3,
      recent: 3,
      paused: false,
    });
  });

  it('freezes recent weeks while the program stays paused, and says it is paused', () => {
    const facts = factsOf([...both(week(1)), ...both(week(2)), paused(week(3))]);
    const early = computeRhythm(facts, PARTNERS, BERLIN, week(3) + DAY);
    const late = computeRhythm(facts, PARTNERS, BERLIN, week(12));
    expect(early).toEqual({ weeks: 2, recent: 2, paused: true });
    expect(late).toEqual(early);
  });

  it('ignores a second pause while paused and a resume without a pause', () => {
    const facts = factsOf([
      resumed(week(1) - DAY),
      ...both(week(1)),
      ...both(week(2) - DAY),
      paused(week(2)),
      paused(week(3)),
      resumed(week(3) + DAY),
      ...both(week(4)),
    ]);
    // The pause ran from week 2 to week 3: weeks 4, 1, 0 and -1 are looked at.
    expect(computeRhythm(facts, PARTNERS, BERLIN, week(4))).toEqual({
      weeks: 3,
      recent: 2,
      paused: false,
    });
  });
});

describe('rhythm of any log', () => {
  const practice = fc.record({
    partner: fc.constantFrom('ana', 'kai'),
    together: fc.boolean(),
    // Around midnight on Sundays, where the partners' calendars disagree on the week, and anywhere.
    wall: fc.oneof(
      fc.integer({ min: 0, max: 8 }).map((n) => Date.UTC(2026, 0, 11, 23, 30) + n * WEEK),
      fc.integer({ min: week(1) - 3 * WEEK, max: week(10) }),
    ),
  });
  const pause = fc.record({
    pausing: fc.boolean(),
    wall: fc.integer({ min: week(1) - 3 * WEEK, max: week(10) }),
    counter: fc.nat(3),
  });
  const input = fc.record({
    practices: fc.array(practice, { maxLength: 30 }),
    pauses: fc.array(pause, { maxLength: 8 }),
    now: fc.integer({ min: week(1), max: week(14) }),
    timeZone: fc.constantFrom(BERLIN, NEW_YORK),
  });
  type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;
  const eventsOf = ({ practices, pauses }: Input) => ({
    practised: practices.map((p) => (p.together ? together : alone)(p.partner, p.wall)),
    pausing: pauses.map((p) => (p.pausing ? paused : resumed)(p.wall, p.counter)),
  });

  it('never counts more recent weeks than four, or than weeks practised', () => {
    fc.assert(
      fc.property(input, (given) => {
        const { practised, pausing } = eventsOf(given);
        const rhythm = computeRhythm(
          factsOf([...practised, ...pausing]),
          PARTNERS,
          given.timeZone,
          given.now,
        );
        expect(rhythm.recent).toBeGreaterThanOrEqual(0);
        expect(rhythm.recent).toBeLessThanOrEqual(Math.min(4, rhythm.weeks));
      }),
      { numRuns: 300, seed: 20_260_105 },
    );
  });

  it('never loses a practised week to a pause, and is the same whatever order events arrive in', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { minLength: 38, maxLength: 38 }), (given, keys) => {
        const { practised, pausing } = eventsOf(given);
        const all = [...practised, ...pausing];
        const turned = all
          .map((event, i) => ({ event, key: keys[i] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ event }) => event);
        const rhythm = computeRhythm(factsOf(all), PARTNERS, given.timeZone, given.now);
        expect(computeRhythm(factsOf(turned), PARTNERS, given.timeZone, given.now)).toEqual(rhythm);
        expect(computeRhythm(factsOf(practised), PARTNERS, given.timeZone, given.now).weeks).toBe(
          rhythm.weeks,
        );
      }),
      { numRuns: 300, seed: 20_260_106 },
    );
  });
});
