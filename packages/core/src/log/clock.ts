import type { HybridTimestamp } from '../events/types.js';
import { MAX_COUNTER } from './bounds.js';

/** A hybrid logical clock: wall time that never runs backwards, with a counter for ties. */
export interface HybridClock {
  /**
   * A reading for an event recorded here, later than every reading this clock gave or saw. Its counter
   * never passes `MAX_COUNTER`: at the bound the reading moves on to the next millisecond instead.
   */
  tick(): HybridTimestamp;
  /**
   * Takes note of a reading from another device, so later local events sort after it. A reading far
   * in the future moves this clock at most `maxSkewMs` past now.
   */
  observe(remote: HybridTimestamp): void;
  /** The latest reading, without advancing. */
  peek(): HybridTimestamp;
}

/** Options of {@link createHybridClock}. */
export interface HybridClockOptions {
  /** The wall clock, in milliseconds since the epoch. */
  readonly now: () => number;
  /** How far past `now` a remote reading may move this clock (default one minute). */
  readonly maxSkewMs?: number;
}

/** Creates a hybrid logical clock over the given wall clock. */
export function createHybridClock(options: HybridClockOptions): HybridClock {
  const maxSkewMs = options.maxSkewMs ?? 60_000;
  // Mutated in place: the engine observes every event it folds, and a new reading object (or a new
  // number in a closure variable) per event would be a million allocations at start-up.
  const last = { wall: 0, counter: 0 };
  return {
    tick() {
      const wall = options.now();
      if (wall > last.wall) {
        last.wall = wall;
        last.counter = 0;
      } else if (last.counter >= MAX_COUNTER) {
        // Counting on would make readings every device refuses; one millisecond ahead sorts after
        // every reading this clock saw as well.
        last.wall++;
        last.counter = 0;
      } else last.counter++;
      return { wall: last.wall, counter: last.counter };
    },
    observe(remote) {
      const ceiling = options.now() + maxSkewMs;
      const remoteWall = Math.min(remote.wall, ceiling);
      if (remoteWall > last.wall) {
        last.counter = remoteWall === remote.wall ? remote.counter : 0;
        last.wall = remoteWall;
      } else if (remoteWall === last.wall && remote.counter > last.counter) {
        last.counter = remote.counter;
      }
    },
    peek() {
      return { wall: last.wall, counter: last.counter };
    },
  };
}
