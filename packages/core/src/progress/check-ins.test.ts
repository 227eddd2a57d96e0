import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckInRecordedEvent, EntrySharedEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { CheckInExercise, Visibility } from '../program/types.js';
import { testCouple } from '../testing/test-couple.js';
import { computeCheckInTrends, visibleCheckIns } from './check-ins.js';
import { createFacts, type Facts, type FoldContext, foldEvent } from './facts.js';

const DAY = 86_400_000;
const START = testCouple.startedAt;
const PARTNERS = ['ana', 'kai'];

const weekly = nineStepProgram.steps
  .flatMap((step) => step.exercises)
  .find((exercise) => exercise.id === 'weekly-check-in') as CheckInExercise;

const context: FoldContext = {
  timeZones: new Map(testCouple.partners.map((partner) => [partner.id, partner.timeZone])),
  exercises: new Set(['weekly-check-in', 'trust-check-in']),
};

let seq = 0;
function checkIn(
  partner: string,
  wall: number,
  scores: Record<string, number>,
  visibility: Visibility = 'shared',
  exercise = 'weekly-check-in',
): CheckInRecordedEvent {
  seq++;
  return {
    id: `${partner}-phone:${seq}`,
    partner,
    device: `${partner}-phone`,
    seq,
    clock: { wall, counter: 0 },
    type: 'check-in-recorded',
    data: { exercise, scores },
    visibility,
  };
}

function share(partner: string, entry: string): EntrySharedEvent {
  seq++;
  return {
    id: `${partner}-phone:${seq}`,
    partner,
    device: `${partner}-phone`,
    seq,
    clock: { wall: START + 3 * DAY, counter: 0 },
    type: 'entry-shared',
    data: { entry },
    visibility: 'shared',
  };
}

function factsOf(events: readonly CheckInRecordedEvent[]): Facts {
  const facts = createFacts();
  for (const event of events) foldEvent(facts, event, context);
  return facts;
}

/** Ana's closeness scores, one check-in a week. */
const anaScores = (...scores: number[]) =>
  factsOf(
    scores.map((score, week) => checkIn('ana', START + week * 7 * DAY, { closeness: score })),
  );

const closeness = (facts: Facts, threshold = 2) =>
  computeCheckInTrends(facts, weekly, PARTNERS, threshold).dimensions.find(
    (dimension) => dimension.dimension === 'closeness',
  );

describe('visibleCheckIns', () => {
  it('shows shared check-ins in log order, whatever order they arrived in', () => {
    const first = checkIn('ana', START + DAY, { closeness: 3 });
    const second = checkIn('kai', START + 2 * DAY, { closeness: 4 });
    expect(visibleCheckIns(factsOf([second, first]), 'weekly-check-in', PARTNERS)).toEqual([
      first,
      second,
    ]);
  });

  it('never shows a private check-in', () => {
    const facts = factsOf([checkIn('ana', START, { closeness: 1 }, 'private')]);
    expect(visibleCheckIns(facts, 'weekly-check-in', PARTNERS)).toEqual([]);
  });

  it('shows a sealed check-in only once its author revealed it, whoever else answered', () => {
    const anas = checkIn('ana', START, { closeness: 2 }, 'sealed');
    const kais = checkIn('kai', START + DAY, { closeness: 5 }, 'sealed');
    // Both answered: still sealed, until each author reveals their own.
    expect(visibleCheckIns(factsOf([anas, kais]), 'weekly-check-in', PARTNERS)).toEqual([]);
    const revealed = factsOf([anas, kais]);
    foldEvent(revealed, share('ana', anas.id), context);
    expect(visibleCheckIns(revealed, 'weekly-check-in', PARTNERS)).toEqual([anas]);
    // A share by someone else than the author reveals nothing.
    foldEvent(revealed, share('ana', kais.id), context);
    expect(visibleCheckIns(revealed, 'weekly-check-in', PARTNERS)).toEqual([anas]);
    foldEvent(revealed, share('kai', kais.id), context);
    expect(visibleCheckIns(revealed, 'weekly-check-in', PARTNERS)).toEqual([anas, kais]);
  });

  it('shows only the check-ins of the exercise asked for', () => {
    const trust = checkIn('ana', START, { trust: 4 }, 'shared', 'trust-check-in');
    const facts = factsOf([trust, checkIn('kai', START, { closeness: 4 })]);
    expect(visibleCheckIns(facts, 'trust-check-in', PARTNERS)).toEqual([trust]);
    expect(visibleCheckIns(facts, 'no-such-check-in', PARTNERS)).toEqual([]);
  });
});

