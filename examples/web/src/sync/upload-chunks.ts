/** Limits of one upload; the example server refuses bodies over 1 MiB by default. */
export interface ChunkLimits {
  readonly maxEvents: number;
  /** Of the events' JSON, leaving room for the batch around them. */
  readonly maxBytes: number;
}

const defaults: ChunkLimits = { maxEvents: 500, maxBytes: 256 * 1024 };

/**
 * Splits events, in order, into runs small enough for one upload each, so a long history (a first
 * sync, a phone long offline) goes through in several requests instead of failing as one too large.
 * An event larger than `maxBytes` on its own still gets a run of its own: the server is the judge.
 */
export function uploadChunks<E>(events: readonly E[], limits: ChunkLimits = defaults): E[][] {
  const chunks: E[][] = [];
  let current: E[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = new TextEncoder().encode(JSON.stringify(event)).length;
    if (
      current.length > 0 &&
      (current.length >= limits.maxEvents || bytes + size > limits.maxBytes)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
