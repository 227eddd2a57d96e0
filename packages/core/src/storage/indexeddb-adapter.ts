import type { StorageAdapter, StorageContents } from './adapter.js';
import type { IdbDatabaseLike, IdbFactoryLike, IdbTransactionLike } from './indexeddb-types.js';

/** Options of {@link createIndexedDbAdapter}. */
export interface IndexedDbAdapterOptions {
  /** The database name: one per couple, such as `attune-${couple.id}`. */
  readonly name: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`); tests pass fake-indexeddb's. */
  readonly indexedDB?: IdbFactoryLike;
}

const RECORDS = 'records';
const META = 'meta';
const SET_ASIDE = 'set-aside';
const INDEX_KEY = 'index';

/** A value that is not text, shown as text for messages. */
function rendered(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Runs a transaction to its end: resolves on `complete`, rejects with its error on error or abort. */
function finished(transaction: IdbTransactionLike): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * A {@link StorageAdapter} on IndexedDB, for browsers. Records live in an object store with
 * increasing keys (append order), the index in a second, and set-aside records in a third, where
 * they stay until someone removes them: `{ text, reason }`, or `{ value, reason }` with the value
 * exactly as it was stored when it was not text. One write lock per database keeps two tabs from writing at
 * once (see `openEventStore`).
 *
 * @example
 * ```ts
 * const adapter = createIndexedDbAdapter({ name: `attune-${couple.id}` });
 * const store = await openEventStore({ adapter, couple });
 * ```
 */
export function createIndexedDbAdapter(options: IndexedDbAdapterOptions): StorageAdapter {
  let opening: Promise<IdbDatabaseLike> | undefined;
  // Keys and values of the records as last read, so set-aside positions map to keys, and what is set
  // aside is the value exactly as it was stored.
  let keys: unknown[] = [];
  let values: unknown[] = [];

  const database = (): Promise<IdbDatabaseLike> => {
    opening ??= new Promise<IdbDatabaseLike>((resolve, reject) => {
      const factory = options.indexedDB ?? (globalThis as { indexedDB?: IdbFactoryLike }).indexedDB;
      if (!factory) {
        reject(
          new Error(
            'IndexedDB is not available here. Use createJsonlFileAdapter in Node, or an adapter of your own.',
          ),
        );
        return;
      }
      const request = factory.open(options.name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(RECORDS))
          db.createObjectStore(RECORDS, { autoIncrement: true });
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
        if (!db.objectStoreNames.contains(SET_ASIDE)) {
          db.createObjectStore(SET_ASIDE, { autoIncrement: true });
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () =>
        reject(
          new Error(
            `Opening IndexedDB "${options.name}" is blocked by another tab's older version.`,
          ),
        );
    });
    // A failed open is not cached, so the next call tries again.
    opening.catch(() => {
      opening = undefined;
    });
    return opening;
  };

  const write = async (
    stores: string[],
    work: (transaction: IdbTransactionLike) => void,
  ): Promise<void> => {
    const transaction = (await database()).transaction(stores, 'readwrite');
    const done = finished(transaction);
    work(transaction);
    await done;
  };

  return {
    lockName: `attune:indexeddb:${options.name}`,
    async read(): Promise<StorageContents> {
      const transaction = (await database()).transaction([RECORDS, META], 'readonly');
      const done = finished(transaction);
      const records = transaction.objectStore(RECORDS);
      const allValues = records.getAll();
      const allKeys = records.getAllKeys();
      const index = transaction.objectStore(META).get(INDEX_KEY);
      await done;
      keys = allKeys.result;
      values = allValues.result;
      return {
        index: typeof index.result === 'string' ? index.result : undefined,
        // A value that is not text can only come from damage or another program: the store sets it
        // aside, and it is kept as the value it is.
        records: values.map((value) =>
          typeof value === 'string'
            ? { text: value }
            : { text: rendered(value), invalidText: true },
        ),
      };
    },
    append: (records) =>
      write([RECORDS], (transaction) => {
        const store = transaction.objectStore(RECORDS);
        for (const record of records) store.add(record);
      }),
    writeIndex: (index) =>
      write([META], (transaction) => {
        transaction.objectStore(META).put(index, INDEX_KEY);
      }),
    replace: (records, index) =>
      write([RECORDS, META], (transaction) => {
        const store = transaction.objectStore(RECORDS);
        store.clear();
        for (const record of records) store.add(record);
        transaction.objectStore(META).put(index, INDEX_KEY);
      }),
    setAside: (items) =>
      write([RECORDS, SET_ASIDE], (transaction) => {
        const records = transaction.objectStore(RECORDS);
        const aside = transaction.objectStore(SET_ASIDE);
        for (const item of items) {
          const value = values[item.position];
          aside.add(
            typeof value === 'string' || value === undefined
              ? { text: value ?? item.text, reason: item.reason }
              : { value, reason: item.reason },
          );
          records.delete(keys[item.position]);
        }
      }),
    async close() {
      if (!opening) return;
      const db = await opening;
      opening = undefined;
      db.close();
    },
  };
}
