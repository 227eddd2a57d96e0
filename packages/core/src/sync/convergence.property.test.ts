import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import type { AttuneEvent, LoggedEvent } from '../events/types.js';
import { checkEvent } from '../log/check-event.js';
import { compareEvents } from '../log/order.js';
import { createRandom, type Random } from '../testing/random.js';
import { simulateCouple } from '../testing/simulate.js';
import { cursorOf } from './cursor.js';
import { exportEvents } from './export-events.js';
import { importEvents } from './import-events.js';
import { eventsFor } from './privacy-filter.js';

const DEVICES = ['ana-phone', 'ana-tablet', 'kai-phone', 'kai-laptop'] as const;
const partnerOf = (device: string) => (device.startsWith('ana') ? 'ana' : 'kai');
const behaviours = ['engaged', 'uneven', 'paused', 'diverging', 'unsafe'] as const;

/**
 * A couple's history spread over four devices, as if each event had been recorded on one of its
 * author's two devices; some private entries are later shared by their author, and one event carries
 * a clock years ahead.
 */
function spreadHistory(seed: number, days: number, behaviour: (typeof behaviours)[number]) {
  const simulated = simulateCouple({ days, seed, behaviour, privateMarker: 'PRIVATE' });
  const random = createRandom(seed);
  const seqs = new Map<string, number>();
  const all: LoggedEvent[] = [];
  const place = (event: Omit<AttuneEvent, 'id' | 'device' | 'seq'>, device: string) => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    // Through checkEvent, as an engine records it: the same key order as every copy made on import.
    const placed = checkEvent(
      { ...event, id: `${device}:${seq}`, device, seq },
      { partners: ['ana', 'kai'], latestWall: Number.MAX_SAFE_INTEGER },
    );
    all.push(placed);
    return placed;
  };
  // Where each simulated event was placed: a sealed answer's mark goes right after its answer, on
  // its device, and marks and reveals name the answer by its placed id.
  const placedAs = new Map<string, LoggedEvent>();
  for (const simulatedEvent of simulated.events) {
    let event: AttuneEvent = simulatedEvent;
    let device = `${event.partner}-${random.chance(0.5) ? 'phone' : event.partner === 'ana' ? 'tablet' : 'laptop'}`;
    if (event.type === 'answer-sealed' || event.type === 'entry-shared') {
      const answer = placedAs.get(event.data.entry) as LoggedEvent;
      if (event.type === 'answer-sealed') device = answer.device;
      event = { ...event, data: { ...event.data, entry: answer.id } } as AttuneEvent;
    }
    const placed = place(event, device);
    placedAs.set(simulatedEvent.id, placed);
    if (event.visibility === 'private' && event.type === 'answer-recorded' && random.chance(0.3)) {
      place(
        {
          partner: event.partner,
          clock: { wall: event.clock.wall, counter: event.clock.counter + 1 },
          type: 'entry-shared',
          data: { entry: placed.id },
          visibility: 'shared',
        } as Omit<AttuneEvent, 'id' | 'device' | 'seq'>,
        placed.device,
      );
    }
  }
  const end = simulated.couple.startedAt + (days + 1) * 86_400_000;
  place(
    {
      partner: 'kai',
      clock: { wall: end + 10 * 365 * 86_400_000, counter: 0 },
      type: 'program-paused',
      data: {},
      visibility: 'shared',
    } as Omit<AttuneEvent, 'id' | 'device' | 'seq'>,
    'kai-laptop',
  );
  return { ...simulated, all, end };
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Splits a list into `parts` random slices (some may be empty). */
function split<T>(items: readonly T[], parts: number, random: Random): T[][] {
  const cuts = [0, ...[...Array(parts - 1)].map(() => random.int(0, items.length)), items.length];
  cuts.sort((a, b) => a - b);
  return cuts.slice(1).map((cut, i) => items.slice(cuts[i], cut));
}

