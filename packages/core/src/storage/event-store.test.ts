import { describe, expect, it, vi } from 'vitest';
import { createAesGcmCipher, generateAesGcmKey } from '../crypto/aes-gcm-cipher.js';
import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { compareEvents } from '../log/order.js';
import type { StorageAdapter } from './adapter.js';
import { openEventStore } from './event-store.js';
import { fakeLocks, faultyAdapter, quotaError, sampleEvents, simulated } from './fixtures.js';
import { type StorageMigration, storageMigrations } from './format/migrations.js';
import { createMemoryAdapter } from './memory-adapter.js';
import type { StorageProblem } from './storage-error.js';

const { couple } = simulated;
const inOrder = (events: readonly LoggedEvent[]) => [...events].sort(compareEvents);
/** The high-water mark the stored records alone give a device. */
const memoryMark = (memory: ReturnType<typeof createMemoryAdapter>, device: string) =>
  Math.max(
    0,
    ...memory
      .contents()
      .records.map((text) => JSON.parse(text).event as LoggedEvent)
      .filter((event) => event.device === device)
      .map((event) => event.seq),
  );
const open = (adapter: StorageAdapter, extra: Partial<Parameters<typeof openEventStore>[0]> = {}) =>
  openEventStore({ adapter, couple, locks: null, ...extra });

