import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import type { LoggedEvent } from '../events/types.js';
import { erasePartner } from '../export/erasure.js';
import { checkEvent } from '../log/check-event.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { exportEvents } from './export-events.js';
import { importEvents } from './import-events.js';

const { couple, program } = simulated;
const normalised = sampleEvents.map((event) =>
  checkEvent(event, { partners: ['ana', 'kai'], latestWall: Number.MAX_SAFE_INTEGER }),
);
const ordered = [...normalised].sort(compareEvents);
const first = ordered[0] as LoggedEvent;

describe('importEvents', () => {
  it('merges new events in log order and counts the ones already held', () => {
    const result = importEvents(ordered.slice(0, 10), [...ordered].reverse(), { couple });
    expect(result.events).toEqual(ordered);
    expect(result.added).toEqual(ordered.slice(10));
    expect(result.duplicates).toBe(10);
    expect(result.rejected).toEqual([]);
    expect(result.dropped).toEqual([]);
    expect(importEvents(result.events, ordered, { couple }).added).toEqual([]);
  });

  it('checks every incoming event, refusing bad ones one by one with the field and a fix', () => {
    const result = importEvents(
      [],
      [
        first,
        { ...first, id: 'x:1', device: 'x', seq: 1, partner: 'stranger' },
        { ...first, id: 'nope' },
        { ...first, id: 'x:2', device: 'x', seq: 2, data: undefined, encrypted: {} },
        'text',
      ],
      { couple },
    );
    expect(result.added).toEqual([first]);
    expect(result.rejected.map(({ index, error }) => [index, error.code, error.field])).toEqual([
      [1, 'unknown-partner', 'partner'],
      [2, 'malformed', 'id'],
      [3, 'malformed', 'encrypted'],
      [4, 'malformed', 'event'],
    ]);
    expect(result.rejected[2]?.error.message).toMatch(/still encrypted.*decryptEvents/);
  });

  it('refuses an erasure one partner asks for the other, and a safety check of the other partner', () => {
    const forKai = {
      id: 'ana-phone:900',
      partner: 'ana',
      device: 'ana-phone',
      seq: 900,
      clock: { wall: first.clock.wall + 1, counter: 0 },
      type: 'erasure-requested',
      data: { partner: 'kai', before: first.clock },
      visibility: 'shared',
    };
    const anasCheck = normalised.find(
      (e) => e.type === 'safety-check-taken' && e.partner !== 'ana',
    );
    const result = importEvents([], [forKai, anasCheck], { couple, self: 'ana' });
    expect(result.rejected.map(({ error }) => error.message)).toEqual([
      expect.stringMatching(
        /"ana" asked to erase the events of "kai".*Only a partner can erase their own/,
      ),
      expect.stringMatching(/A safety check of "kai" reached a device of "ana"/),
    ]);
  });

  it('refuses a batch that is malformed, newer, or for another couple or partner as a whole', () => {
    const batch = exportEvents(ordered, { couple, recipient: 'kai' });
    expect(importEvents([], batch, { couple, self: 'kai' }).added.length).toBe(batch.events.length);
    const cases: [unknown, RegExp][] = [
      [{ format: 'other' }, /not a sync batch/],
      [null, /not a sync batch/],
      [{ ...batch, version: 2 }, /sync format 2; this version of Attune reads up to 1.*Update/],
      [{ ...batch, version: undefined }, /sync format undefined/],
      [{ ...batch, couple: 'someone-else' }, /couple "someone-else", not "couple-11"/],
      [batch, /addressed to "kai", and this device belongs to "ana"/],
    ];
    for (const [input, message] of cases) {
      expect(() => importEvents([], input as never, { couple, self: 'ana' })).toThrow(message);
    }
  });

  it('accepts a clock far in the future, which moves the engine clock at most the skew past now', () => {
    const now = couple.startedAt + 30 * 86_400_000;
    const future = {
      ...first,
      id: 'kai-old-phone:1',
      device: 'kai-old-phone',
      seq: 1,
      clock: { wall: now + 5 * 365 * 86_400_000, counter: 3 },
    };
    const result = importEvents(ordered, [future], { couple });
    expect(result.added).toHaveLength(1);
    const engine = createEngine({
      program,
      couple,
      device: 'ana-laptop',
      events: ordered,
      trusted: true,
      now: () => now,
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
    expect(engine.receive(result.added).added).toBe(1);
    const recorded = engine.pause('ana');
    expect(recorded.clock.wall).toBeLessThanOrEqual(now + 60_000);
    expect(recorded.clock.wall).toBeGreaterThanOrEqual(now);
  });

  it('settles an id that arrives with different content the same way on every device, and tells the device whose id it is', () => {
    const mine = {
      ...first,
      clock: { ...first.clock, counter: first.clock.counter + 1 },
    } as LoggedEvent;
    const onA = importEvents([first], [mine], { couple, device: first.device });
    const onB = importEvents([mine], [first], { couple, device: 'elsewhere' });
    expect(onA.events).toEqual(onB.events);
    const [kept] = onA.events;
    const loserHere = kept === first ? onB : onA;
    expect(loserHere.dropped).toHaveLength(1);
    const refusedHere = kept === first ? onA : onB;
    expect(refusedHere.rejected[0]?.error).toMatchObject({ code: 'duplicate-id' });
    expect(refusedHere.rejected[0]?.error.message).toMatch(
      /two devices may be sharing one device id/,
    );
    expect(onA.conflicts).toEqual([{ kept, discarded: kept === first ? mine : first }]);
    expect(onA.deviceIdClash).toBe(true);
    expect(onB.deviceIdClash).toBe(false);
  });

  it('tells a device restored from a backup that its id is in use elsewhere', () => {
    const device = first.device;
    const own = ordered.filter((event) => event.device === device);
    const restored = ordered.filter((event) => event !== own[own.length - 1]);
    expect(importEvents(restored, ordered, { couple, device }).deviceIdClash).toBe(true);
    expect(importEvents(ordered, ordered, { couple, device }).deviceIdClash).toBe(false);
  });

  it("drops events a signed-off erasure covers, held or arriving, and keeps the partner's others", () => {
    const erasure = erasePartner(ordered, {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => couple.startedAt + 30 * 86_400_000,
    });
    const onKai = importEvents(ordered, [erasure.request], { couple, device: 'kai-phone' });
    expect(onKai.dropped.every((event) => event.partner === 'ana')).toBe(true);
    expect(onKai.dropped.length).toBe(ordered.filter((event) => event.partner === 'ana').length);
    expect(onKai.events).toEqual(erasure.events);
    expect(onKai.deviceIdClash).toBe(false);
    const late = importEvents(onKai.events, ordered, { couple });
    expect(late.added).toEqual([]);
    expect(late.erased).toBe(onKai.dropped.length);
    expect(late.duplicates).toBe(ordered.length - onKai.dropped.length);
  });

  it('sorts a local history given out of order', () => {
    const other = {
      ...first,
      clock: { ...first.clock, counter: first.clock.counter + 1 },
    } as LoggedEvent;
    const shuffled = [...ordered].reverse();
    const result = importEvents(shuffled, [other], { couple });
    expect(result.events).toHaveLength(ordered.length);
    expect([...result.events].sort(compareEvents)).toEqual(result.events);
  });
});
