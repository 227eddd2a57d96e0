import type { HybridTimestamp } from '../events/types.js';

/** A hybrid logical clock: wall time that never runs backwards, with a counter for ties. */
export interface HybridClock {
  /** A reading for an event recorded here, later than every reading this clock gave or saw. */
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
  let last: HybridTimestamp = { wall: 0, counter: 0 };
  return {
    tick() {
      const wall = options.now();
      last =
        wall > last.wall ? { wall, counter: 0 } : { wall: last.wall, counter: last.counter + 1 };
      return last;
    },
    observe(remote) {
      const ceiling = options.now() + maxSkewMs;
      const wall = Math.min(remote.wall, ceiling);
      if (wall > last.wall) last = { wall, counter: wall === remote.wall ? remote.counter : 0 };
      else if (wall === last.wall && remote.counter > last.counter) {
        last = { wall, counter: remote.counter };
      }
    },
    peek() {
      return last;
    },
  };
}
