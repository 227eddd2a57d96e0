import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { checkEvent } from '../log/check-event.js';
import { simulateCouple } from '../testing/simulate.js';
import { importEvents } from './import-events.js';

const simulated = simulateCouple({ days: 14, seed: 5, behaviour: 'unsafe' });
const { couple } = simulated;
const context = { partners: ['ana', 'kai'], latestWall: Number.MAX_SAFE_INTEGER };
const events = simulated.events.map((event) => checkEvent(event, context));
const middle = events[Math.floor(events.length / 2)] as LoggedEvent;

// Besides the couple's events: other versions of some ids (two devices sharing one id), a
// signed-off erasure by ana, one she may not make (for kai), and some malformed input.
const universe: unknown[] = [
  ...events,
  ...events
    .filter((_, i) => i % 9 === 0)
    .map((event) => ({ ...event, clock: { ...event.clock, counter: event.clock.counter + 7 } })),
  {
    id: 'ana-tablet:1',
    partner: 'ana',
    device: 'ana-tablet',
    seq: 1,
    clock: { wall: middle.clock.wall + 1, counter: 0 },
    type: 'erasure-requested',
    data: { partner: 'ana', before: middle.clock },
    visibility: 'shared',
  },
  {
    id: 'ana-tablet:2',
    partner: 'ana',
    device: 'ana-tablet',
    seq: 2,
    clock: { wall: middle.clock.wall + 2, counter: 0 },
    type: 'erasure-requested',
    data: { partner: 'kai', before: middle.clock },
    visibility: 'shared',
  },
  { id: 'nonsense' },
  null,
];

const subset = fc
  .array(fc.nat(universe.length - 1), { maxLength: universe.length * 2 })
  .map((indexes) => indexes.map((index) => universe[index]));
const merge = (local: readonly LoggedEvent[], incoming: readonly unknown[]) =>
  importEvents(local, incoming, { couple }).events;
const log = (incoming: readonly unknown[]) => merge([], incoming);
const text = (value: unknown) => JSON.stringify(value);

describe('merging histories', () => {
  it('is commutative, associative and idempotent, with conflicting ids and erasures', () => {
    fc.assert(
      fc.property(subset, subset, subset, (a, b, c) => {
        expect(text(merge(log(a), b))).toBe(text(merge(log(b), a)));
        expect(text(merge(merge(log(a), b), c))).toBe(text(merge(log(a), merge(log(b), c))));
        expect(text(merge(log(a), a))).toBe(text(log(a)));
        expect(text(merge(log(a), log(a)))).toBe(text(log(a)));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses the losing version of an id, and the same input, the same way wherever it arrives', () => {
    fc.assert(
      fc.property(subset, subset, (a, b) => {
        const here = importEvents(log(a), b, { couple });
        const there = importEvents(log(b), a, { couple });
        expect(text(here.events)).toBe(text(there.events));
        const kept = new Map(here.events.map((event) => [event.id, text(event)]));
        for (const { kept: version } of [...here.conflicts, ...there.conflicts]) {
          expect(text(version)).toBe(kept.get(version.id) ?? text(version));
        }
      }),
      { numRuns: 100 },
    );
  });
});
