import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { openEventStore } from './event-store.js';
import { fakeLocks, sampleEvents, simulated } from './fixtures.js';
import { createIndexedDbAdapter } from './indexeddb-adapter.js';
import type { IdbFactoryLike } from './indexeddb-types.js';

const { couple } = simulated;
const inOrder = (events: readonly LoggedEvent[]) => [...events].sort(compareEvents);
const factory = () => new IDBFactory() as unknown as IdbFactoryLike;

/** Reads every value of one object store, bypassing the adapter. */
function dump(indexedDB: IdbFactoryLike, name: string, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction([store], 'readonly').objectStore(store).getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result);
      };
      all.onerror = () => reject(all.error);
    };
    request.onerror = () => reject(request.error);
  });
}

/** Writes raw values into the records store, as damage or another program would. */
function inject(indexedDB: IdbFactoryLike, name: string, values: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(['records'], 'readwrite');
      for (const value of values) transaction.objectStore('records').add(value);
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('createIndexedDbAdapter', () => {
  it('keeps events across restarts', async () => {
    const indexedDB = factory();
    const adapter = createIndexedDbAdapter({ name: 'couple', indexedDB });
    const store = await openEventStore({ adapter, couple, locks: null });
    await store.append(sampleEvents.slice(0, 30));
    await store.append(sampleEvents.slice(30));
    await store.close();

    const again = createIndexedDbAdapter({ name: 'couple', indexedDB });
    const reopened = await openEventStore({ adapter: again, couple, locks: null });
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder(sampleEvents));
    await reopened.close();
  });

  it('sets damaged records aside in their own object store and loads the rest', async () => {
    const indexedDB = factory();
    const first = await openEventStore({
      adapter: createIndexedDbAdapter({ name: 'damaged', indexedDB }),
      couple,
      locks: null,
    });
    await first.append(sampleEvents.slice(0, 3));
    await first.close();
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    await inject(indexedDB, 'damaged', [{ not: 'text' }, '{"v":1,"event":', bytes]);

    const store = await openEventStore({
      adapter: createIndexedDbAdapter({ name: 'damaged', indexedDB }),
      couple,
      locks: null,
    });
    expect(store.size).toBe(3);
    expect(store.problems.map(({ code, position }) => [code, position])).toEqual([
      ['corrupted-record', 3],
      ['corrupted-record', 4],
      ['corrupted-record', 5],
    ]);
    await store.close();
    expect(await dump(indexedDB, 'damaged', 'records')).toHaveLength(3);
    expect(await dump(indexedDB, 'damaged', 'set-aside')).toEqual([
      {
        value: { not: 'text' },
        reason: expect.stringMatching(/^corrupted-record: .*not valid text/),
      },
      { text: '{"v":1,"event":', reason: expect.stringMatching(/not valid JSON/) },
      // Kept as the bytes they are, not as text.
      { value: bytes, reason: expect.stringMatching(/not valid text/) },
    ]);
  });

  it('replaces every record and the index in one transaction', async () => {
    const indexedDB = factory();
    const adapter = createIndexedDbAdapter({ name: 'replace', indexedDB });
    const store = await openEventStore({ adapter, couple, locks: null });
    await store.append(sampleEvents.slice(0, 10));
    await store.replace(sampleEvents.slice(0, 2));
    await store.close();
    const reopened = await openEventStore({
      adapter: createIndexedDbAdapter({ name: 'replace', indexedDB }),
      couple,
      locks: null,
    });
    expect(reopened.events).toEqual(inOrder(sampleEvents.slice(0, 2)));
    expect(reopened.problems).toEqual([]);
  });

  it('keeps two tabs from writing at once with a Web Lock per database', async () => {
    const indexedDB = factory();
    const locks = fakeLocks();
    const tabA = await openEventStore({
      adapter: createIndexedDbAdapter({ name: 'tabs', indexedDB }),
      couple,
      locks,
    });
    const tabB = await openEventStore({
      adapter: createIndexedDbAdapter({ name: 'tabs', indexedDB }),
      couple,
      locks,
    });
    expect(tabA.readOnly).toBeUndefined();
    expect(tabB.readOnly?.code).toBe('locked');
    const elsewhere = await openEventStore({
      adapter: createIndexedDbAdapter({ name: 'another-couple', indexedDB }),
      couple,
      locks,
    });
    expect(elsewhere.readOnly).toBeUndefined();
    await Promise.all([tabA.close(), tabB.close(), elsewhere.close()]);
  });

  it('fails clearly where there is no IndexedDB, and can try again', async () => {
    const adapter = createIndexedDbAdapter({ name: 'nowhere' });
    await expect(openEventStore({ adapter, couple, locks: null })).rejects.toMatchObject({
      code: 'read-failed',
      cause: expect.objectContaining({
        message: expect.stringMatching(/IndexedDB is not available/),
      }),
    });
    await expect(adapter.close()).resolves.toBeUndefined();
  });
});
