/// <reference types="node" />

import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { createDeviceId } from '../sync/device-id.js';
import { openEventStore } from './event-store.js';
import { fakeLocks, sampleEvents, simulated } from './fixtures.js';
import { createJsonlFileAdapter } from './jsonl-file-adapter.js';
import { createMemoryAdapter } from './memory-adapter.js';
import { persistEngine } from './persist-engine.js';

const { couple, program } = simulated;
const inOrder = (events: readonly LoggedEvent[]) => [...events].sort(compareEvents);
const end = couple.startedAt + 22 * 86_400_000;
const open = (
  adapter: ReturnType<typeof createMemoryAdapter>,
  extra: Partial<Parameters<typeof openEventStore>[0]> = {},
) => openEventStore({ adapter, couple, locks: null, ...extra });
const indexOf = (adapter: ReturnType<typeof createMemoryAdapter>) =>
  JSON.parse(adapter.contents().index as string);

/** Storage as Attune wrote it before storage format 2: records of format 1, an index without device. */
function formatOne(events: readonly LoggedEvent[]) {
  const records = events.map((event) => JSON.stringify({ v: 1, event }));
  const highWater: Record<string, number> = {};
  for (const event of events)
    highWater[event.device] = Math.max(highWater[event.device] ?? 0, event.seq);
  const index = JSON.stringify({
    format: 'attune-event-store',
    version: 1,
    couple: couple.id,
    highWater,
  });
  return { records, index, highWater };
}

describe("a store's device id", () => {
  it('is made once, for new storage, and handed out again after every restart', async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter, { install: 'install-a' });
    expect(store.device).toMatch(/^d-[0-9a-f]{32}$/);
    expect(store.problems).toEqual([]);
    expect(indexOf(adapter)).toMatchObject({ device: store.device, install: 'install-a' });
    await store.close();
    const again = await open(adapter, { install: 'install-a' });
    expect(again.device).toBe(store.device);
    expect(again.problems).toEqual([]);
    // Storage emptied with the app's data gets a new id: its old marks are gone with it.
    expect((await open(createMemoryAdapter(), { install: 'install-a' })).device).not.toBe(
      store.device,
    );
  });

  it('is made anew when the storage turns up on another install, which keeps the old one', async () => {
    const original = createMemoryAdapter();
    const first = await open(original, { install: 'phone-a' });
    await first.append(sampleEvents.slice(0, 10));
    const copied = original.contents();
    const restored = createMemoryAdapter({
      records: copied.records,
      index: copied.index as string,
    });

    const second = await open(restored, { install: 'phone-b' });
    expect(second.device).not.toBe(first.device);
    expect(second.events).toEqual(first.events);
    expect(second.problems.map(({ code, device }) => [code, device])).toEqual([
      ['device-renewed', second.device],
    ]);
    expect(second.problems[0]?.message).toMatch(/another install: it was copied here, or a backup/);
    expect(indexOf(restored)).toMatchObject({ device: second.device, install: 'phone-b' });
    // Told once: from now on the copy is this install's own.
    expect((await open(restored, { install: 'phone-b' })).problems).toEqual([]);
    expect((await open(original, { install: 'phone-a' })).device).toBe(first.device);
  });

  it('is a new one at every open of a read-only store, and nothing is written', async () => {
    const locks = fakeLocks();
    const memory = createMemoryAdapter();
    const writer = await openEventStore({ adapter: { ...memory, lockName: 'l' }, couple, locks });
    const before = memory.contents();
    const reader = await openEventStore({ adapter: { ...memory, lockName: 'l' }, couple, locks });
    expect(reader.readOnly?.code).toBe('locked');
    expect(reader.device).not.toBe(writer.device);
    await expect(reader.setDevice(createDeviceId())).rejects.toMatchObject({ code: 'locked' });
    expect(memory.contents()).toEqual(before);
  });

  it('follows the id the app takes after a clash, through setDevice or persistEngine', async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter);
    const renewed = createDeviceId();
    await store.setDevice(renewed);
    expect(store.device).toBe(renewed);
    expect((await open(adapter)).device).toBe(renewed);
    await expect(store.setDevice('')).rejects.toMatchObject({ code: 'invalid-option' });

    const taken = createDeviceId();
    const engine = createEngine({ program, couple, device: taken, now: () => end });
    await persistEngine(engine, store).settled();
    expect(store.device).toBe(taken);
    expect((await open(adapter)).device).toBe(taken);
  });

  it('refuses an install marker or a device id to adopt that is not an id', async () => {
    await expect(open(createMemoryAdapter(), { install: '' })).rejects.toMatchObject({
      code: 'invalid-option',
    });
    await expect(
      open(createMemoryAdapter(), { adoptDevice: 'x'.repeat(129) }),
    ).rejects.toMatchObject({ code: 'invalid-option' });
  });
});

