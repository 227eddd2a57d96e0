import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { manualClock } from '../engine/fixtures.js';
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
