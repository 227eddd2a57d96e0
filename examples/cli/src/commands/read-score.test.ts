import { describe, expect, it } from 'vitest';
import { readScore } from './read-score.js';

describe('readScore', () => {
  it('reads a whole number within the scale, in any of the digits people type', () => {
    expect(readScore(' 4 ', 1, 5)).toBe(4);
    expect(readScore('٤', 1, 5)).toBe(4);
    expect(readScore('۳', 1, 5)).toBe(3);
    expect(readScore('５', 1, 5)).toBe(5);
  });

  it('takes an empty answer as a skip, and refuses anything else', () => {
    expect(readScore('', 1, 5)).toBe('skip');
    expect(readScore('   ', 1, 5)).toBe('skip');
    expect(readScore('6', 1, 5)).toBeUndefined();
    expect(readScore('0', 1, 5)).toBeUndefined();
    expect(readScore('3.5', 1, 5)).toBeUndefined();
    expect(readScore('three', 1, 5)).toBeUndefined();
  });
});