describe('a store written before storage format 2', () => {
  it('is upgraded: every event loads, records stay byte for byte, the app keeps its device id, and it is reported', async () => {
    const old = formatOne(sampleEvents);
    const adapter = createMemoryAdapter({ records: old.records, index: old.index });
    const store = await open(adapter, { adoptDevice: 'ana-phone', install: 'install-a' });
    expect(store.readOnly).toBeUndefined();
    expect(store.events).toEqual(inOrder(sampleEvents));
    expect(store.device).toBe('ana-phone');
    expect(store.problems.map((problem) => problem.code)).toEqual(['storage-upgraded']);
    expect(store.problems[0]?.message).toMatch(
      /storage format 1\). Its index was upgraded .* records were left as they are, so earlier versions of the app now open it read-only/,
    );
    expect(adapter.contents().records).toEqual(old.records);
    expect(indexOf(adapter)).toEqual({
      format: 'attune-event-store',
      version: 2,
      couple: couple.id,
      device: 'ana-phone',
      install: 'install-a',
      highWater: old.highWater,
      stored: old.highWater,
    });
    expect(store.highWater('ana-phone')).toBe(old.highWater['ana-phone']);

    // The engine carries on above the old mark, and the upgrade is told once.
    const engine = createEngine({
      program,
      couple,
      device: store.device,
      events: store.events,
      trusted: true,
      now: () => end,
    });
    persistEngine(engine, store);
    expect(engine.pause('ana').seq).toBe((old.highWater['ana-phone'] as number) + 1);
    await store.close();
    const reopened = await open(adapter, { install: 'install-a' });
    expect(reopened.problems).toEqual([]);
    expect(reopened.size).toBe(sampleEvents.length + 1);
  });

  it('is upgraded to a new device id when the app gives none, keeping the old marks', async () => {
    const old = formatOne(sampleEvents.slice(0, 20));
    const adapter = createMemoryAdapter({ records: old.records, index: old.index });
    const store = await open(adapter);
    expect(store.device).toMatch(/^d-[0-9a-f]{32}$/);
    expect(store.problems.map(({ code, device }) => [code, device])).toEqual([
      ['storage-upgraded', store.device],
    ]);
    expect(store.problems[0]?.fix).toMatch(/adoptDevice/);
    for (const [device, seq] of Object.entries(old.highWater)) {
      expect(store.highWater(device)).toBe(seq);
    }
  });

  it('opened read-only (another tab writes) is left exactly as it was, index and all', async () => {
    const old = formatOne(sampleEvents.slice(0, 5));
    const memory = createMemoryAdapter({ records: old.records, index: old.index });
    const locks = fakeLocks();
    // Another tab holds the lock for as long as this test runs.
    void locks.request(
      'held',
      { mode: 'exclusive', ifAvailable: true },
      () => new Promise(() => {}),
    );
    const store = await openEventStore({
      adapter: { ...memory, lockName: 'held' },
      couple,
      locks,
      adoptDevice: 'ana-phone',
    });
    expect(store.readOnly?.code).toBe('locked');
    expect(store.events).toEqual(inOrder(sampleEvents.slice(0, 5)));
    expect(memory.contents()).toEqual({ records: old.records, index: old.index, setAside: [] });
  });

  it('in a JSON Lines file is upgraded without its records file changing by one byte', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'attune-upgrade-'));
    try {
      const path = join(dir, 'couple.jsonl');
      const old = formatOne(sampleEvents);
      const text = old.records.map((record) => `${record}\n`).join('');
      await fs.writeFile(path, text);
      await fs.writeFile(`${path}.index.json`, old.index);
      const store = await openEventStore({
        adapter: createJsonlFileAdapter({ path }),
        couple,
        locks: null,
        adoptDevice: 'kai-phone',
      });
      expect(store.problems.map((problem) => problem.code)).toEqual(['storage-upgraded']);
      expect(store.events).toEqual(inOrder(sampleEvents));
      expect(await fs.readFile(path, 'utf8')).toBe(text);
      expect(JSON.parse(await fs.readFile(`${path}.index.json`, 'utf8'))).toMatchObject({
        version: 2,
        device: 'kai-phone',
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
