// The core compiles without the DOM library (the engine also runs in React Native and workers), so
// the IndexedDB adapter declares the few shapes it uses. A browser's `indexedDB` and fake-indexeddb
// both satisfy them. Handlers take `never` so that the browser's typed event handlers fit.

/** A pending IndexedDB request. */
export interface IdbRequestLike<T> {
  /** As IndexedDB's `IDBRequest.result`. */
  readonly result: T;
  /** As IndexedDB's `IDBRequest.error`. */
  readonly error: unknown;
  /** As IndexedDB's `IDBRequest.onsuccess`. */
  onsuccess: ((event: never) => void) | null;
  /** As IndexedDB's `IDBRequest.onerror`. */
  onerror: ((event: never) => void) | null;
}

/** The request that opens a database. */
export interface IdbOpenRequestLike extends IdbRequestLike<IdbDatabaseLike> {
  /** As IndexedDB's `IDBOpenDBRequest.onupgradeneeded`. */
  onupgradeneeded: ((event: never) => void) | null;
  /** As IndexedDB's `IDBOpenDBRequest.onblocked`. */
  onblocked: ((event: never) => void) | null;
}

/** An object store, inside a transaction. */
export interface IdbObjectStoreLike {
  /** As IndexedDB's `IDBObjectStore.add`. */
  add(value: unknown, key?: unknown): IdbRequestLike<unknown>;
  /** As IndexedDB's `IDBObjectStore.put`. */
  put(value: unknown, key?: unknown): IdbRequestLike<unknown>;
  /** As IndexedDB's `IDBObjectStore.get`. */
  get(key: unknown): IdbRequestLike<unknown>;
  /** As IndexedDB's `IDBObjectStore.delete`. */
  delete(key: unknown): IdbRequestLike<unknown>;
  /** As IndexedDB's `IDBObjectStore.clear`. */
  clear(): IdbRequestLike<unknown>;
  /** As IndexedDB's `IDBObjectStore.getAll`. */
  getAll(): IdbRequestLike<unknown[]>;
  /** As IndexedDB's `IDBObjectStore.getAllKeys`. */
  getAllKeys(): IdbRequestLike<unknown[]>;
}

/** A transaction over some object stores. */
export interface IdbTransactionLike {
  /** As IndexedDB's `IDBTransaction.objectStore`. */
  objectStore(name: string): IdbObjectStoreLike;
  /** As IndexedDB's `IDBTransaction.error`. */
  readonly error: unknown;
  /** As IndexedDB's `IDBTransaction.oncomplete`. */
  oncomplete: ((event: never) => void) | null;
  /** As IndexedDB's `IDBTransaction.onerror`. */
  onerror: ((event: never) => void) | null;
  /** As IndexedDB's `IDBTransaction.onabort`. */
  onabort: ((event: never) => void) | null;
}

/** An open database. */
export interface IdbDatabaseLike {
  /** As IndexedDB's `IDBDatabase.objectStoreNames`. */
  readonly objectStoreNames: {
    /** Whether the database has an object store of this name. */
    contains(name: string): boolean;
  };
  /** As IndexedDB's `IDBDatabase.createObjectStore`. */
  createObjectStore(name: string, options?: { autoIncrement?: boolean }): unknown;
  /** As IndexedDB's `IDBDatabase.transaction`. */
  transaction(names: string[], mode: 'readonly' | 'readwrite'): IdbTransactionLike;
  /** As IndexedDB's `IDBDatabase.close`. */
  close(): void;
}

/** The `indexedDB` factory. */
export interface IdbFactoryLike {
  /** As IndexedDB's `IDBFactory.open`. */
  open(name: string, version: number): IdbOpenRequestLike;
}
