import { type LoggedEvent, nineStepProgram } from '@attune/core';
import { createAesGcmCipher, encryptEvent, generateAesGcmKey } from '@attune/core/crypto';
import { simulateCouple } from '@attune/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { storeBackends, type TestDatabase } from '../testing/stores.js';
import type { RelayStore, StoredEvent } from './relay-store.js';

const COUPLE = 'c-0123456789abcdef';
const { events } = simulateCouple({
  days: 14,
  seed: 3,
  behaviour: 'engaged',
  program: nineStepProgram,
});
const shared = events.filter((event) => event.visibility !== 'private') as LoggedEvent[];

const databases: TestDatabase[] = [];
const stores: RelayStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function open(database: TestDatabase): Promise<RelayStore> {
  const store = await database.open();
  stores.push(store);
  return store;
}

async function withCouple(store: RelayStore, id = COUPLE): Promise<RelayStore> {
  await store.createCouple({
    id,
    startedAt: Date.UTC(2026, 0, 5, 8),
    first: { id: 'ana', timeZone: 'UTC' },
    codeHash: `code-${id}`,
    codeExpiresAt: 1_000,
    tokenHash: `token-${id}`,
    now: 0,
  });
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storeBackends)('the $name relay store', (backend) => {
  async function fresh(): Promise<TestDatabase> {
    const database = await backend.createDatabase();
    databases.push(database);
    return database;
  }

  it('keeps nothing of a transaction that failed half-way', async () => {
    const store = await withCouple(await open(await fresh()));
    await store.writeEvents(COUPLE, (tx) => tx.insert(shared.slice(0, 2)));
    const failing = store.writeEvents(COUPLE, async (tx) => {
      await tx.insert(shared.slice(2, 5));
      await tx.remove([shared[0]?.id as string]);
      throw new Error('the disk went away');
    });
    await expect(failing).rejects.toThrow('the disk went away');
    const held = await store.readEvents(COUPLE, 0, 100);
    expect(held.map((stored) => stored.event)).toEqual(shared.slice(0, 2));
    // The next upload carries on from the last kept position.
    await store.writeEvents(COUPLE, (tx) => tx.insert(shared.slice(2, 3)));
    const after = await store.readEvents(COUPLE, 0, 100);
    expect(after.map((stored) => stored.event)).toEqual(shared.slice(0, 3));
    expect(after[2]?.position).toBeGreaterThan(after[1]?.position ?? Number.POSITIVE_INFINITY);
  });

  it('finds everything again after reopening, byte for byte', async () => {
    const database = await fresh();
    const store = await withCouple(await database.open());
    await store.writeEvents(COUPLE, (tx) => tx.insert(shared));
    await store.close();

    const again = await open(database);
    expect(await again.findToken(`token-${COUPLE}`)).toEqual({ couple: COUPLE, partner: 'ana' });
    expect(await again.getCouple(COUPLE)).toEqual({
      id: COUPLE,
      startedAt: Date.UTC(2026, 0, 5, 8),
      partners: [{ id: 'ana', timeZone: 'UTC' }],
    });
    const held = await again.readEvents(COUPLE, 0, shared.length + 1);
    expect(held.map((stored) => JSON.stringify(stored.event))).toEqual(
      shared.map((event) => JSON.stringify(event)),
    );
    expect(held.map((stored) => stored.position)).toEqual(shared.map((_, i) => i + 1));
  });

  it('finds, filters and removes events inside a transaction', async () => {
    const store = await withCouple(await open(await fresh()));
    await store.writeEvents(COUPLE, (tx) => tx.insert(shared));
    const [first, second] = shared as [LoggedEvent, LoggedEvent];
    const seen = await store.writeEvents(COUPLE, async (tx) => {
      const found = await tx.find([first.id, 'not-stored', second.id]);
      const ofType = await tx.ofType(first.type);
      const ofPartner = await tx.ofPartner(first.partner);
      await tx.remove([first.id]);
      return { found, ofType, ofPartner };
    });
    expect([...seen.found.keys()].sort()).toEqual([first.id, second.id].sort());
    expect(seen.found.get(first.id)).toEqual({ position: 1, event: first });
    expect(seen.ofType.map((stored) => stored.event.id)).toEqual(
      shared.filter((event) => event.type === first.type).map((event) => event.id),
    );
    expect(seen.ofPartner.map((stored) => stored.event.id)).toEqual(
      shared.filter((event) => event.partner === first.partner).map((event) => event.id),
    );
    const held = await store.readEvents(COUPLE, 0, shared.length);
    expect(held.map((stored) => stored.event.id)).toEqual(shared.slice(1).map((event) => event.id));
    expect(await store.readEventsOfType(COUPLE, first.type)).toEqual(
      seen.ofType.filter((stored) => stored.event.id !== first.id),
    );
  });

  it('stores an encrypted event without a type, so no type query finds it, and hands it back as it came', async () => {
    const store = await withCouple(await open(await fresh()));
    const cipher = createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
    const [plain, hidden] = shared as [LoggedEvent, LoggedEvent];
    const sealed = await encryptEvent(hidden, cipher);
    await store.writeEvents(COUPLE, (tx) => tx.insert([plain, sealed]));
    const held = await store.readEvents(COUPLE, 0, 10);
    expect(held.map((stored) => stored.event)).toEqual([plain, sealed]);
    expect(JSON.stringify(held[1]?.event)).toBe(JSON.stringify(sealed));
    const byType = await store.readEventsOfType(COUPLE, hidden.type);
    expect(byType.map((stored) => stored.event.id)).not.toContain(sealed.id);
    const ofPartner = await store.writeEvents(COUPLE, (tx) => tx.ofPartner(hidden.partner));
    expect(ofPartner.map((stored) => stored.event.id)).toContain(sealed.id);
  });

  it('uses a pairing code once, even when two joins race', async () => {
    const store = await withCouple(await open(await fresh()));
    const joinAs = (id: string) =>
      store.joinCouple({
        codeHash: `code-${COUPLE}`,
        second: { id, timeZone: 'UTC' },
        tokenHash: `token-${id}`,
        now: 1,
      });
    const outcomes = await Promise.all([joinAs('kai'), joinAs('sam')]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['joined', 'unknown-code']);
    expect(await store.renewCode(COUPLE, 'again', 2_000)).toBe(false);
  });

  it('cancels a couple only while it waits, and a cancel racing a join leaves one of them', async () => {
    const store = await withCouple(await open(await fresh()));
    const joinAsKai = () =>
      store.joinCouple({
        codeHash: `code-${COUPLE}`,
        second: { id: 'kai', timeZone: 'UTC' },
        tokenHash: 'token-kai',
        now: 1,
      });
    const [joined, cancelled] = await Promise.all([joinAsKai(), store.cancelCouple(COUPLE)]);
    if (cancelled.kind === 'cancelled') {
      expect(joined.kind).toBe('unknown-code');
      expect(await store.getCouple(COUPLE)).toBeUndefined();
      expect(await store.findToken(`token-${COUPLE}`)).toBeUndefined();
      expect(await store.cancelCouple(COUPLE)).toEqual({ kind: 'unknown-couple' });
    } else {
      expect(cancelled.kind).toBe('paired');
      expect(joined.kind).toBe('joined');
      expect(await store.findToken(`token-${COUPLE}`)).toEqual({ couple: COUPLE, partner: 'ana' });
    }

    const paired = await withCouple(store, 'c-00000000000000ff');
    await paired.joinCouple({
      codeHash: 'code-c-00000000000000ff',
      second: { id: 'kai', timeZone: 'UTC' },
      tokenHash: 'token-kai-2',
      now: 1,
    });
    expect(await paired.cancelCouple('c-00000000000000ff')).toEqual({ kind: 'paired' });
    expect((await paired.getCouple('c-00000000000000ff'))?.partners).toHaveLength(2);
  });

  it('keeps public keys per partner, through a restart, and removes them with a cancelled couple', async () => {
    const database = await fresh();
    const store = await database.open();
    await store.createCouple({
      id: COUPLE,
      startedAt: 0,
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code-paired',
      codeExpiresAt: 1_000,
      tokenHash: 'token-ana',
      publicKey: 'ana-key',
      now: 0,
    });
    expect(await store.getPublicKeys(COUPLE)).toEqual({ ana: 'ana-key' });
    const joined = await store.joinCouple({
      codeHash: 'code-paired',
      second: { id: 'kai', timeZone: 'UTC' },
      tokenHash: 'token-kai',
      publicKey: 'kai-key',
      now: 1,
    });
    expect(joined.kind).toBe('joined');
    // A join that fails stores no key.
    const late = await store.joinCouple({
      codeHash: 'code-paired',
      second: { id: 'sam', timeZone: 'UTC' },
      tokenHash: 'token-sam',
      publicKey: 'sam-key',
      now: 2,
    });
    expect(late.kind).toBe('unknown-code');
    await store.close();

    const again = await open(database);
    expect(await again.getPublicKeys(COUPLE)).toEqual({ ana: 'ana-key', kai: 'kai-key' });
    expect(await again.getPublicKeys('c-00000000000000ff')).toEqual({});

    const waiting = 'c-00000000000000ff';
    await again.createCouple({
      id: waiting,
      startedAt: 0,
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code-waiting',
      codeExpiresAt: 1_000,
      tokenHash: 'token-waiting',
      publicKey: 'waiting-key',
      now: 0,
    });
    expect(await again.cancelCouple(waiting)).toEqual({ kind: 'cancelled' });
    expect(await again.getPublicKeys(waiting)).toEqual({});
    expect(await again.getPublicKeys(COUPLE)).toEqual({ ana: 'ana-key', kai: 'kai-key' });
  });

  it('keeps positions in order under concurrent uploads: a reader never skips an event', async () => {
    const database = await fresh();
    // On PostgreSQL, two stores on one database, as two server processes would be. Not on SQLite:
    // its driver blocks the thread while waiting for the file's lock, so a second connection in the
    // same process would wait for a transaction that cannot move on.
    const first = await withCouple(await open(database));
    const stores = [first, backend.name === 'postgres' ? await open(database) : first];
    const batches = Array.from({ length: 12 }, (_, i) => shared.slice(i * 3, i * 3 + 3));
    let writing = true;
    // allSettled: a failed upload is reported by the check below, after the reader has stopped.
    const writes = Promise.allSettled(
      batches.map(async (batch, i) => {
        const store = stores[i % 2] as RelayStore;
        await store.writeEvents(COUPLE, async (tx) => {
          // Slow, uneven transactions: a store that let them overlap would commit out of order.
          await sleep((i * 7) % 5);
          await tx.insert(batch.slice(0, 1));
          await sleep((i * 3) % 4);
          await tx.insert(batch.slice(1));
        });
      }),
    ).finally(() => {
      writing = false;
    });

    // A reader pulling as a phone does, from the last position it saw.
    const seen: StoredEvent[] = [];
    const pull = async () => {
      for (;;) {
        const after = seen.at(-1)?.position ?? 0;
        const page = await (stores[1] as RelayStore).readEvents(COUPLE, after, 4);
        seen.push(...page);
        if (page.length < 4) return;
      }
    };
    while (writing) {
      await pull();
      await sleep(1);
    }
    const failed = (await writes).filter((outcome) => outcome.status === 'rejected');
    expect(failed).toEqual([]);
    await pull();

    const positions = seen.map((stored) => stored.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    const written = batches.flat();
    expect(seen).toHaveLength(written.length);
    expect(new Set(seen.map((stored) => stored.event.id))).toEqual(
      new Set(written.map((event) => event.id)),
    );
    // Each upload's events sit together, in the order given.
    for (const batch of batches) {
      const at = batch.map((event) => seen.findIndex((stored) => stored.event.id === event.id));
      expect(at).toEqual(at.map((_, k) => (at[0] as number) + k));
    }
  });

  it('binds a device to the partner who claimed it first, and never changes the binding', async () => {
    const store = await withCouple(await open(await fresh()));
    const first = await store.writeEvents(COUPLE, (tx) =>
      tx.claimDevices(['ana-phone', 'ana-tablet', 'ana-phone'], 'ana'),
    );
    expect(first).toEqual(
      new Map([
        ['ana-phone', 'ana'],
        ['ana-tablet', 'ana'],
      ]),
    );
    const second = await store.writeEvents(COUPLE, (tx) =>
      tx.claimDevices(['ana-phone', 'kai-phone'], 'kai'),
    );
    expect(second).toEqual(
      new Map([
        ['ana-phone', 'ana'],
        ['kai-phone', 'kai'],
      ]),
    );
    expect(await store.writeEvents(COUPLE, (tx) => tx.claimDevices([], 'kai'))).toEqual(new Map());
  });

  it('forgets the claims of a transaction that failed', async () => {
    const store = await withCouple(await open(await fresh()));
    const failing = store.writeEvents(COUPLE, async (tx) => {
      await tx.claimDevices(['kai-phone'], 'ana');
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    const owners = await store.writeEvents(COUPLE, (tx) => tx.claimDevices(['kai-phone'], 'kai'));
    expect(owners.get('kai-phone')).toBe('kai');
  });

  it('ends claims racing for one device id with one binding', async () => {
    const database = await fresh();
    // On PostgreSQL from two stores, as two server processes would (see the position test).
    const first = await withCouple(await open(database));
    const stores = [first, backend.name === 'postgres' ? await open(database) : first];
    const partners = ['ana', 'kai', 'ana', 'kai', 'ana', 'kai'];
    const outcomes = await Promise.all(
      partners.map((partner, i) =>
        (stores[i % 2] as RelayStore).writeEvents(COUPLE, async (tx) => {
          await sleep((i * 5) % 3);
          const owners = await tx.claimDevices(['d-raced'], partner);
          await sleep((i * 3) % 4);
          return owners.get('d-raced');
        }),
      ),
    );
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]).toMatch(/^(ana|kai)$/);
  });

  it('keeps the signing key of the device each partner paired with, and of each device introduced', async () => {
    const database = await fresh();
    const store = await database.open();
    const ana = { device: 'ana-phone', signingKey: 'ana-key' };
    await store.createCouple({
      id: COUPLE,
      startedAt: 0,
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code-keys',
      codeExpiresAt: 1_000,
      tokenHash: 'token-ana',
      device: ana,
      now: 0,
    });
    const join = (id: string, device: string) =>
      store.joinCouple({
        codeHash: 'code-keys',
        second: { id, timeZone: 'UTC' },
        tokenHash: `token-${id}-${device}`,
        device: { device, signingKey: `${id}-key` },
        now: 1,
      });
    // The second partner's device may not take the first one's id; the code stays valid.
    expect(await join('kai', 'ana-phone')).toEqual({ kind: 'device-taken', device: 'ana-phone' });
    expect(await store.findToken('token-kai-ana-phone')).toBeUndefined();
    expect((await join('kai', 'kai-phone')).kind).toBe('joined');
    expect(await store.getSigningKeys(COUPLE)).toEqual([
      { partner: 'ana', device: 'ana-phone', publicKey: 'ana-key' },
      { partner: 'kai', device: 'kai-phone', publicKey: 'kai-key' },
    ]);

    const introduction = { statement: 'attune-device-introduction', by: 'ana-phone' };
    const tablet = { partner: 'ana', device: 'ana-tablet', publicKey: 'tablet-key', introduction };
    expect(await store.addSigningKey(COUPLE, tablet)).toEqual({ added: true, stored: tablet });
    // First come, first bound: the id keeps its key and partner.
    const again = { ...tablet, partner: 'kai', publicKey: 'other-key' };
    expect(await store.addSigningKey(COUPLE, again)).toEqual({ added: false, stored: tablet });
    expect(await store.addSigningKey(COUPLE, { ...tablet, device: 'kai-phone' })).toEqual({
      added: false,
      stored: { partner: 'kai', device: 'kai-phone', publicKey: 'kai-key' },
    });
    await store.close();

    const reopened = await open(database);
    expect(await reopened.getSigningKeys(COUPLE)).toEqual([
      { partner: 'ana', device: 'ana-phone', publicKey: 'ana-key' },
      tablet,
      { partner: 'kai', device: 'kai-phone', publicKey: 'kai-key' },
    ]);
    expect(await reopened.getSigningKeys('c-00000000000000ff')).toEqual([]);
  });

  it('ends introductions racing for one device id with one binding', async () => {
    const database = await fresh();
    // On PostgreSQL from two stores, as two server processes would (see the position test).
    const first = await withCouple(await open(database));
    const stores = [first, backend.name === 'postgres' ? await open(database) : first];
    const outcomes = await Promise.all(
      ['ana', 'kai', 'ana', 'kai'].map((partner, i) =>
        (stores[i % 2] as RelayStore).addSigningKey(COUPLE, {
          partner,
          device: 'd-raced',
          publicKey: `key-${i}`,
          introduction: { by: `${partner}-phone` },
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.added)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome.stored))).size).toBe(1);
    expect(await first.getSigningKeys(COUPLE)).toEqual([outcomes[0]?.stored]);
  });

  it('removes the signing key with a cancelled couple', async () => {
    const store = await open(await fresh());
    await store.createCouple({
      id: COUPLE,
      startedAt: 0,
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code',
      codeExpiresAt: 1_000,
      tokenHash: 'token',
      device: { device: 'ana-phone', signingKey: 'ana-key' },
      now: 0,
    });
    expect(await store.getSigningKeys(COUPLE)).toHaveLength(1);
    expect(await store.cancelCouple(COUPLE)).toEqual({ kind: 'cancelled' });
    expect(await store.getSigningKeys(COUPLE)).toEqual([]);
  });

  it('keeps couples apart', async () => {
    const store = await withCouple(
      await withCouple(await open(await fresh())),
      'c-fedcba9876543210',
    );
    await store.writeEvents(COUPLE, (tx) => tx.insert(shared.slice(0, 3)));
    await store.writeEvents('c-fedcba9876543210', (tx) => tx.insert(shared.slice(0, 2)));
    expect(await store.readEvents(COUPLE, 0, 10)).toHaveLength(3);
    expect(await store.readEvents('c-fedcba9876543210', 0, 10)).toHaveLength(2);
    // A device id is bound within a couple: another couple's phone may carry the same one.
    await store.writeEvents(COUPLE, (tx) => tx.claimDevices(['d-same'], 'ana'));
    const other = await store.writeEvents('c-fedcba9876543210', (tx) =>
      tx.claimDevices(['d-same'], 'sam'),
    );
    expect(other.get('d-same')).toBe('sam');
  });

  it('waits for running work when closing, then refuses new calls', async () => {
    const store = await withCouple(await (await fresh()).open());
    const write = store.writeEvents(COUPLE, async (tx) => {
      await sleep(20);
      await tx.insert(shared.slice(0, 1));
      return 'written';
    });
    const closed = store.close();
    await expect(write).resolves.toBe('written');
    await closed;
    await expect(store.readEvents(COUPLE, 0, 1)).rejects.toThrow(/closed/);
  });
});
