import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import type { ErasureRequestedEvent, LoggedEvent } from '../events/types.js';
import { MAX_COUNTER } from '../log/bounds.js';
import { AttuneEventError } from '../log/event-error.js';
import { compareEvents, compareTimestamps } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { exportEvents } from '../sync/export-events.js';
import { importEvents } from '../sync/import-events.js';
import {
  type ErasePartnerOptions,
  erasePartner,
  erasureCutoffs,
  isErased,
  isSignedOff,
  keptRests,
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
    // Erasing never lifts a rest: Kai's latest rest event stays, and it carries no content.
    const rest = kais.filter((event) => event.type === 'safety-rest').at(-1);
    expect(rest?.data).toEqual({ active: true });
    expect(erasure.removed).toBe(kais.length - 1);
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
      ...ordered.filter((event) => event.partner !== 'kai' || event === rest),
      erasure.request,
    ]);
    // The engine folds what is left without complaint, and the exercises still rest.
    const engine = createEngine({
      program,
      couple,
      device: 'kai-phone',
      events: erasure.events,
      now: () => now,
    });
    expect(engine.getSnapshot().events).toBe(erasure.events.length);
    expect(engine.getSnapshot().resting).toBe(true);
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

describe('erasure and rests', () => {
  const MINUTE = 60_000;
  const phone = () => {
    let wall = Date.UTC(2026, 0, 5, 8);
    const clock = {
      now: () => wall,
      set: (at: number) => {
        wall = at;
      },
    };
    const engine = createEngine({ program, couple, device: 'kai-phone', now: clock.now });
    return { engine, clock };
  };

  it("keeps the erasing partner's latest rest up to the cutoff, and every rest after it", () => {
    const kai = phone();
    const first = kai.engine.setRest('kai', true);
    kai.clock.set(first.clock.wall + MINUTE);
    const wake = kai.engine.setRest('kai', false);
    kai.clock.set(wake.clock.wall + MINUTE);
    kai.engine.answer('kai', 'what-feels-safe', 'safe', 'PRIVATE WORDS', 'private');
    const latest = kai.engine.setRest('kai', true);
    kai.clock.set(latest.clock.wall + MINUTE);
    // Chosen, but waiting for its quarter hour when Kai erases.
    const waiting = kai.engine.setRest('kai', false);
    const erasure = erasePartner(kai.engine.getEvents(), {
      couple,
      self: 'kai',
      partner: 'kai',
      device: 'kai-phone',
      now: kai.clock.now,
    });
    expect(erasure.events.filter((event) => event.partner === 'kai')).toEqual([
      latest,
      erasure.request,
      waiting,
    ]);
    expect(JSON.stringify(erasure.events)).not.toContain('PRIVATE WORDS');
    // The cutoff stops before the waiting rest, so it is not covered at all.
    expect(compareTimestamps(erasure.request.data.before, waiting.clock)).toBeLessThan(0);

    // Erasing lifts nothing, now or when the waiting wake comes: the same as without erasing.
    const restarted = createEngine({
      program,
      couple,
      device: 'kai-phone',
      events: erasure.events,
      now: kai.clock.now,
    });
    expect(restarted.getSnapshot().resting).toBe(true);
    expect(restarted.viewFor('kai').ownRest).toMatchObject({ active: false, inEffect: false });
    kai.clock.set(waiting.clock.wall);
    restarted.refresh();
    expect(restarted.getSnapshot().resting).toBe(false);
  });

  it('never erases a rest judged alone, and erases the older ones judged among the events held', () => {
    const cutoffs = new Map([['kai', { wall: 100, counter: 0 }]]);
    const rest = (seq: number, wall: number) => ({
      id: `kai-phone:${seq}`,
      type: 'safety-rest',
      partner: 'kai',
      device: 'kai-phone',
      seq,
      clock: { wall, counter: 0 },
    });
    const older = rest(2, 10);
    const newer = rest(4, 50);
    const after = rest(6, 200);
    // A relay that reads one envelope at a time keeps every rest: it cannot tell the latest.
    for (const each of [older, newer, after]) expect(isErased(each, cutoffs)).toBe(false);
    // Envelopes are enough to tell, so a relay can judge encrypted rests the same way.
    const kept = keptRests([after, newer, older], cutoffs);
    expect(kept).toEqual(new Set([newer.id]));
    expect([older, newer, after].map((each) => isErased(each, cutoffs, kept))).toEqual([
      true,
      false,
      false,
    ]);
    expect(keptRests([older], cutoffs)).toEqual(new Set([older.id]));
    expect(keptRests([older, newer], new Map())).toEqual(new Set());
  });

  it("keeps the erasing partner's rest on the other partner's devices, whatever arrives first", () => {
    const kai = phone();
    kai.engine.takeSafetyCheck('kai', 'safety-check', {
      'feel-safe': false,
      'can-disagree': true,
      afraid: true,
      'see-others': true,
      threatened: false,
    });
    const first = kai.engine.setRest('kai', true);
    kai.clock.set(first.clock.wall + MINUTE);
    kai.engine.setRest('kai', false);
    const latest = kai.engine.setRest('kai', true);
    kai.clock.set(latest.clock.wall + MINUTE);
    kai.engine.completeExercise('kai', 'safe-space-basics');
    const before = exportEvents(kai.engine.getEvents(), { couple, recipient: 'ana' }).events;
    const erasure = erasePartner(kai.engine.getEvents(), {
      couple,
      self: 'kai',
      partner: 'kai',
      device: 'kai-phone',
      now: kai.clock.now,
    });
    const after = exportEvents(erasure.events, { couple, recipient: 'ana' }).events;
    for (const deliveries of [
      [before, after],
      [after, before],
      [[...after, ...before].reverse()],
    ]) {
      let held: readonly LoggedEvent[] = [];
      for (const batch of deliveries) {
        held = importEvents(held, batch, { couple, device: 'ana-phone', self: 'ana' }).events;
      }
      expect(held.filter((event) => event.partner === 'kai')).toEqual([latest, erasure.request]);
      const engine = createEngine({
        program,
        couple,
        device: 'ana-phone',
        events: held,
        now: kai.clock.now,
      });
      expect(engine.getSnapshot().resting).toBe(true);
    }
  });
});
