import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { EventLog } from '../log/event-log.js';
import { compareEvents } from '../log/order.js';
import { simulateCouple } from '../testing/simulate.js';
import { viewEvents } from './view.js';
import { createViewBuilder } from './view-builder.js';

const behaviours = ['engaged', 'uneven', 'paused', 'diverging', 'unsafe'] as const;

/** Hostile extras: shares by the wrong partner or of ids not held, legacy answers with no mark. */
function extras(events: readonly LoggedEvent[], picks: readonly number[]): LoggedEvent[] {
  const last = events[events.length - 1];
  if (!last) return [];
  const wall = last.clock.wall + 1;
  const made: LoggedEvent[] = [];
  picks.forEach((pick, i) => {
    const target = events[pick % events.length] as LoggedEvent;
    const partner = i % 2 === 0 ? target.partner : target.partner === 'ana' ? 'kai' : 'ana';
    const device = `${partner}-extra`;
    const base = { partner, device, seq: i + 1, id: `${device}:${i + 1}`, visibility: 'shared' };
    // A share of an event, of a later one not held yet (`…-extra:n`), or a clock set far back.
    const entry = i % 3 === 2 ? `${partner === 'ana' ? 'kai' : 'ana'}-extra:${i + 2}` : target.id;
    const clock = { wall: i % 4 === 3 ? target.clock.wall - 1 : wall + i, counter: 0 };
    made.push({ ...base, clock, type: 'entry-shared', data: { entry } } as LoggedEvent);
  });
  return made;
}

describe('a view kept as the log grows', () => {
  it('always equals the view built from the whole log, whatever order events arrive in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...behaviours),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        // How the events arrive: shuffled by these keys, in batches of these sizes.
        fc.array(fc.nat(), { minLength: 1, maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (seed, behaviour, days, picks, order, batches, inOrder) => {
          const simulated = simulateCouple({ days, seed, behaviour, sealedMarker: 'S' });
          const all = [...simulated.events, ...extras(simulated.events, picks)] as LoggedEvent[];
          // In log order, as one phone's own records and a sync that is up to date come; or with
          // some arriving late, as after a phone was offline.
          const sorted = [...all].sort(compareEvents);
          const late = (i: number) => {
            const key = order[i % order.length] ?? 0;
            return key % 7 === 0 ? key % 50 : 0;
          };
          const arriving = inOrder
            ? sorted
            : sorted
                .map((event, i) => ({ event, key: i + late(i) }))
                .sort((a, b) => a.key - b.key)
                .map(({ event }) => event);
          const log = new EventLog();
          const builders = ['ana', 'kai'].map((viewer) => ({
            viewer,
            builder: createViewBuilder(log, viewer),
          }));
          let at = 0;
          let batch = 0;
          // Views read only at the end, after the log moved on: each must still be as it was.
          const later: { read: () => readonly unknown[]; expected: unknown }[] = [];
          while (at < arriving.length) {
            const size = batches[batch++ % batches.length] as number;
            for (const event of arriving.slice(at, at + size)) log.append(event);
            at += size;
            for (const { viewer, builder } of builders) {
              const expected = viewEvents(log.events, viewer);
              if (batch % 2 === 0) {
                const lazy = builder.current();
                later.push({ read: () => lazy.read(), expected });
              } else expect(builder.entries()).toEqual(expected);
            }
          }
          for (const { read, expected } of later) expect(read()).toEqual(expected);
        },
      ),
      {
        numRuns: 80,
        examples: [
          // Another device's event between a sealed answer and its mark, when the answer opens:
          // the mark must stop standing for it there too.
          [583769680, 'engaged', 40, [0, 0, 0, 83242672], [0], [1], false],
        ],
      },
    );
  }, 120_000);

  it('keeps the same entries while nothing was added', () => {
    const simulated = simulateCouple({ days: 10, seed: 3, behaviour: 'engaged' });
    const log = new EventLog();
    log.load(simulated.events as LoggedEvent[]);
    const builder = createViewBuilder(log, 'ana');
    expect(builder.entries()).toBe(builder.entries());
  });
});
