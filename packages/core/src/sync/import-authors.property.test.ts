import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { testCouple } from '../testing/test-couple.js';
import { importEvents } from './import-events.js';

const START = testCouple.startedAt;

// Few devices and sequences, so that ids are reused, by the same partner or by the other one.
const spec = fc.record({
  partner: fc.constantFrom('ana', 'kai'),
  device: fc.constantFrom('phone-1', 'phone-2'),
  seq: fc.integer({ min: 1, max: 3 }),
  wall: fc.integer({ min: START, max: START + 10_000 }),
  exercise: fc.constantFrom('safe-space-basics', 'daily-talk', 'notes'),
});
const eventOf = (s: typeof spec extends fc.Arbitrary<infer T> ? T : never): LoggedEvent => ({
  id: `${s.device}:${s.seq}`,
  partner: s.partner,
  device: s.device,
  seq: s.seq,
  clock: { wall: s.wall, counter: 0 },
  type: 'exercise-completed',
  data: { exercise: s.exercise, together: false },
  visibility: 'shared',
});
/** Events in the order they arrive, split into the batches they arrive in. */
const arrivals = fc.array(fc.tuple(spec, fc.boolean()), { maxLength: 24 }).map((items) => {
  const batches: LoggedEvent[][] = [[]];
  for (const [s, cut] of items) {
    if (cut) batches.push([]);
    (batches[batches.length - 1] as LoggedEvent[]).push(eventOf(s));
  }
  return batches;
});

describe('importing events that reuse the ids of the other partner', () => {
  it('never replaces an event with one of another author, whatever the interleaving', () => {
    fc.assert(
      fc.property(arrivals, fc.constantFrom('phone-1', 'phone-2', 'phone-3'), (batches, device) => {
        let held: readonly LoggedEvent[] = [];
        for (const batch of batches) {
          const result = importEvents(held, batch, { couple: testCouple, device });
          const byId = new Map(result.events.map((event) => [event.id, event]));
          const authors = new Map(held.map((event) => [event.id, event.partner]));
          for (const event of held) expect(byId.get(event.id)?.partner).toBe(event.partner);
          for (const { kept, discarded } of result.conflicts) {
            expect(kept.partner).toBe(discarded.partner);
          }
          // Every incoming event of another author than the one already holding its id is refused.
          batch.forEach((event, index) => {
            const author = authors.get(event.id);
            if (author === undefined) authors.set(event.id, event.partner);
            else if (author !== event.partner) {
              const refusal = result.rejected.find((r) => r.index === index)?.error;
              expect(AttuneEventError.isInstance(refusal)).toBe(true);
              expect([refusal?.code, refusal?.field]).toEqual(['not-allowed', 'partner']);
            }
          });
          expect(result.dropped.length).toBe(
            held.filter((event) => byId.get(event.id) !== event).length,
          );
          held = result.events;
        }
      }),
      { numRuns: 300, seed: 20_260_107 },
    );
  });

  it("keeps a device's own event when the other partner's event claims its id", () => {
    const own = eventOf({
      partner: 'ana',
      device: 'phone-1',
      seq: 1,
      wall: START + 5,
      exercise: 'notes',
    });
    // Sorts first by content, so it would win the conflict if it were settled as one.
    const squat = { ...own, partner: 'kai', clock: { wall: START, counter: 0 } };
    const result = importEvents([own], [squat], { couple: testCouple, device: 'phone-1' });
    expect(result.events).toEqual([own]);
    expect(result.dropped).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.deviceIdClash).toBe(false);
    expect(result.rejected.map(({ index, error }) => [index, error.code, error.field])).toEqual([
      [0, 'not-allowed', 'partner'],
    ]);
    expect(result.rejected[0]?.error.message).toMatch(
      /another partner's event already has this id/,
    );
  });
});