const step = fc.record({
  from: fc.constantFrom(...DEVICES),
  to: fc.constantFrom(...DEVICES),
  useCursor: fc.boolean(),
  parts: fc.integer({ min: 1, max: 4 }),
  duplicate: fc.boolean(),
  deliver: fc.integer({ min: 0, max: 6 }),
});

describe('sync between several devices', () => {
  it('ends with byte-identical histories and snapshots, whatever the splits, duplicates and order, and never moves what a partner may not hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(...behaviours),
        fc.array(step, { maxLength: 25 }),
        (seed, days, behaviour, steps) => {
          const { couple, program, all, end } = spreadHistory(seed, days, behaviour);
          const random = createRandom(seed ^ 0x5eed);
          const logs = new Map<string, readonly LoggedEvent[]>(
            DEVICES.map((device) => [
              device,
              all.filter((event) => event.device === device).sort(compareEvents),
            ]),
          );
          const inFlight: { to: string; events: unknown[] }[] = [];

          const deliver = (message: { to: string; events: unknown[] }) => {
            const result = importEvents(logs.get(message.to) ?? [], message.events, {
              couple,
              device: message.to,
              self: partnerOf(message.to),
            });
            expect(result.rejected).toEqual([]);
            expect(result.deviceIdClash).toBe(false);
            logs.set(message.to, result.events);
          };
          const send = (from: string, to: string, useCursor: boolean) => {
            const since = useCursor ? cursorOf(logs.get(to) ?? []) : undefined;
            const batch = exportEvents(logs.get(from) ?? [], {
              couple,
              recipient: partnerOf(to),
              ...(since ? { since } : {}),
            });
            return batch.events as unknown[];
          };

          for (const { from, to, useCursor, parts, duplicate, deliver: count } of steps) {
            for (const part of split(shuffle(send(from, to, useCursor), random), parts, random)) {
              inFlight.push({ to, events: part });
              if (duplicate) inFlight.push({ to, events: shuffle(part, random) });
            }
            for (let i = 0; i < count && inFlight.length > 0; i++) {
              deliver(inFlight.splice(random.int(0, inFlight.length - 1), 1)[0] as never);
            }
          }
          for (const message of shuffle(inFlight, random)) deliver(message);
          // Then everyone talks to everyone until nothing new moves.
          for (let round = 0; round < 5; round++) {
            const before = JSON.stringify([...logs.values()]);
            for (const from of DEVICES) {
              for (const to of DEVICES)
                if (from !== to) deliver({ to, events: send(from, to, true) });
            }
            if (JSON.stringify([...logs.values()]) === before) break;
          }

          const universe = [...all].sort(compareEvents);
          for (const device of DEVICES) {
            const partner = partnerOf(device);
            const log = logs.get(device) ?? [];
            // Byte-identical for the devices of one partner, and exactly what that partner may hold.
            expect(JSON.stringify(log)).toBe(JSON.stringify(eventsFor(universe, partner)));
            const other = partner === 'ana' ? 'kai' : 'ana';
            for (const event of log) {
              if (event.partner !== other) continue;
              expect(event.type).not.toBe('safety-check-taken');
              if (event.visibility === 'private') {
                expect(
                  log.some(
                    (e) =>
                      e.type === 'entry-shared' && (e.data as { entry: string }).entry === event.id,
                  ),
                ).toBe(true);
              }
            }
          }
          const snapshots = DEVICES.map((device) =>
            createEngine({
              program,
              couple,
              device: 'observer',
              events: logs.get(device) ?? [],
              trusted: true,
              now: () => end,
            }).getSnapshot(),
          );
          // Devices of one partner agree byte for byte; across partners only the count of events
          // differs, since private entries stay on their author's devices.
          expect(JSON.stringify(snapshots[0])).toBe(JSON.stringify(snapshots[1]));
          expect(JSON.stringify(snapshots[2])).toBe(JSON.stringify(snapshots[3]));
          expect(JSON.stringify({ ...snapshots[0], events: 0 })).toBe(
            JSON.stringify({ ...snapshots[2], events: 0 }),
          );
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
