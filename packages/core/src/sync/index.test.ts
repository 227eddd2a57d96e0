import { describe, expect, it } from 'vitest';
import * as bounds from '../log/bounds.js';
import { simulated } from '../storage/fixtures.js';
import * as sync from './index.js';

const { couple } = simulated;
const at = (seq: number, wall: number, counter = 0) => ({
  id: `kai-tablet:${seq}`,
  partner: 'kai',
  device: 'kai-tablet',
  seq,
  clock: { wall, counter },
  type: 'partner-left',
  data: {},
  visibility: 'shared',
});

describe('@attune/core/sync', () => {
  it('gives relays and apps the limits every event is held to', () => {
    expect({
      MIN_WALL: sync.MIN_WALL,
      MAX_WALL: sync.MAX_WALL,
      MAX_COUNTER: sync.MAX_COUNTER,
      MAX_ID_LENGTH: sync.MAX_ID_LENGTH,
      MAX_TEXT_LENGTH: sync.MAX_TEXT_LENGTH,
      MAX_DEPTH: sync.MAX_DEPTH,
      MAX_DATA_BYTES: sync.MAX_DATA_BYTES,
    }).toEqual({
      MIN_WALL: bounds.MIN_WALL,
      MAX_WALL: bounds.MAX_WALL,
      MAX_COUNTER: bounds.MAX_COUNTER,
      MAX_ID_LENGTH: bounds.MAX_ID_LENGTH,
      MAX_TEXT_LENGTH: bounds.MAX_TEXT_LENGTH,
      MAX_DEPTH: bounds.MAX_DEPTH,
      MAX_DATA_BYTES: bounds.MAX_DATA_BYTES,
    });
    expect(new Date(sync.MAX_WALL).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });

  it('says where import draws the line on clocks', () => {
    const result = sync.importEvents(
      [],
      [
        at(1, sync.MIN_WALL),
        at(2, sync.MAX_WALL, sync.MAX_COUNTER),
        at(3, sync.MAX_WALL + 1),
        at(4, sync.MIN_WALL - 1),
        at(5, sync.MIN_WALL, sync.MAX_COUNTER + 1),
      ],
      { couple },
    );
    expect(result.added.map((event) => event.seq)).toEqual([1, 2]);
    expect(result.rejected.map(({ index, error }) => [index, error.field])).toEqual([
      [2, 'clock.wall'],
      [3, 'clock.wall'],
      [4, 'clock.counter'],
    ]);
  });
});
