import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { createHybridClock } from './clock.js';
import { AttuneEventError } from './event-error.js';
import { EventLog } from './event-log.js';

const event = (device: string, seq: number, wall: number, text = 'hello'): LoggedEvent => ({
  id: `${device}:${seq}`,
  partner: 'ana',
  device,
  seq,
  clock: { wall, counter: 0 },
  type: 'program-paused',
  data: { text },
  visibility: 'shared',
});

const ids = (log: EventLog) => log.events.map((each) => each.id);

describe('EventLog', () => {
  it('loads events in log order as one copy, and finds them by id', () => {
    const events = [event('a', 1, 10), event('b', 1, 20), event('a', 2, 30)];
    const log = new EventLog();
    expect(log.load(events)).toEqual(events);
    expect(log.events).not.toBe(events);
    expect(ids(log)).toEqual(['a:1', 'b:1', 'a:2']);
    expect(log.get('b:1')).toBe(events[1]);
    expect(log.get('b:2')).toBeUndefined();
    expect(log.get('nonsense')).toBeUndefined();
  });

  it('sorts and deduplicates what it loads when it is not in log order', () => {
    const log = new EventLog();
    const added = log.load([event('a', 2, 30), event('a', 1, 10), event('a', 2, 30)]);
    expect(added.map((each) => each.id)).toEqual(['a:1', 'a:2']);
    expect(ids(log)).toEqual(['a:1', 'a:2']);
  });

  it('tells of each event added once, and of each value not shaped like an event', () => {
    // In order until the fourth, which is out of order: the first three were told of already.
    const events = [
      event('a', 1, 10),
      event('b', 1, 20),
      event('a', 2, 30),
      event('a', 3, 5),
      { id: 7 } as unknown as LoggedEvent,
      event('b', 1, 20),
    ];
    const told: string[] = [];
    const unshaped: unknown[] = [];
    const log = new EventLog();
    const added = log.load(events, {
      added: (each) => told.push(each.id),
      unshaped: (value) => unshaped.push(value),
    });
    expect(added.map((each) => each.id)).toEqual(['a:3', 'a:1', 'b:1', 'a:2']);
    expect([...told].sort()).toEqual(['a:1', 'a:2', 'a:3', 'b:1']);
    expect(unshaped).toEqual([{ id: 7 }]);
  });

  it('always tells of exactly the events it added, whatever order and repeats they come in', () => {
    const anyEvent = fc
      .record({ device: fc.constantFrom('a', 'b'), seq: fc.integer({ min: 1, max: 6 }) })
      .map(({ device, seq }) => event(device, seq, seq * 10 + (device === 'a' ? 0 : 5)));
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 20 }), fc.boolean(), (events, sorted) => {
        const input = sorted ? [...new Map(events.map((e) => [e.id, e])).values()] : events;
        if (sorted) input.sort((x, y) => x.clock.wall - y.clock.wall);
        const told: LoggedEvent[] = [];
        const added = new EventLog().load(input, { added: (each) => told.push(each) });
        expect(new Set(told.map((each) => each.id)).size).toBe(told.length);
        expect([...told].map((each) => each.id).sort()).toEqual(
          added.map((each) => each.id).sort(),
        );
        expect(added.length).toBe(new Set(input.map((each) => each.id)).size);
      }),
    );
  });

  it('keeps every event, its order and its lookups when compacted, and grows on after it', () => {
    const log = new EventLog();
    for (let seq = 1; seq <= 40; seq++) log.append(event('a', seq, seq * 10));
    const before = log.events;
    log.compact();
    expect(log.events).toEqual(before);
    expect(log.events).not.toBe(before);
    log.append(event('b', 1, 15));
    expect(log.events.length).toBe(41);
    expect(log.events[1]?.id).toBe('b:1');
    expect(before.length).toBe(40);
    expect(log.get('a:40')?.clock.wall).toBe(400);
    expect(log.append(event('a', 40, 400))).toBe('duplicate');
  });

  it('refuses an id loaded twice with different content', () => {
    const log = new EventLog();
    expect(() => log.load([event('a', 1, 10), event('a', 1, 20, 'other')])).toThrow(
      AttuneEventError,
    );
  });

  it('tells a repeated event from a new one after loading, without an index until needed', () => {
    const log = new EventLog();
    log.load([event('a', 1, 10), event('a', 3, 30)]);
    expect(log.append(event('a', 3, 30))).toBe('duplicate');
    expect(log.append(event('a', 2, 20))).toBe('added');
    expect(log.append(event('a', 2, 20))).toBe('duplicate');
    expect(() => log.append(event('a', 2, 25, 'other'))).toThrow(/already recorded/);
    expect(() => log.append(event('a', 2, 20, 'other'))).toThrow(/already recorded/);
    expect(() => log.append(event('a', 3, 29))).toThrow(/already recorded/);
    expect(ids(log)).toEqual(['a:1', 'a:2', 'a:3']);
    expect(log.append(event('b', 1, 15))).toBe('added');
    expect(ids(log)).toEqual(['a:1', 'b:1', 'a:2', 'a:3']);
    expect(log.get('b:1')?.clock.wall).toBe(15);
  });

  it('keeps track of sequences far apart without growing without bound', () => {
    const log = new EventLog();
    const far = 2 ** 40;
    expect(log.append(event('a', 1, 10))).toBe('added');
    expect(log.append(event('a', far, 20))).toBe('added');
    expect(log.append(event('a', far, 20))).toBe('duplicate');
    expect(log.append(event('a', 5000, 30))).toBe('added');
    expect(log.append(event('a', 5000, 30))).toBe('duplicate');
    expect(log.get(`a:${far}`)?.seq).toBe(far);
    // Sequences no checked event has, as a store's own data might hold by mistake, are still found.
    expect(log.append(event('a', -1, 40))).toBe('added');
    expect(log.append(event('a', -1, 40))).toBe('duplicate');
    expect(log.size).toBe(4);
  });
});

describe('createHybridClock', () => {
  it('moves past what it observes, at most the allowed skew past now', () => {
    let now = 1000;
    const clock = createHybridClock({ now: () => now, maxSkewMs: 100 });
    expect(clock.tick()).toEqual({ wall: 1000, counter: 0 });
    expect(clock.tick()).toEqual({ wall: 1000, counter: 1 });
    clock.observe({ wall: 1000, counter: 7 });
    expect(clock.peek()).toEqual({ wall: 1000, counter: 7 });
    clock.observe({ wall: 5000, counter: 3 });
    expect(clock.peek()).toEqual({ wall: 1100, counter: 0 });
    const reading = clock.tick();
    expect(reading).toEqual({ wall: 1100, counter: 1 });
    now = 2000;
    expect(clock.tick()).toEqual({ wall: 2000, counter: 0 });
    // Readings handed out are not changed by later ones.
    expect(reading).toEqual({ wall: 1100, counter: 1 });
  });
});
