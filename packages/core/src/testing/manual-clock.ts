import { testCouple } from './test-couple.js';

/** A clock a test moves by hand, so nothing sleeps. */
export interface ManualClock {
  /** The current reading, in ms since the epoch; pass it to `createEngine({ now })`. */
  now(): number;
  /** Moves the clock forward by `ms` (backward when negative). */
  advance(ms: number): void;
  /** Sets the clock to `ms` since the epoch. */
  set(ms: number): void;
}

/**
 * Creates a clock that stands still until the test moves it, starting at `start` (by default when
 * {@link testCouple} started).
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const engine = createEngine({ program, couple: testCouple, device: 'test', now: clock.now });
 * clock.advance(7 * 86_400_000);
 * ```
 */
export function createManualClock(start: number = testCouple.startedAt): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
