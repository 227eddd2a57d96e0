import { describe, expect, it } from 'vitest';
import { MAX_COUNTER } from './bounds.js';
import { createHybridClock } from './clock.js';
import { compareTimestamps } from './order.js';

describe('the hybrid clock', () => {
  it('moves on to the next millisecond instead of counting past the bound', () => {
    const clock = createHybridClock({ now: () => 1_000 });
    clock.observe({ wall: 1_000, counter: MAX_COUNTER });
    const next = clock.tick();
    expect(next).toEqual({ wall: 1_001, counter: 0 });
    expect(compareTimestamps(next, { wall: 1_000, counter: MAX_COUNTER })).toBeGreaterThan(0);
    expect(clock.tick()).toEqual({ wall: 1_001, counter: 1 });
  });

  it('never stalls, whatever counter it was shown', () => {
    const clock = createHybridClock({ now: () => 1_000 });
    clock.observe({ wall: 1_000, counter: Number.MAX_SAFE_INTEGER });
    const first = clock.tick();
    const second = clock.tick();
    for (const reading of [first, second]) {
      expect(Number.isSafeInteger(reading.counter)).toBe(true);
      expect(reading.counter).toBeLessThanOrEqual(MAX_COUNTER);
    }
    expect(compareTimestamps(first, second)).toBeLessThan(0);
  });

  it('keeps counting within a millisecond that stands still', () => {
    const clock = createHybridClock({ now: () => 5 });
    for (let i = 0; i < MAX_COUNTER + 3; i++) clock.tick();
    // Counters 0 to the bound at 5 ms, then 0 and 1 at 6 ms.
    expect(clock.peek()).toEqual({ wall: 6, counter: 1 });
  });
});
