import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttuneEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { CheckInExercise, Visibility } from '../program/types.js';
import { testCouple } from '../testing/test-couple.js';
import { createProgressChanges, noteChange } from './changes.js';
import { computeCheckInTrends } from './check-ins.js';
import { createFacts, type FoldContext, foldEvent } from './facts.js';
import { createTrendTracker } from './trend-tracker.js';

const DAY = 86_400_000;
const PARTNERS = ['ana', 'kai'];
const checkIns = nineStepProgram.steps
  .flatMap((step) => step.exercises)
  .filter((exercise): exercise is CheckInExercise => exercise.kind === 'check-in');
const context: FoldContext = {
  timeZones: new Map(testCouple.partners.map((partner) => [partner.id, partner.timeZone])),
  exercises: new Set(checkIns.map((exercise) => exercise.id)),
};

let seq = 0;
function checkIn(
  partner: string,
  day: number,
  scores: Record<string, number>,
  visibility: Visibility = 'shared',
  exercise = 'weekly-check-in',
): AttuneEvent {
  seq++;
  return {
    id: `${partner}-phone:${seq}`,
    partner,
    device: `${partner}-phone`,
    seq,
    clock: { wall: testCouple.startedAt + day * DAY, counter: 0 },
    type: 'check-in-recorded',
    data: { exercise, scores },
    visibility,
  };
}

/** Facts and a tracker that folds events in batches, updating the trends after each. */
function follow() {
  const facts = createFacts();
  const tracker = createTrendTracker(checkIns, PARTNERS, 2);
  let trends = tracker.update(facts, undefined, undefined);
  return {
    add(...events: AttuneEvent[]) {
      const changes = createProgressChanges(false);
      for (const event of events) {
        foldEvent(facts, event, context);
        noteChange(changes, event, context);
      }
      trends = tracker.update(facts, changes, trends);
      return trends;
    },
    tracker,
    fromScratch: () =>
      checkIns.map((exercise) => computeCheckInTrends(facts, exercise, PARTNERS, 2)),
  };
}

describe('createTrendTracker', () => {
  it("adds a check-in's points to its own exercise and keeps the other exercise's trends", () => {
    const trends = follow();
    const first = trends.add(checkIn('ana', 1, { closeness: 3 }));
    const second = trends.add(checkIn('kai', 2, { closeness: 5, fun: 4 }));
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[0]?.dimensions.find((d) => d.dimension === 'closeness')).toMatchObject({
      latest: { ana: 3, kai: 5 },
      diverging: true,
    });
    expect(trends.tracker.changed).toEqual(new Set(['weekly-check-in']));
    expect(trends.add()).toBe(second);
  });

  it('opens a sealed check-in once its author shares it', () => {
    const trends = follow();
    const sealed = checkIn('kai', 1, { closeness: 2 }, 'sealed');
    const before = trends.add(sealed);
    expect(before[0]?.dimensions[0]?.points).toEqual([]);
    seq++;
    const after = trends.add({
      id: `kai-phone:${seq}`,
      partner: 'kai',
      device: 'kai-phone',
      seq,
      clock: { wall: testCouple.startedAt + 2 * DAY, counter: 0 },
      type: 'entry-shared',
      data: { entry: sealed.id },
      visibility: 'shared',
    });
    expect(after[0]?.dimensions.find((d) => d.dimension === 'closeness')?.latest).toEqual({
      kai: 2,
    });
    expect(after).toEqual(trends.fromScratch());
  });

  it('equals the trends computed from scratch, whatever order and batches check-ins arrive in', () => {
    const event = fc
      .record({
        partner: fc.constantFrom('ana', 'kai', 'sam'),
        day: fc.integer({ min: -5, max: 60 }),
        closeness: fc.integer({ min: 1, max: 5 }),
        trust: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        visibility: fc.constantFrom<Visibility>('shared', 'shared', 'sealed', 'private'),
        exercise: fc.constantFrom(...checkIns.map((exercise) => exercise.id)),
      })
      .map(({ partner, day, closeness, trust, visibility, exercise }) =>
        checkIn(
          partner,
          day,
          { closeness, ...(trust !== undefined && { trust }) },
          visibility,
          exercise,
        ),
      );
    fc.assert(
      fc.property(fc.array(fc.array(event, { maxLength: 4 }), { maxLength: 12 }), (batches) => {
        const trends = follow();
        for (const batch of batches) {
          expect(trends.add(...batch)).toEqual(trends.fromScratch());
        }
      }),
      { numRuns: 200, seed: 20_261_207 },
    );
  });
});
