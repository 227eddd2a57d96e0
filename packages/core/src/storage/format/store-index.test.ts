import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../../events/types.js';
import { higherMarks, highWaterOf, markOf } from './store-index.js';

const at = (device: string, seq: number) => ({ device, seq }) as LoggedEvent;

describe('sequence marks', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'keep the mark of a device named %s like any other',
    (device) => {
      const marks = highWaterOf([at(device, 3), at(device, 7), at('d-other', 2)]);
      expect(markOf(marks, device)).toBe(7);
      expect(Object.keys(marks).sort()).toEqual([device, 'd-other'].sort());
      const parsed = JSON.parse(JSON.stringify(marks)) as Record<string, number>;
      const higher = higherMarks(parsed, highWaterOf([at(device, 9)]));
      expect(markOf(higher, device)).toBe(9);
      expect(markOf(higher, 'd-other')).toBe(2);
    },
  );

  it('give 0 for a device without a mark, even one named after an object member', () => {
    expect(markOf(highWaterOf([]), 'constructor')).toBe(0);
  });
});
