import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import type { ErasureRequestedEvent, LoggedEvent } from '../events/types.js';
import { MAX_COUNTER } from '../log/bounds.js';
import { AttuneEventError } from '../log/event-error.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import {
  type ErasePartnerOptions,
  erasePartner,
  erasureCutoffs,
  isErased,
  isSignedOff,
} from './erasure.js';

const { couple, program } = simulated;
const ordered = [...sampleEvents].sort(compareEvents);
const last = ordered[ordered.length - 1] as LoggedEvent;
const now = last.clock.wall + 3_600_000;

describe('erasePartner', () => {
  it("removes one partner's events and records their signed-off request, in their name", () => {
    const erasure = erasePartner(ordered, {
      couple,
      self: 'kai',
      partner: 'kai',
      device: 'kai-phone',
      now: () => now,
    });
    const kais = ordered.filter((event) => event.partner === 'kai');
    const own = ordered.filter((event) => event.device === 'kai-phone');
    expect(erasure.removed).toBe(kais.length);
    expect(erasure.request).toMatchObject({
      id: `kai-phone:${own.length + 1}`,
      partner: 'kai',
      device: 'kai-phone',
      seq: own.length + 1,
      clock: { wall: now, counter: 0 },
      type: 'erasure-requested',
      data: { partner: 'kai', before: { wall: now, counter: 0 } },
      visibility: 'shared',
    });
    expect(isSignedOff(erasure.request)).toBe(true);
    expect(erasure.events).toEqual([
      ...ordered.filter((event) => event.partner !== 'kai'),
      erasure.request,
    ]);
    // The engine folds what is left without complaint.
    const engine = createEngine({
      program,
      couple,
      device: 'kai-phone',
      events: erasure.events,
      now: () => now,
    });
    expect(engine.getSnapshot().events).toBe(erasure.events.length);
  });

  it('orders the request after every event seen, and covers even a partner event from the far future', () => {
    const future = {
      ...last,
      id: 'ana-tablet:1',
      device: 'ana-tablet',
      seq: 1,
      partner: 'ana',
      clock: { wall: now + 10 * 86_400_000, counter: 2 },
    } as LoggedEvent;
    const sameMoment = {
      ...last,
      id: 'kai-tablet:1',
      device: 'kai-tablet',
      seq: 1,
      partner: 'kai',
      clock: { wall: now + 1000, counter: 4 },
    } as LoggedEvent;
    const erasure = erasePartner([...ordered, sameMoment, future], {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => now,
    });
    // The far-future clock moves this one no further than the skew past now.
    expect(erasure.request.clock).toEqual({ wall: now + 60_000, counter: 1 });
    expect(erasure.request.data.before).toEqual(future.clock);
    expect(
      erasure.events.some((event) => event.partner === 'ana' && event.type !== 'erasure-requested'),
    ).toBe(false);
    const after = erasePartner([sameMoment], {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => now,
    });
    expect(after.request.clock).toEqual({ wall: now + 1000, counter: 5 });
  });

  it('refuses a partner who is not in the couple', () => {
    expect(() =>
      erasePartner(ordered, { couple, self: 'zoe', partner: 'zoe', device: 'x' }),
    ).toThrow(/"zoe" is not one of/);
  });

  it("refuses to erase the other partner's events, or to sign off in their name", () => {
    const refusal = (options: ErasePartnerOptions) => {
      try {
        erasePartner(ordered, options);
      } catch (error) {
        return AttuneEventError.isInstance(error) ? [error.code, error.field] : error;
      }
      return 'erased';
    };
    const options = { couple, self: 'kai', partner: 'ana', device: 'kai-phone' };
    expect(refusal(options)).toEqual(['not-allowed', 'partner']);
    // A caller that does not say who is erasing (JavaScript, or a cast) is refused the same way.
    const { self: _, ...unsaid } = options;
    expect(refusal(unsaid as ErasePartnerOptions)).toEqual(['not-allowed', 'partner']);
    expect(refusal({ ...options, self: 'ana' })).toBe('erased');
  });

  it('moves on to the next millisecond after a clock at the counter bound, as the hybrid clock does', () => {
    const atBound = {
      ...last,
      id: 'kai-tablet:1',
      device: 'kai-tablet',
      seq: 1,
      partner: 'kai',
      clock: { wall: now, counter: MAX_COUNTER },
    } as LoggedEvent;
    for (const stored of [
      atBound,
      { ...atBound, clock: { wall: now, counter: Number.MAX_SAFE_INTEGER } },
    ]) {
      const erasure = erasePartner([...ordered, stored], {
        couple,
        self: 'ana',
        partner: 'ana',
        device: 'ana-phone',
        now: () => now,
      });
      expect(erasure.request.clock).toEqual({ wall: now + 1, counter: 0 });
      expect(compareEvents(stored, erasure.request)).toBeLessThan(0);
    }
  });
});

describe('erasure cutoffs', () => {
  const request = (partner: string, by: string, wall: number): ErasureRequestedEvent => ({
    id: `${by}-d:${wall}`,
    partner: by,
    device: `${by}-d`,
    seq: wall,
    clock: { wall, counter: 0 },
    type: 'erasure-requested',
    data: { partner, before: { wall, counter: 0 } },
    visibility: 'shared',
  });

  it('take the latest signed-off request per partner, and ignore one made for someone else', () => {
    const cutoffs = erasureCutoffs([
      request('ana', 'ana', 50),
      request('ana', 'ana', 30),
      request('kai', 'ana', 90),
      ...ordered.slice(0, 2),
    ]);
    expect([...cutoffs]).toEqual([['ana', { wall: 50, counter: 0 }]]);
    const event = (partner: string, wall: number) =>
      ({ ...last, partner, clock: { wall, counter: 0 } }) as LoggedEvent;
    expect(isErased(event('ana', 50), cutoffs)).toBe(true);
    expect(isErased(event('ana', 51), cutoffs)).toBe(false);
    expect(isErased(event('kai', 10), cutoffs)).toBe(false);
    expect(isErased(request('ana', 'ana', 10), cutoffs)).toBe(false);
  });
});
