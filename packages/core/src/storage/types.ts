import type { PayloadCipher } from '../crypto/cipher.js';
import type { LoggedEvent } from '../events/types.js';
import type { Couple } from '../program/couple.js';
import type { StorageAdapter } from './adapter.js';
import type { StorageMigration } from './format/migrations.js';
import type { AttuneStorageError, StorageProblem } from './storage-error.js';
import type { LockManagerLike } from './write-lock.js';

/** Options of `openEventStore`. */
export interface EventStoreOptions {
  readonly adapter: StorageAdapter;
  /**
   * The couple whose history this is. Every record is checked against its partners, and its id keeps
   * one couple's storage from being opened as another's.
   */
  readonly couple: Couple;
  /** Encrypts event data at rest; records are decrypted on reading. */
  readonly cipher?: PayloadCipher;
  /** Upgrades for older record formats (default: the ones Attune ships). */
  readonly migrations?: readonly StorageMigration[];
  /** Told about every problem: damaged records when opening, a full disk, space returning. */
  readonly onProblem?: (problem: StorageProblem) => void;
  /**
   * Web Locks to keep one writer per storage (default `navigator.locks` where there is one). `null`
   * turns locking off, for storage only one process can reach.
   */
  readonly locks?: LockManagerLike | null;
  /**
   * When another tab is the writer: wait until it lets go (true), or open read-only at once (false,
   * the default).
   */
  readonly waitForLock?: boolean;
}

/** How many events were written, and how many still wait for space. */
export interface AppendResult {
  readonly written: number;
  readonly pending: number;
}

/**
 * A couple's events as kept on this device: loaded, checked and decrypted when opened, appended as
 * they are recorded or received. Open it with `openEventStore`.
 */
export interface EventStore {
  /** Every event, stored or waiting to be, in the log's order: ready for `createEngine`. */
  readonly events: readonly LoggedEvent[];
  /** How many events it holds, stored or waiting. */
  readonly size: number;
  /** What was found wrong when opening. Everything not named here loaded. */
  readonly problems: readonly StorageProblem[];
  /** Why writing is refused, when the store is read-only; `undefined` when it can write. */
  readonly readOnly: AttuneStorageError | undefined;
  /** Events held in memory until they can be written (such as while the storage is full). */
  readonly pending: number;
  /** Whether an event with this id is stored or waiting. */
  has(id: string): boolean;
  /**
   * Stores events that are new here (ids already held are skipped). When the storage is full they wait
   * in memory, the host is told through `onProblem`, and they are written by a later `append` or
   * `flush`; the promise then resolves with them counted as `pending`.
   *
   * @throws {@link AttuneStorageError} when read-only or closed, or when writing failed for another
   *   reason than space (the events still wait; `flush` retries).
   */
  append(events: readonly LoggedEvent[]): Promise<AppendResult>;
  /** Writes the events waiting in memory, if there is space now. */
  flush(): Promise<AppendResult>;
  /**
   * Replaces everything stored with `events`, at once: for an erasure, or after a merge dropped
   * events. Events waiting in memory that are not in `events` are dropped too.
   */
  replace(events: readonly LoggedEvent[]): Promise<void>;
  /**
   * Writes what waits, then closes the storage and lets another tab write.
   *
   * @throws {@link AttuneStorageError} with code `storage-full` when events could not be written and
   *   are lost with this store; the storage is closed anyway.
   */
  close(): Promise<void>;
}
