import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { MAX_COUNTER, MAX_DEPTH, MAX_WALL } from '../log/bounds.js';
import { checkEvent } from '../log/check-event.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { importEvents } from './import-events.js';

const { couple } = simulated;
const local = sampleEvents
  .map((event) => checkEvent(event, { partners: ['ana', 'kai'], latestWall: MAX_WALL }))
  .sort(compareEvents);
const last = local[local.length - 1] as LoggedEvent;

/** A new event of another device, after everything held, with some fields replaced. */
const incoming = (seq: number, over: Record<string, unknown> = {}) => ({
  id: `kai-tablet:${seq}`,
  partner: 'kai',
  device: 'kai-tablet',
  seq,
  clock: { wall: last.clock.wall + seq, counter: 0 },
  type: 'exercise-started',
  data: { exercise: 'safe-space-basics', together: false },
  visibility: 'shared',
  ...over,
});

let deep: unknown = 'bottom';
for (let i = 0; i < 10_000; i++) deep = { deeper: deep };

describe('importEvents with events beyond the bounds', () => {
  it('refuses each alone, naming the field, and keeps the rest of the batch and every event held', () => {
    const batch = [
      incoming(1),
      incoming(2, { clock: { wall: 9e15, counter: 0 } }),
      incoming(3, { clock: { wall: last.clock.wall, counter: Number.MAX_SAFE_INTEGER } }),
      incoming(4, { type: 'plugin-note', data: deep }),
      incoming(5, { id: 'kai\u0000tablet:5', device: 'kai\u0000tablet' }),
      incoming(6, { data: { exercise: 'safe-\uD800space', together: false } }),
      incoming(7, { clock: { wall: last.clock.wall + 7, counter: MAX_COUNTER + 1 } }),
      incoming(8),
    ];
    const result = importEvents(local, batch, { couple, device: 'ana-phone', self: 'ana' });
    expect(result.rejected.map(({ index, error }) => [index, error.code, error.field])).toEqual([
      [1, 'malformed', 'clock.wall'],
      [2, 'malformed', 'clock.counter'],
      [3, 'malformed', `data${'.deeper'.repeat(MAX_DEPTH)}`],
      [4, 'malformed', 'device'],
      [5, 'malformed', 'data.exercise'],
      [6, 'malformed', 'clock.counter'],
    ]);
    expect(result.added.map((event) => event.id)).toEqual(['kai-tablet:1', 'kai-tablet:8']);
    expect(result.dropped).toEqual([]);
    expect(result.events).toHaveLength(local.length + 2);
    expect(result.events.slice(0, local.length)).toEqual(local);
  });

  it('accepts a clock at the very end of the range, the same on every device', () => {
    const far = incoming(1, { clock: { wall: MAX_WALL, counter: MAX_COUNTER } });
    const result = importEvents(local, [far], { couple });
    expect(result.rejected).toEqual([]);
    expect(result.added).toHaveLength(1);
  });
});
