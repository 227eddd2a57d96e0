/** Options of {@link createRateLimiter}. */
export interface RateLimitOptions {
  /** Requests one key may make at once, after a quiet spell. */
  readonly capacity: number;
  /** How many requests come back per second. */
  readonly refillPerSecond: number;
}

/** Whether a request may go ahead, and when to try again if not. */
export type RateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Counts requests per key (a token, an address) and refuses those over the rate. */
export interface RateLimiter {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Full buckets carry no information, so they are dropped once this many keys are kept.
const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per key: each request takes one token, and tokens come back at a steady rate up to
 * `capacity`. Bursts of a sync client are fine; a loop that hammers the server is slowed down. Kept
 * in memory: a restart forgets it, and several server processes each count on their own.
 */
export function createRateLimiter(
  options: RateLimitOptions,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const fill = (bucket: Bucket, at: number) => {
    const refilled = ((at - bucket.at) / 1000) * options.refillPerSecond;
    bucket.tokens = Math.min(options.capacity, bucket.tokens + refilled);
    bucket.at = at;
  };
  const prune = (at: number) => {
    for (const [key, bucket] of buckets) {
      fill(bucket, at);
      if (bucket.tokens >= options.capacity) buckets.delete(key);
    }
  };
  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= PRUNE_ABOVE) prune(at);
        bucket = { tokens: options.capacity, at };
        buckets.set(key, bucket);
      }
      fill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      const wait = (1 - bucket.tokens) / options.refillPerSecond;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
    },
  };
}