describe('computeCheckInTrends', () => {
  it('lists every score of a dimension as a point in log order, with each partner’s latest', () => {
    const facts = factsOf([
      checkIn('kai', START + 2 * DAY, { closeness: 4, stress: 2 }),
      checkIn('ana', START + DAY, { closeness: 3 }),
      checkIn('ana', START + 9 * DAY, { closeness: 5 }),
    ]);
    const trends = computeCheckInTrends(facts, weekly, PARTNERS, 2);
    expect(trends.exercise).toBe('weekly-check-in');
    expect(trends.dimensions.map((dimension) => dimension.dimension)).toEqual([
      'feeling-heard',
      'closeness',
      'stress',
      'fun',
      'support',
    ]);
    expect(closeness(facts)).toEqual({
      dimension: 'closeness',
      points: [
        { at: START + DAY, partner: 'ana', score: 3 },
        { at: START + 2 * DAY, partner: 'kai', score: 4 },
        { at: START + 9 * DAY, partner: 'ana', score: 5 },
      ],
      latest: { ana: 5, kai: 4 },
      direction: { ana: 'up', kai: 'steady' },
      diverging: false,
    });
    expect(trends.dimensions[2]?.latest).toEqual({ kai: 2 });
  });

  it('leaves a dimension nobody scored empty and steady', () => {
    const facts = factsOf([checkIn('ana', START, { closeness: 3 })]);
    expect(computeCheckInTrends(facts, weekly, PARTNERS, 2).dimensions[0]).toEqual({
      dimension: 'feeling-heard',
      points: [],
      latest: {},
      direction: { ana: 'steady', kai: 'steady' },
      diverging: false,
    });
  });

  it('leaves sealed check-ins out of trends until revealed', () => {
    const facts = factsOf([checkIn('ana', START, { closeness: 1 }, 'sealed')]);
    expect(closeness(facts)?.points).toEqual([]);
  });

  describe('trend direction', () => {
    it('is steady with fewer than two scores', () => {
      expect(closeness(anaScores())?.direction.ana).toBe('steady');
      expect(closeness(anaScores(1))?.direction.ana).toBe('steady');
    });

    it('compares the last two scores when there are only two', () => {
      expect(closeness(anaScores(2, 4))?.direction.ana).toBe('up');
      expect(closeness(anaScores(4, 3))?.direction.ana).toBe('down');
      expect(closeness(anaScores(3, 3))?.direction.ana).toBe('steady');
    });

    it('compares the mean of the last two scores with the mean of the ones before', () => {
      expect(closeness(anaScores(1, 2, 4, 5))?.direction.ana).toBe('up');
      expect(closeness(anaScores(5, 5, 1, 2))?.direction.ana).toBe('down');
      // Rising at first, then flat: both means are 3.
      expect(closeness(anaScores(2, 4, 3, 3))?.direction.ana).toBe('steady');
      // Three scores: the first one alone is what came before.
      expect(closeness(anaScores(3, 4, 4))?.direction.ana).toBe('up');
    });

    it('looks no further back than the last four scores', () => {
      expect(closeness(anaScores(5, 5, 5, 1, 1, 3, 3))?.direction.ana).toBe('up');
    });

    it('calls a change of half a point a move', () => {
      expect(closeness(anaScores(4, 4, 4, 5))?.direction.ana).toBe('up');
      expect(closeness(anaScores(4, 4, 4, 3))?.direction.ana).toBe('down');
      expect(closeness(anaScores(4, 4, 4, 4))?.direction.ana).toBe('steady');
    });
  });

  describe('divergence', () => {
    it('diverges when the latest scores are the threshold or more apart', () => {
      const facts = factsOf([
        checkIn('ana', START, { closeness: 5 }),
        checkIn('kai', START, { closeness: 3 }),
      ]);
      expect(closeness(facts, 2)?.diverging).toBe(true);
      expect(closeness(facts, 3)?.diverging).toBe(false);
    });

    it('looks only at the latest scores', () => {
      const facts = factsOf([
        checkIn('ana', START, { closeness: 5 }),
        checkIn('kai', START, { closeness: 1 }),
        checkIn('kai', START + 7 * DAY, { closeness: 4 }),
      ]);
      expect(closeness(facts, 2)?.diverging).toBe(false);
    });

    it('does not diverge while only one partner has checked in', () => {
      expect(closeness(anaScores(5, 1), 0)?.diverging).toBe(false);
    });
  });
});

describe('trends of any check-ins', () => {
  const record = fc.record({
    partner: fc.constantFrom('ana', 'kai'),
    device: fc.constantFrom('phone', 'tablet'),
    wall: fc.oneof(fc.constant(START), fc.integer({ min: START, max: START + 60 * DAY })),
    counter: fc.nat(2),
    visibility: fc.constantFrom<Visibility>('shared', 'sealed', 'private'),
    scores: fc.dictionary(
      fc.constantFrom('closeness', 'stress', 'not-a-dimension'),
      fc.integer({ min: -10, max: 10 }),
    ),
  });
  const log = fc.array(record, { maxLength: 30 }).map((records) =>
    records.map(
      (r, i): CheckInRecordedEvent => ({
        id: `${r.partner}-${r.device}:${i + 1}`,
        partner: r.partner,
        device: `${r.partner}-${r.device}`,
        seq: i + 1,
        clock: { wall: r.wall, counter: r.counter },
        type: 'check-in-recorded',
        data: { exercise: 'weekly-check-in', scores: r.scores },
        visibility: r.visibility,
      }),
    ),
  );

  it('are the same whatever order the check-ins arrive in', () => {
    fc.assert(
      fc.property(
        log.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        fc.integer({ min: 0, max: 5 }),
        ([events, shuffled], threshold) => {
          expect(computeCheckInTrends(factsOf(shuffled), weekly, PARTNERS, threshold)).toEqual(
            computeCheckInTrends(factsOf(events), weekly, PARTNERS, threshold),
          );
        },
      ),
      { numRuns: 300, seed: 20_260_105 },
    );
  });

  it('never diverge unless both partners have a latest score', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 0, max: 5 }), (events, threshold) => {
        for (const dimension of computeCheckInTrends(factsOf(events), weekly, PARTNERS, threshold)
          .dimensions) {
          if (dimension.diverging) expect(Object.keys(dimension.latest).sort()).toEqual(PARTNERS);
        }
      }),
      { numRuns: 300, seed: 20_260_106 },
    );
  });
});
