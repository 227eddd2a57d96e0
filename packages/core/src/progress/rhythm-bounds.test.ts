import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { MAX_WALL, MIN_WALL } from '../log/bounds.js';
import { compareEvents } from '../log/order.js';
import * as zone from '../time/zone.js';
import { createFacts, type Facts, type FoldContext, foldEvent } from './facts.js';
import { computeRhythm } from './rhythm.js';

// Counts the calendar look-ups, which a walk over every paused week would make once per week.
vi.mock('../time/zone.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../time/zone.js')>();
  return { ...actual, localWeek: vi.fn(actual.localWeek) };
});
const lookups = vi.mocked(zone.localWeek);

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const PARTNERS = ['ana', 'kai'];
const BERLIN = 'Europe/Berlin';
const NOW = Date.UTC(2026, 5, 3, 12);
const context: FoldContext = {
  timeZones: new Map([
    ['ana', BERLIN],
    ['kai', BERLIN],
  ]),
  exercises: new Set(['daily-talk']),
};

let seq = 0;
const toggle = (type: 'program-paused' | 'program-resumed', wall: number): LoggedEvent => {
  seq++;
  return {
    id: `ana-phone:${seq}`,
    partner: 'ana',
    device: 'ana-phone',
    seq,
    clock: { wall, counter: 0 },
    type,
    data: {},
    visibility: 'shared',
  };
};
const practised = (wall: number): LoggedEvent => {
  seq++;
  return {
    id: `kai-phone:${seq}`,
    partner: 'kai',
    device: 'kai-phone',
    seq,
    clock: { wall, counter: 0 },
    type: 'exercise-completed',
    data: { exercise: 'daily-talk', together: true },
    visibility: 'shared',
  };
};

function factsOf(events: readonly LoggedEvent[]): Facts {
  const facts = createFacts();
  for (const event of events) foldEvent(facts, event, context);
  return facts;
}

/** Rhythm as it was computed before, marking every paused week: the behaviour to keep. */
function markingEveryWeek(facts: Facts, timeZone: string, now: number) {
  const week = (wall: number) => zone.localWeek(timeZone, wall);
  const shared = new Set([...facts.weeks].filter(([, e]) => e.together).map(([w]) => w));
  const paused = new Set<number>();
  const mark = (from: number, to: number) => {
    for (let w = week(from); w <= week(to); w++) paused.add(w);
  };
  let pausedAt: number | undefined;
  for (const event of [...facts.pauses].sort(compareEvents)) {
    if (event.type === 'program-paused' && pausedAt === undefined) pausedAt = event.clock.wall;
    if (event.type === 'program-resumed' && pausedAt !== undefined) {
      mark(pausedAt, event.clock.wall);
      pausedAt = undefined;
    }
  }
  if (pausedAt !== undefined) mark(pausedAt, now);
  let recent = 0;
  let looked = 0;
  for (let w = week(now); looked < 4 && w > week(0); w--) {
    if (paused.has(w)) continue;
    looked++;
    if (shared.has(w)) recent++;
  }
  return recent;
}

describe('rhythm with pauses as long as clocks allow', () => {
  // A block, not an expression: a function beforeEach returns is run after the test.
  beforeEach(() => {
    lookups.mockClear();
  });

  it('skips a pause from 1970 to the end of 9999 without walking its weeks', () => {
    const facts = factsOf([
      practised(NOW - WEEK),
      toggle('program-paused', MIN_WALL),
      toggle('program-resumed', MAX_WALL),
    ]);
    lookups.mockClear();
    expect(computeRhythm(facts, PARTNERS, BERLIN, NOW)).toEqual({
      weeks: 1,
      recent: 0,
      paused: false,
    });
    // One look-up per end of the pause and a few for now; the pause spans some 417,000 weeks.
    expect(lookups.mock.calls.length).toBeLessThan(10);
  });

  it('skips a pause still running at the end of 9999, or one that starts after now', () => {
    const open = factsOf([practised(NOW), toggle('program-paused', MIN_WALL)]);
    expect(computeRhythm(open, PARTNERS, BERLIN, MAX_WALL)).toEqual({
      weeks: 1,
      recent: 0,
      paused: true,
    });
    const later = factsOf([practised(NOW), toggle('program-paused', MAX_WALL)]);
    expect(computeRhythm(later, PARTNERS, BERLIN, NOW)).toEqual({
      weeks: 1,
      recent: 1,
      paused: true,
    });
    expect(lookups.mock.calls.length).toBeLessThan(30);
  });

  it('looks up each of a flood of long pauses once or twice, not week by week', () => {
    const flood: LoggedEvent[] = [];
    // Five hundred pauses of 50 weeks each, a week apart, from 1970 on.
    for (let i = 0; i < 500; i++) {
      flood.push(
        toggle('program-paused', i * 51 * WEEK),
        toggle('program-resumed', (i * 51 + 50) * WEEK),
      );
    }
    const facts = factsOf([practised(NOW), ...flood]);
    lookups.mockClear();
    expect(computeRhythm(facts, PARTNERS, BERLIN, NOW).recent).toBe(
      markingEveryWeek(facts, BERLIN, NOW),
    );
    const reference = lookups.mock.calls.length;
    lookups.mockClear();
    computeRhythm(facts, PARTNERS, BERLIN, NOW);
    expect(lookups.mock.calls.length).toBeLessThan(3 * flood.length);
    expect(lookups.mock.calls.length).toBeLessThan(reference / 10);
  });

  it('counts the recent weeks it counted when it marked every paused week', () => {
    const wall = fc.integer({ min: NOW - 30 * WEEK, max: NOW + 2 * WEEK });
    fc.assert(
      fc.property(
        fc.array(wall, { maxLength: 12 }),
        fc.array(fc.tuple(fc.boolean(), wall), { maxLength: 10 }),
        fc.integer({ min: NOW - 10 * WEEK, max: NOW + 3 * WEEK }),
        (practices, toggles, now) => {
          const facts = factsOf([
            ...practices.map(practised),
            ...toggles.map(([pausing, at]) =>
              toggle(pausing ? 'program-paused' : 'program-resumed', at),
            ),
          ]);
          expect(computeRhythm(facts, PARTNERS, BERLIN, now).recent).toBe(
            markingEveryWeek(facts, BERLIN, now),
          );
        },
      ),
      { numRuns: 300, seed: 20_260_603 },
    );
  });
});
