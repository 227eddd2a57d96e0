export type { SetAsideRecord, StorageAdapter, StorageContents, StoredText } from './adapter.js';
export { openEventStore } from './event-store.js';
export type { StorageMigration } from './format/migrations.js';
export { currentStorageFormat, storageMigrations } from './format/migrations.js';
export type { IndexedDbAdapterOptions } from './indexeddb-adapter.js';
export { createIndexedDbAdapter } from './indexeddb-adapter.js';
export type {
  IdbDatabaseLike,
  IdbFactoryLike,
  IdbObjectStoreLike,
  IdbOpenRequestLike,
  IdbRequestLike,
  IdbTransactionLike,
} from './indexeddb-types.js';
export type { MemoryAdapter, MemoryContents } from './memory-adapter.js';
export { createMemoryAdapter } from './memory-adapter.js';
export type { EnginePersistence, PersistEngineOptions } from './persist-engine.js';
export { persistEngine } from './persist-engine.js';
export type {
  SqliteAdapterOptions,
  SqliteBindValue,
  SqliteDatabaseLike,
} from './sqlite-adapter.js';
export { createSqliteAdapter } from './sqlite-adapter.js';
export type { StorageErrorCode, StorageProblem, StorageProblemCode } from './storage-error.js';
export { AttuneStorageError } from './storage-error.js';
export type { AppendRejection, AppendResult, EventStore, EventStoreOptions } from './types.js';
export type { LockManagerLike } from './write-lock.js';
