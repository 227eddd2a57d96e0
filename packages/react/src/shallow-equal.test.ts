import { describe, expect, it } from 'vitest';
import { shallowEqual } from './shallow-equal.js';

describe('shallowEqual', () => {
  it('compares objects and arrays one level deep', () => {
    const nested = { a: 1 };
    expect(shallowEqual({ x: 1, y: nested }, { x: 1, y: nested })).toBe(true);
    expect(shallowEqual([1, 'a'], [1, 'a'])).toBe(true);
    expect(shallowEqual({ x: { a: 1 } }, { x: { a: 1 } })).toBe(false);
    expect(shallowEqual([1], [1, 2])).toBe(false);
    expect(shallowEqual<object>({ x: undefined }, { y: 1 })).toBe(false);
  });

  it('compares anything else by Object.is', () => {
    expect(shallowEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(shallowEqual<unknown>(null, {})).toBe(false);
    expect(shallowEqual<unknown>('ab', 'ab')).toBe(true);
    expect(shallowEqual<unknown>('ab', ['a', 'b'])).toBe(false);
  });
});
