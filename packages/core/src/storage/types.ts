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
  /**
   * A marker of this install, kept where copies and backups of the storage do not reach: the
   * keychain with "this device only" on iOS, Android's no-backup files, a file outside the data
   * folder. Make it once (`createDeviceId()` will do) and pass the same one every time. The index
   * records it; storage that turns up with another install's marker was copied or restored here, and
   * this install then records under a new device id (`store.device`, reported as `device-renewed`),
   * so two phones never record under one id. Storage that records no marker yet takes this one.
   * Without it a copy goes unnoticed until sync reports `deviceIdClash`.
   */
  readonly install?: string;
  /**
   * The device id the app kept itself before storage format 2, when stores did not keep one. A store
   * of format 1 is upgraded to keep it (so cursors and sync positions stay as they are); without it
   * the store makes a new one. Ignored once the storage keeps its own id.
   */
  readonly adoptDevice?: string;
}

/** An event `append` refused, by its index in the input. */
export interface AppendRejection {
  readonly index: number;
  /**
   * `invalid-event`: the next open would set it aside (the `cause` is the `AttuneEventError`, when
   * `checkEvent` refused it); `duplicate-id`: another event with its id is stored.
   */
  readonly error: AttuneStorageError;
}

/** How many events were written, how many still wait for space, and which were refused. */
export interface AppendResult {
  readonly written: number;
  readonly pending: number;
  /** Events refused because the store could not give them back as given; the others were kept. */
  readonly rejected: readonly AppendRejection[];
}

/**
 * A couple's events as kept on this device: loaded, checked and decrypted when opened, appended as
 * they are recorded or received. Open it with `openEventStore`.
 */
export interface EventStore {
  /** Every event, stored or waiting to be, in the log's order: ready for `createEngine`. */
  readonly events: readonly LoggedEvent[];
  /**
   * The device id this install records under: create the engine with it. The store makes it the
   * first time it writes to empty storage and keeps it in its index, beside the high-water marks, so
   * an install with a new or emptied storage never reuses an old id's sequence numbers. It is made
   * anew when the storage came from another install (see `install`). A read-only store hands out a
   * new id each time it opens: what is recorded there is not kept, and must never share an id with
   * what the writing tab records.
   */
  readonly device: string;
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
   * The highest sequence number ever written here for `device` (0 for none): it never goes down, not
   * through `replace`, nor when records are lost. Pass it as `createEngine({ sequenceFloor })`;
   * `persistEngine` does so for the engine it saves.
   */
  highWater(device: string): number;
  /**
   * Stores events that are new here (ids already held with the same content are skipped). Each event
   * is first read back the way the next open will read it: one that would be set aside, or whose id
   * is stored with other content, is refused in `rejected` and the rest are kept. When the storage is
   * full they wait in memory, the host is told through `onProblem`, and they are written by a later
   * `append` or `flush`; the promise then resolves with them counted as `pending`.
   *
   * @throws {@link AttuneStorageError} when read-only or closed, or when writing failed for another
   *   reason than space (the events still wait; `flush` retries).
   */
  append(events: readonly LoggedEvent[]): Promise<AppendResult>;
  /** Writes the events waiting in memory, if there is space now. */
  flush(): Promise<AppendResult>;
  /**
   * Replaces everything stored with `events`, at once: for an erasure, or after a merge dropped
   * events. Events waiting in memory that are not in `events` are dropped too. The high-water marks
   * stay where they were: sequence numbers of dropped events are never handed out again.
   *
   * @throws {@link AttuneStorageError} with code `invalid-event` when one of `events` would not read
   *   back (nothing is changed), `storage-full` or `write-failed` when the storage refused.
   */
  replace(events: readonly LoggedEvent[]): Promise<void>;
  /**
   * Makes `device` the id this install records under from now on, kept in the index: after
   * `importEvents` reported `deviceIdClash` and the app took a new id with `createDeviceId()`.
   * `persistEngine` calls it with the device of the engine it saves.
   *
   * @throws {@link AttuneStorageError} when read-only or closed, `invalid-option` when `device` is not
   *   an id of 1 to 128 characters, `write-failed` when the index could not be written.
   */
  setDevice(device: string): Promise<void>;
  /**
   * Writes what waits, then closes the storage and lets another tab write.
   *
   * @throws {@link AttuneStorageError} with code `storage-full` when events could not be written and
   *   are lost with this store; the storage is closed anyway.
   */
  close(): Promise<void>;
}