describe('openEventStore', () => {
  it('loads what it stored, in log order, after a restart', async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter);
    expect(store.events).toEqual([]);
    const shuffled = [...sampleEvents].reverse();
    expect(await store.append(shuffled.slice(0, 40))).toEqual({
      written: 40,
      pending: 0,
      rejected: [],
    });
    await store.append(shuffled.slice(40));
    await store.close();

    const reopened = await open(adapter);
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder(sampleEvents));
    expect(reopened.size).toBe(sampleEvents.length);
    expect(JSON.parse(adapter.contents().index as string)).toEqual({
      format: 'attune-event-store',
      version: 2,
      couple: couple.id,
      device: store.device,
      highWater: { 'ana-phone': expect.any(Number), 'kai-phone': expect.any(Number) },
      stored: { 'ana-phone': expect.any(Number), 'kai-phone': expect.any(Number) },
    });
    expect(reopened.device).toBe(store.device);
    expect(store.device).toMatch(/^d-[0-9a-f]{32}$/);
  });

  it('skips events it already holds', async () => {
    const store = await open(createMemoryAdapter());
    await store.append(sampleEvents.slice(0, 5));
    expect(await store.append(sampleEvents.slice(0, 8))).toEqual({
      written: 3,
      pending: 0,
      rejected: [],
    });
    expect(store.has(sampleEvents[7]?.id as string)).toBe(true);
    expect(store.has('nobody:1')).toBe(false);
  });

  it('refuses, before acknowledging, each event the next open would set aside, and keeps the rest', async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter);
    await store.append(sampleEvents.slice(0, 2));
    const [first, second, third, fourth] = sampleEvents.slice(2, 6) as LoggedEvent[];
    const stranger = { ...first, partner: 'stranger' } as LoggedEvent;
    const extra = { ...second, note: 'a field checkEvent drops' } as unknown as LoggedEvent;
    const notJson = { ...third, seq: 10n } as unknown as LoggedEvent;
    const changed = { ...(sampleEvents[0] as LoggedEvent), visibility: 'private' } as LoggedEvent;
    const result = await store.append([
      stranger,
      fourth,
      extra,
      notJson,
      changed,
      sampleEvents[1] as LoggedEvent,
    ] as LoggedEvent[]);
    expect(result.written).toBe(1);
    expect(result.rejected.map(({ index, error }) => [index, error.code])).toEqual([
      [0, 'invalid-event'],
      [2, 'invalid-event'],
      [3, 'invalid-event'],
      [4, 'duplicate-id'],
    ]);
    const [unknownPartner, dropped] = result.rejected;
    expect(unknownPartner?.error.message).toMatch(/not a valid event.*"stranger"/);
    expect(AttuneEventError.isInstance(unknownPartner?.error.cause)).toBe(true);
    expect(dropped?.error.message).toMatch(/would read back different/);
    expect(store.has(stranger.id)).toBe(false);

    const reopened = await open(adapter);
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder([...sampleEvents.slice(0, 2), fourth as LoggedEvent]));
  });

  it('refuses a replace with an event that would not read back, and changes nothing', async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter);
    await store.append(sampleEvents.slice(0, 4));
    const before = adapter.contents();
    const stranger = { ...(sampleEvents[4] as LoggedEvent), partner: 'stranger' } as LoggedEvent;
    await expect(store.replace([stranger])).rejects.toMatchObject({ code: 'invalid-event' });
    expect(adapter.contents()).toEqual(before);
    expect(store.size).toBe(4);
  });

  it("keeps each device's high-water mark through a replace, so its sequence numbers never come back", async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter);
    await store.append(sampleEvents);
    const marks = { ana: store.highWater('ana-phone'), kai: store.highWater('kai-phone') };
    expect(marks.ana).toBeGreaterThan(0);
    await store.replace(sampleEvents.filter((event) => event.device === 'kai-phone').slice(0, 1));
    expect(store.highWater('ana-phone')).toBe(marks.ana);
    expect(store.highWater('kai-phone')).toBe(marks.kai);
    await store.replace([]);
    const reopened = await open(adapter);
    expect(reopened.problems).toEqual([]);
    expect(reopened.size).toBe(0);
    expect(reopened.highWater('ana-phone')).toBe(marks.ana);
    expect(reopened.highWater('nobody')).toBe(0);
  });

  it('keeps the sequence numbers of events lost for lack of space as used', async () => {
    const memory = createMemoryAdapter();
    const adapter = faultyAdapter(memory);
    const store = await open(adapter);
    await store.append(sampleEvents.slice(0, 2));
    const waiting = sampleEvents.slice(2, 6);
    adapter.fail('append', quotaError(), 10);
    await store.append(waiting);
    const device = (waiting[0] as LoggedEvent).device;
    const top = Math.max(...waiting.filter((e) => e.device === device).map((e) => e.seq));
    expect(top).toBeGreaterThan(memoryMark(memory, device));
    expect(store.highWater(device)).toBe(top);
    await expect(store.close()).rejects.toMatchObject({ code: 'storage-full' });
    // They may have reached the partner already: the next open still hands out ids above them.
    const reopened = await open(memory);
    expect(reopened.size).toBe(2);
    expect(reopened.highWater(device)).toBe(top);
  });

  it('upgrades records of an older format step by step as it reads them, leaving storage as it was', async () => {
    // A made-up format 0 kept the event under "e"; Attune ships no migration until a format 2 exists.
    const migrations: StorageMigration[] = [
      { from: 0, migrate: ({ e, ...rest }) => ({ ...rest, event: e }) },
      ...storageMigrations,
    ];
    const old = sampleEvents.slice(0, 3).map((event) => JSON.stringify({ v: 0, e: event }));
    const adapter = createMemoryAdapter({ records: old });
    const store = await open(adapter, { migrations });
    expect(store.events).toEqual(inOrder(sampleEvents.slice(0, 3)));
    expect(store.problems).toEqual([]);
    expect(adapter.contents().records).toEqual(old);

    const withoutPath = await open(createMemoryAdapter({ records: old }));
    expect(withoutPath.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/could not be upgraded: no migration from storage format 0 to 1/),
      expect.stringMatching(/could not be upgraded/),
      expect.stringMatching(/could not be upgraded/),
    ]);
  });

  it('opens storage written by a newer Attune read-only, with a clear error, and never writes to it', async () => {
    const records = [
      JSON.stringify({ v: 1, event: sampleEvents[0] }),
      JSON.stringify({ v: 3, entries: ['a layout this version does not know'] }),
      'not json at all',
    ];
    const index = JSON.stringify({ format: 'attune-event-store', version: 3, shape: 'new' });
    const adapter = createMemoryAdapter({ records, index });
    const store = await open(adapter);
    expect(store.readOnly?.code).toBe('newer-format');
    expect(store.readOnly?.message).toMatch(
      /newer version of Attune \(storage format 3; this version reads up to 2\).*read-only.*Update @attune\/core/,
    );
    expect(store.events).toEqual([sampleEvents[0]]);
    expect(store.problems.map((problem) => problem.code)).toEqual([
      'newer-records',
      'corrupted-record',
    ]);
    expect(store.problems[1]?.message).toMatch(/left in place/);
    await expect(store.append(sampleEvents.slice(1, 2))).rejects.toThrow(/newer version/);
    await expect(store.flush()).rejects.toThrow(/newer version/);
    await expect(store.replace([])).rejects.toThrow(/newer version/);
    await store.close();
    expect(adapter.contents()).toEqual({ records, index, setAside: [] });
  });

  it('sets corrupted records aside, reports each, and loads everything else', async () => {
    const good = sampleEvents.slice(0, 4).map((event) => JSON.stringify({ v: 1, event }));
    const strangerEvent = { ...sampleEvents[4], partner: 'stranger' };
    const records = [
      good[0],
      '{"v":1,"event":{"id":"ana-ph',
      good[1],
      '[1,2]',
      JSON.stringify({ event: sampleEvents[5] }),
      JSON.stringify({ v: 1, event: strangerEvent }),
      good[2],
      good[3],
    ] as string[];
    const adapter = createMemoryAdapter({ records });
    const told: StorageProblem[] = [];
    const store = await open(adapter, { onProblem: (problem) => told.push(problem) });
    expect(store.events).toEqual(inOrder(sampleEvents.slice(0, 4)));
    expect(store.problems.map(({ code, position }) => [code, position])).toEqual([
      ['corrupted-record', 1],
      ['corrupted-record', 3],
      ['corrupted-record', 4],
      ['corrupted-record', 5],
    ]);
    expect(store.problems[0]?.message).toMatch(/Record 1 it is not valid JSON\. It was set aside/);
    expect(store.problems[3]?.message).toMatch(/not a valid event.*"stranger"/);
    expect(told).toEqual(store.problems);
    expect(adapter.contents().records).toEqual(good);
    expect(adapter.contents().setAside.map((item) => item.text)).toEqual([
      records[1],
      records[3],
      records[4],
      records[5],
    ]);

    const again = await open(adapter);
    expect(again.problems).toEqual([]);
    expect(again.events).toEqual(store.events);
  });

  it('keeps, of two records with one id, the version every device keeps, and ignores exact copies', async () => {
    const event = sampleEvents[0] as LoggedEvent;
    const other = { ...event, data: { ...(event.data as object), exercise: 'something-else' } };
    const records = [event, event, other].map((e) => JSON.stringify({ v: 1, event: e }));
    const store = await open(createMemoryAdapter({ records }));
    expect(store.size).toBe(1);
    expect(store.problems.map((problem) => problem.code)).toEqual(['conflicting-record']);
    const reversed = await open(createMemoryAdapter({ records: [...records].reverse() }));
    expect(reversed.events).toEqual(store.events);
  });

  it('rebuilds the index after a crash between appending events and updating it', async () => {
    const memory = createMemoryAdapter();
    const adapter = faultyAdapter(memory);
    const store = await open(adapter);
    await store.append(sampleEvents.slice(0, 10));
    adapter.fail('writeIndex', new Error('the process was killed'));
    await store.append(sampleEvents.slice(10, 20));
    const stale = memory.contents().index;

    const reopened = await open(memory);
    expect(reopened.size).toBe(20);
    expect(reopened.problems.map((problem) => problem.code)).toEqual(['index-repaired']);
    expect(memory.contents().index).not.toBe(stale);
    expect((await open(memory)).problems).toEqual([]);
  });

  it('rebuilds a damaged or missing index without losing events', async () => {
    const records = sampleEvents.slice(0, 3).map((event) => JSON.stringify({ v: 1, event }));
    for (const index of ['{oops', '{"format":"attune-event-store","version":1}', undefined]) {
      const adapter = createMemoryAdapter(index === undefined ? { records } : { records, index });
      const store = await open(adapter);
      expect(store.size).toBe(3);
      // Without a readable index the store cannot tell which device id it used: it takes a new one.
      expect(store.problems.map((problem) => problem.code)).toEqual(
        index === undefined ? [] : ['index-repaired', 'device-renewed'],
      );
      expect(JSON.parse(adapter.contents().index as string).couple).toBe(couple.id);
    }
  });

  it('reports events the index knew of but storage lost, naming the device', async () => {
    const adapter = createMemoryAdapter();
    const store = await open(adapter);
    await store.append(sampleEvents);
    const { index, records } = adapter.contents();
    const truncated = createMemoryAdapter({
      index: index as string,
      records: records.slice(0, 10),
    });
    const reopened = await open(truncated);
    expect(reopened.size).toBe(10);
    const missing = reopened.problems.filter((problem) => problem.code === 'events-missing');
    expect(missing.map((problem) => problem.device)).toEqual(['ana-phone', 'kai-phone']);
    expect(missing[0]?.message).toMatch(/events were lost.*come back with the next sync/);
    // The marks of the lost events stay: their sequence numbers are not handed out again.
    expect(reopened.highWater('ana-phone')).toBe(store.highWater('ana-phone'));
    // Told once: the index now matches what is stored.
    expect((await open(truncated)).problems).toEqual([]);
  });

  it('keeps events in memory while the storage is full, tells the host, and writes them when space returns', async () => {
    const memory = createMemoryAdapter();
    const adapter = faultyAdapter(memory);
    const told: StorageProblem[] = [];
    const store = await open(adapter, { onProblem: (problem) => told.push(problem) });
    await store.append(sampleEvents.slice(0, 5));

    adapter.fail('append', quotaError(), 2);
    expect(await store.append(sampleEvents.slice(5, 8))).toEqual({
      written: 0,
      pending: 3,
      rejected: [],
    });
    expect(told.map((problem) => problem.code)).toEqual(['storage-full']);
    expect(told[0]?.message).toMatch(/3 event\(s\) wait in memory/);
    expect(store.pending).toBe(3);
    expect(store.events).toEqual(inOrder(sampleEvents.slice(0, 8)));
    expect(store.has(sampleEvents[6]?.id as string)).toBe(true);

    expect(await store.append(sampleEvents.slice(8, 9))).toEqual({
      written: 0,
      pending: 4,
      rejected: [],
    });
    expect(told).toHaveLength(1);
    expect(await store.flush()).toEqual({ written: 4, pending: 0, rejected: [] });
    expect(told.map((problem) => problem.code)).toEqual(['storage-full', 'storage-recovered']);
    expect(await store.flush()).toEqual({ written: 0, pending: 0, rejected: [] });

    const reopened = await open(memory);
    expect(reopened.events).toEqual(inOrder(sampleEvents.slice(0, 9)));
    expect(memory.contents().records).toHaveLength(9);
  });

  it('keeps events in memory when a write fails for another reason, and writes them on flush', async () => {
    const memory = createMemoryAdapter();
    const adapter = faultyAdapter(memory);
    const onProblem = vi.fn();
    const store = await open(adapter, { onProblem });
    adapter.fail('append', new Error('EIO: i/o error'));
    await expect(store.append(sampleEvents.slice(0, 2))).rejects.toMatchObject({
      code: 'write-failed',
      message: expect.stringMatching(/2 event\(s\) failed; they wait in memory\. Call flush\(\)/),
    });
    expect(onProblem).toHaveBeenCalledWith(expect.objectContaining({ code: 'write-failed' }));
    expect(store.pending).toBe(2);
    expect(await store.flush()).toEqual({ written: 2, pending: 0, rejected: [] });
    expect((await open(memory)).size).toBe(2);
  });

  it('refuses to open when reading throws, and changes nothing', async () => {
    const memory = createMemoryAdapter({
      records: [JSON.stringify({ v: 1, event: sampleEvents[0] })],
    });
    const adapter = faultyAdapter(memory);
    const before = memory.contents();
    adapter.fail('read', new Error('EIO: i/o error, read'));
    const failure = open(adapter);
    await expect(failure).rejects.toMatchObject({ code: 'read-failed' });
    await expect(failure).rejects.toThrow(/could not be read; nothing was changed/);
    expect(memory.contents()).toEqual(before);
    expect((await open(adapter)).size).toBe(1);
  });

  it("opens another couple's storage read-only", async () => {
    const adapter = createMemoryAdapter();
    await (await open(adapter)).append(sampleEvents.slice(0, 2));
    const before = adapter.contents();
    const other = await openEventStore({
      adapter,
      couple: { ...couple, id: 'another-couple' },
      locks: null,
    });
    expect(other.readOnly?.code).toBe('wrong-couple');
    expect(other.readOnly?.message).toMatch(/couple "couple-11", not "another-couple"/);
    expect(adapter.contents()).toEqual(before);
  });

  it('opens read-only when damaged records cannot be set aside', async () => {
    const memory = createMemoryAdapter({ records: ['{broken'] });
    const adapter = faultyAdapter(memory);
    adapter.fail('setAside', quotaError());
    const store = await open(adapter);
    expect(store.readOnly?.code).toBe('write-failed');
    expect(store.problems[0]?.message).toMatch(/left in place/);
    expect(memory.contents().records).toEqual(['{broken']);
  });

  it('replaces everything at once, and leaves the history as it was when that fails', async () => {
    const memory = createMemoryAdapter();
    const adapter = faultyAdapter(memory);
    const store = await open(adapter);
    await store.append(sampleEvents.slice(0, 10));
    await store.replace([...sampleEvents.slice(0, 4), ...sampleEvents.slice(0, 2)]);
    expect(store.events).toEqual(inOrder(sampleEvents.slice(0, 4)));
    expect((await open(memory)).events).toEqual(inOrder(sampleEvents.slice(0, 4)));

    const before = memory.contents();
    adapter.fail('replace', quotaError());
    await expect(store.replace([])).rejects.toMatchObject({ code: 'storage-full' });
    adapter.fail('replace', new Error('EIO'));
    await expect(store.replace([])).rejects.toMatchObject({ code: 'write-failed' });
    expect(memory.contents()).toEqual(before);
    expect(store.size).toBe(4);
  });

  it('writes what waits when closing, says when events are lost, and refuses use after', async () => {
    const adapter = faultyAdapter(createMemoryAdapter());
    const store = await open(adapter);
    await store.append(sampleEvents.slice(0, 2));
    adapter.fail('append', quotaError(), 5);
    await store.append(sampleEvents.slice(2, 3));
    await expect(store.close()).rejects.toThrow(/1 event\(s\) could not be written/);
    await expect(store.append(sampleEvents.slice(3, 4))).rejects.toMatchObject({ code: 'closed' });
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('encrypts event data at rest, and reads it back with the same key', async () => {
    const cipher = createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
    const adapter = createMemoryAdapter();
    const store = await open(adapter, { cipher });
    await store.append(sampleEvents);
    const stored = adapter.contents().records.join('\n');
    expect(stored).not.toContain('PRIVATE-7f3a');
    expect(stored).not.toContain('"data"');
    expect((await open(adapter, { cipher })).events).toEqual(inOrder(sampleEvents));
  });

  it('opens encrypted storage read-only without the right key, and sets aside a record that was changed', async () => {
    const cipher = createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
    const adapter = createMemoryAdapter();
    await (await open(adapter, { cipher })).append(sampleEvents.slice(0, 5));
    const before = adapter.contents();

    const withoutKey = await open(adapter);
    expect(withoutKey.readOnly?.message).toMatch(/5 record\(s\) are encrypted and no cipher/);
    const wrongKey = createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
    const withWrongKey = await open(adapter, { cipher: wrongKey });
    expect(withWrongKey.readOnly?.code).toBe('cannot-decrypt');
    expect(withWrongKey.readOnly?.message).toMatch(/None of the 5 encrypted record\(s\)/);
    expect(adapter.contents()).toEqual(before);

    const records = [...before.records];
    const record = JSON.parse(records[2] as string);
    const bytes = record.event.encrypted.ciphertext as string;
    record.event.encrypted.ciphertext = (bytes[0] === 'A' ? 'B' : 'A') + bytes.slice(1);
    records[2] = JSON.stringify(record);
    const tampered = createMemoryAdapter({ records, index: before.index as string });
    const store = await open(tampered, { cipher });
    expect(store.size).toBe(4);
    expect(store.problems.map(({ code, position }) => [code, position])).toEqual([
      ['corrupted-record', 2],
    ]);
    expect(store.problems[0]?.message).toMatch(/failed decryption/);
  });

  it('opens read-only, setting nothing aside, when some records use a key the cipher lacks', async () => {
    const old = await generateAesGcmKey();
    const fresh = await generateAesGcmKey();
    const adapter = createMemoryAdapter();
    const before = await open(adapter, { cipher: createAesGcmCipher({ keys: { old } }) });
    await before.append(sampleEvents.slice(0, 3));
    const rotated = createAesGcmCipher({ keys: { old, fresh }, encryptWith: 'fresh' });
    await (await open(adapter, { cipher: rotated })).append(sampleEvents.slice(3, 6));
    const contents = adapter.contents();

    const tooEarly = await open(adapter, { cipher: createAesGcmCipher({ keys: { fresh } }) });
    expect(tooEarly.readOnly?.message).toMatch(/key\(s\) the cipher does not hold \(old\)/);
    expect(tooEarly.size).toBe(3);
    expect(adapter.contents()).toEqual(contents);
    expect((await open(adapter, { cipher: rotated })).size).toBe(6);
  });

  it('lets one tab write at a time: the second opens read-only, or waits for the first', async () => {
    const locks = fakeLocks();
    const memory = createMemoryAdapter();
    const first = await openEventStore({ adapter: faultyAdapter(memory), couple, locks });
    expect(first.readOnly).toBeUndefined();
    const second = await openEventStore({ adapter: faultyAdapter(memory), couple, locks });
    expect(second.readOnly?.code).toBe('locked');
    expect(second.readOnly?.message).toMatch(/Another tab or window is writing/);
    await expect(second.append(sampleEvents.slice(0, 1))).rejects.toMatchObject({
      code: 'locked',
    });
    await second.close();

    let third: Awaited<ReturnType<typeof openEventStore>> | undefined;
    const waiting = openEventStore({
      adapter: faultyAdapter(memory),
      couple,
      locks,
      waitForLock: true,
    }).then((store) => {
      third = store;
    });
    await first.append(sampleEvents.slice(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBeUndefined();
    await first.close();
    await waiting;
    expect(third?.readOnly).toBeUndefined();
    expect(third?.size).toBe(3);
  });
});
