import type { PayloadCipher } from '../crypto/cipher.js';
import type { LoggedEvent } from '../events/types.js';
import type { Couple } from '../program/couple.js';
import type { StorageAdapter, StorageContents } from './adapter.js';
import { type StorageMigration, storageMigrations } from './format/migrations.js';
import { decodeIndex, highWaterOf } from './format/store-index.js';
import { newerFormat, readHistory } from './read-history.js';
import { repairIndex } from './repair-index.js';
import { AttuneStorageError, type StorageProblem } from './storage-error.js';
import { createStoreWriter } from './store-writer.js';
import {
  acquireWriteLock,
  type LockManagerLike,
  platformLocks,
  type WriteLock,
} from './write-lock.js';

/** Options of {@link openEventStore}. */
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
 * they are recorded or received. Open it with {@link openEventStore}.
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

/**
 * Opens a couple's stored history: reads every record, upgrades old formats, decrypts, checks each
 * event, and sets damaged records aside (reported in `problems`) while everything else loads. Storage
 * written by a newer Attune, by another couple, or held by another tab opens read-only.
 *
 * @example
 * ```ts
 * const store = await openEventStore({ adapter: createIndexedDbAdapter({ name: couple.id }), couple });
 * const engine = createEngine({ program, couple, device, events: store.events, trusted: true });
 * persistEngine(engine, store);
 * ```
 * @throws {@link AttuneStorageError} with code `read-failed` when the adapter cannot read; nothing
 *   was written.
 */
export async function openEventStore(options: EventStoreOptions): Promise<EventStore> {
  const { adapter, couple, cipher } = options;
  const tell = (problem: StorageProblem) => {
    options.onProblem?.(problem);
  };
  let readOnly: AttuneStorageError | undefined;
  const blockWrites = (error: AttuneStorageError) => {
    readOnly ??= error;
  };

  let lock: WriteLock = { held: true, release: () => {} };
  const locks = options.locks === undefined ? platformLocks() : (options.locks ?? undefined);
  if (locks && adapter.lockName) {
    lock = await acquireWriteLock(locks, adapter.lockName, options.waitForLock ?? false);
    if (!lock.held) {
      blockWrites(
        new AttuneStorageError(
          'locked',
          'Another tab or window is writing to this history, so this one opened it read-only',
          'Close the other tab and open it again, or open with waitForLock: true to wait for it',
        ),
      );
    }
  }

  let contents: StorageContents;
  try {
    contents = await adapter.read();
  } catch (error) {
    lock.release();
    throw new AttuneStorageError(
      'read-failed',
      'The stored history could not be read; nothing was changed',
      'Try again; if it keeps failing, copy the storage before anything else touches it',
      { cause: error },
    );
  }

  const index = decodeIndex(contents.index);
  if (index.kind === 'newer') blockWrites(newerFormat(index.version));
  if (index.kind === 'index' && index.index.couple !== couple.id) {
    blockWrites(
      new AttuneStorageError(
        'wrong-couple',
        `This storage holds the history of couple "${index.index.couple}", not "${couple.id}", so it was opened read-only`,
        "Give each couple's history its own storage (its own database name or file)",
      ),
    );
  }

  const history = await readHistory(contents, {
    adapter,
    couple,
    cipher,
    migrations: options.migrations ?? storageMigrations,
    blockWrites,
    isReadOnly: () => readOnly !== undefined,
  });
  const { stored, problems } = history;
  // A read-only store writes no index, and may not have read every record: comparing would cry wolf.
  const highWater = readOnly
    ? highWaterOf(stored.values())
    : await repairIndex(adapter, couple.id, index, stored, problems);
  for (const problem of problems) tell(problem);

  return createStoreWriter({
    adapter,
    coupleId: couple.id,
    cipher,
    lock,
    stored,
    highWater,
    problems,
    readOnly: () => readOnly,
    tell,
  });
}
