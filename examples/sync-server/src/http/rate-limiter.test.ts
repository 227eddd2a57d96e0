import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

describe('createRateLimiter', () => {
  it('allows a burst up to the capacity, then one request per refill', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 }, () => now);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 1_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('counts each key on its own, and never refills past the capacity', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    now = 60_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('says how long to wait when the refill is slow', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.1 }, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });
});
