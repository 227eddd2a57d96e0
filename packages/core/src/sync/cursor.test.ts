import { describe, expect, it } from 'vitest';
import { advanceCursor, checkCursor, cursorHas, cursorOf } from './cursor.js';

const at = (device: string, ...seqs: number[]) => seqs.map((seq) => ({ device, seq }));

describe('sync cursors', () => {
  it('summarise what a device holds as sorted ranges per device, gaps included', () => {
    const cursor = cursorOf([...at('a', 5, 1, 2, 3, 9, 7, 8, 2), ...at('b', 4)]);
    expect(cursor).toEqual({
      a: [
        [1, 3],
        [5, 5],
        [7, 9],
      ],
      b: [[4, 4]],
    });
    expect(advanceCursor(cursor, at('a', 4, 6))).toEqual({ a: [[1, 9]], b: [[4, 4]] });
    expect(cursor.a).toHaveLength(3);
  });

  it('answer whether they hold an event', () => {
    const cursor = cursorOf(at('a', 1, 2, 3, 7, 8, 20));
    for (const seq of [1, 2, 3, 7, 8, 20]) expect(cursorHas(cursor, 'a', seq)).toBe(true);
    for (const seq of [4, 6, 9, 19, 21]) expect(cursorHas(cursor, 'a', seq)).toBe(false);
    expect(cursorHas(cursor, 'b', 1)).toBe(false);
    expect(cursorHas(cursor, 'toString', 1)).toBe(false);
  });

  it('are checked when they come from elsewhere, naming the device at fault', () => {
    const good = cursorOf(at('a', 1, 2, 5));
    expect(checkCursor(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(checkCursor({})).toEqual({});
    for (const bad of [
      null,
      [],
      { a: 'x' },
      { a: [[2, 1]] },
      { a: [[0, 1]] },
      { a: [[1.5, 2]] },
      { a: [[1, 2, 3]] },
      { a: ['x'] },
      {
        a: [
          [3, 4],
          [1, 2],
        ],
      },
    ]) {
      expect(() => checkCursor(bad)).toThrow(/sync cursor is malformed/);
    }
    expect(() => checkCursor({ phone: [[2, 1]] })).toThrow(/at "phone"\. Send the cursor/);
  });
});
