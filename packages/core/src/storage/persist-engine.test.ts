import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { manualClock } from '../engine/fixtures.js';
import type { Couple } from '../program/couple.js';
import { openEventStore } from './event-store.js';
import { faultyAdapter, sampleEvents, simulated } from './fixtures.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { persistEngine } from './persist-engine.js';

const { couple, program } = simulated;
const end = couple.startedAt + 22 * 86_400_000;

describe('persistEngine', () => {
  it('saves what the engine records and receives, and a restart brings it all back', async () => {
    const memory = createMemoryAdapter();
    const store = await openEventStore({ adapter: memory, couple, locks: null });
    await store.append(sampleEvents.slice(0, 50));
    const clock = manualClock(end);
    const engine = createEngine({
      program,
      couple,
      device: 'ana-laptop',
      events: store.events,
      trusted: true,
      now: clock.now,
    });
    const persistence = persistEngine(engine, store);
    engine.receive(sampleEvents.slice(50));
    engine.pause('ana');
    clock.advance(60_000);
    engine.resume('kai');
    await persistence.settled();
    const saved = engine.getSnapshot();
    persistence.stop();
    engine.pause('kai');
    await persistence.settled();

    const reopened = await openEventStore({ adapter: memory, couple, locks: null });
    expect(reopened.size).toBe(sampleEvents.length + 2);
    const restarted = createEngine({
      program,
      couple,
      device: 'ana-laptop',
      events: reopened.events,
      trusted: true,
      now: clock.now,
    });
    expect({ ...restarted.getSnapshot(), version: 0 }).toEqual({ ...saved, version: 0 });
    expect(engine.getSnapshot().events).toBe(sampleEvents.length + 3);
  });

  it('saves events the engine started with that the store lacks', async () => {
    const store = await openEventStore({ adapter: createMemoryAdapter(), couple, locks: null });
    const engine = createEngine({
      program,
      couple,
      device: 'x',
      events: sampleEvents,
      now: () => end,
    });
    await persistEngine(engine, store).settled();
    expect(store.size).toBe(sampleEvents.length);
  });

  it("raises the engine's sequence floor to the store's mark, so an emptied log never reuses an id", async () => {
    const adapter = createMemoryAdapter();
    const store = await openEventStore({ adapter, couple, locks: null });
    const first = createEngine({ program, couple, device: store.device, now: () => end });
    const persistence = persistEngine(first, store);
    first.pause('ana');
    first.resume('ana');
    const secret = first.answer('ana', 'what-feels-safe', 'safe', 'mine alone', 'private');
    await persistence.settled();
    persistence.stop();
    // The history emptied (an erasure elsewhere, a reset): the engine holds none of its own events.
    await store.replace([]);
    const restarted = createEngine({ program, couple, device: store.device, now: () => end });
    persistEngine(restarted, store);
    const next = restarted.pause('kai');
    expect(next.seq).toBe(secret.seq + 1);
    expect(next.id).not.toBe(secret.id);
  });

  it('hands each event the store refuses to onError, or to settled() without one', async () => {
    const store = await openEventStore({ adapter: createMemoryAdapter(), couple, locks: null });
    // An engine told of another partner than its store knows: the store would set those aside.
    const other: Couple = {
      ...couple,
      partners: [couple.partners[0], { id: 'zoe', timeZone: 'UTC' }],
    };
    const engine = createEngine({
      program,
      couple: other,
      device: 'x',
      now: () => end,
    });
    const onError = vi.fn();
    const reported = persistEngine(engine, store, { onError });
    engine.pause('zoe');
    engine.pause(couple.partners[0]?.id as string);
    await reported.settled();
    expect(onError).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid-event' }));
    expect(store.size).toBe(1);
    reported.stop();

    const unreported = persistEngine(engine, store);
    engine.resume('zoe');
    await expect(unreported.settled()).rejects.toMatchObject({ code: 'invalid-event' });
  });

  it('hands write errors to onError, or to settled() without one', async () => {
    const adapter = faultyAdapter(createMemoryAdapter());
    const store = await openEventStore({ adapter, couple, locks: null });
    const engine = createEngine({ program, couple, device: 'x', now: () => end });
    const onError = vi.fn();
    const reported = persistEngine(engine, store, { onError });
    adapter.fail('append', new Error('EIO'));
    engine.pause('ana');
    await reported.settled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'write-failed' }));
    reported.stop();

    const unreported = persistEngine(engine, store);
    adapter.fail('append', new Error('EIO'));
    engine.resume('ana');
    await expect(unreported.settled()).rejects.toMatchObject({ code: 'write-failed' });
    await expect(unreported.settled()).resolves.toBeUndefined();
  });
});
