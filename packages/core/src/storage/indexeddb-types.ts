// The core compiles without the DOM library (the engine also runs in React Native and workers), so
// the IndexedDB adapter declares the few shapes it uses. A browser's `indexedDB` and fake-indexeddb
// both satisfy them. Handlers take `never` so that the browser's typed event handlers fit.

/** A pending IndexedDB request. */
export interface IdbRequestLike<T> {
  readonly result: T;
  readonly error: unknown;
  onsuccess: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/** The request that opens a database. */
export interface IdbOpenRequestLike extends IdbRequestLike<IdbDatabaseLike> {
  onupgradeneeded: ((event: never) => void) | null;
  onblocked: ((event: never) => void) | null;
}

/** An object store, inside a transaction. */
export interface IdbObjectStoreLike {
  add(value: unknown, key?: unknown): IdbRequestLike<unknown>;
  put(value: unknown, key?: unknown): IdbRequestLike<unknown>;
  get(key: unknown): IdbRequestLike<unknown>;
  delete(key: unknown): IdbRequestLike<unknown>;
  clear(): IdbRequestLike<unknown>;
  getAll(): IdbRequestLike<unknown[]>;
  getAllKeys(): IdbRequestLike<unknown[]>;
}

/** A transaction over some object stores. */
export interface IdbTransactionLike {
  objectStore(name: string): IdbObjectStoreLike;
  readonly error: unknown;
  oncomplete: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onabort: ((event: never) => void) | null;
}

/** An open database. */
export interface IdbDatabaseLike {
  readonly objectStoreNames: { contains(name: string): boolean };
  createObjectStore(name: string, options?: { autoIncrement?: boolean }): unknown;
  transaction(names: string[], mode: 'readonly' | 'readwrite'): IdbTransactionLike;
  close(): void;
}

/** The `indexedDB` factory. */
export interface IdbFactoryLike {
  open(name: string, version: number): IdbOpenRequestLike;
}
