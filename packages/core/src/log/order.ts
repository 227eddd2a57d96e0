import type { EventEnvelope, HybridTimestamp } from '../events/types.js';

/** Orders two clock readings: negative when `a` is earlier. */
export function compareTimestamps(a: HybridTimestamp, b: HybridTimestamp): number {
  return a.wall - b.wall || a.counter - b.counter;
}

/**
 * The one total order every device folds events in: clock, then device, then the device's sequence.
 * Two devices holding the same events therefore always agree on their order. Only the envelope is
 * read, so encrypted events sort as their plain selves do.
 */
export function compareEvents(
  a: Pick<EventEnvelope<string, unknown>, 'clock' | 'device' | 'seq'>,
  b: Pick<EventEnvelope<string, unknown>, 'clock' | 'device' | 'seq'>,
): number {
  const byClock = compareTimestamps(a.clock, b.clock);
  if (byClock !== 0) return byClock;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.seq - b.seq;
}
