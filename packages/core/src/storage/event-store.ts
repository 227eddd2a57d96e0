import type { PayloadCipher } from '../crypto/cipher.js';
import type { AttuneCryptoError } from '../crypto/crypto-error.js';
import {
  decryptEvent,
  type EncryptedEvent,
  encryptEvent,
  isEncryptedEvent,
} from '../crypto/encrypted-event.js';
import type { Couple } from '../engine/types.js';
import { checkEvent } from '../log/check-event.js';
import { AttuneEventError } from '../log/event-error.js';
import type { LoggedEvent } from '../log/event-log.js';
import { compareEvents } from '../log/order.js';
import { canonicalJson, keptVersion } from '../sync/same-event.js';
import type { SetAsideRecord, StorageAdapter, StorageContents } from './adapter.js';
import {
  currentStorageFormat,
  type StorageMigration,
  storageMigrations,
} from './format/migrations.js';
import { decodeIndex, encodeIndex, highWaterOf } from './format/store-index.js';
import { decodeRecord, encodeRecord } from './format/stored-record.js';
import {
  AttuneStorageError,
  isQuotaError,
  type StorageProblem,
  type StorageProblemCode,
} from './storage-error.js';
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

interface BadRecord {
  readonly position: number;
  readonly text: string;
  readonly code: StorageProblemCode;
  readonly reason: string;
}

const newerFormat = (version: number) =>
  new AttuneStorageError(
    'newer-format',
    `This history was written by a newer version of Attune (storage format ${version}; this version reads up to ${currentStorageFormat}), so it was opened read-only and will not be changed`,
    'Update @attune/core in this app to write to it',
  );

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
  const problems: StorageProblem[] = [];
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

  const bad: BadRecord[] = [];
  const candidates: { position: number; text: string; value: unknown }[] = [];
  let newest = 0;
  let unread = 0;
  contents.records.forEach((record, position) => {
    if (record.torn) {
      bad.push({
        position,
        text: record.text,
        code: 'torn-record',
        reason: 'was cut short by an interrupted write',
      });
      return;
    }
    const decoded = decodeRecord(record.text, options.migrations ?? storageMigrations);
    if (decoded.kind === 'bad') {
      bad.push({ position, text: record.text, code: 'corrupted-record', reason: decoded.reason });
    } else if (decoded.kind === 'newer') {
      newest = Math.max(newest, decoded.version);
      unread++;
    } else {
      candidates.push({ position, text: record.text, value: decoded.event });
    }
  });
  if (newest > 0) {
    blockWrites(newerFormat(newest));
    problems.push({
      code: 'newer-records',
      message: `${unread} record(s) of storage format ${newest} were left as they are, unread; update @attune/core to read them`,
    });
  }

  const encrypted = candidates.filter((candidate) => isEncryptedEvent(candidate.value));
  const undecryptable = new Set<number>();
  if (encrypted.length > 0) {
    const failed: number[] = [];
    const missingKeys = new Set<string>();
    if (cipher) {
      await Promise.all(
        encrypted.map(async (candidate) => {
          try {
            candidate.value = await decryptEvent(candidate.value, cipher);
          } catch (error) {
            if ((error as AttuneCryptoError).code === 'unknown-key') {
              missingKeys.add((candidate.value as EncryptedEvent).encrypted.key);
              undecryptable.add(candidate.position);
            } else {
              failed.push(candidate.position);
            }
          }
        }),
      );
    }
    // When not one record decrypts, the key is wrong or missing, not the records: setting them all
    // aside would hide the whole history, so the store stays read-only instead. The same goes for
    // records of a key the cipher does not hold, such as one rotated out too early.
    if (!cipher || failed.length === encrypted.length) {
      for (const candidate of encrypted) undecryptable.add(candidate.position);
      blockWrites(
        new AttuneStorageError(
          'cannot-decrypt',
          cipher
            ? `None of the ${encrypted.length} encrypted record(s) could be decrypted with the cipher given, so the history was opened read-only`
            : `${encrypted.length} record(s) are encrypted and no cipher was given, so the history was opened read-only`,
          'Open the store with the cipher and keys that encrypted it',
        ),
      );
    } else {
      if (missingKeys.size > 0) {
        blockWrites(
          new AttuneStorageError(
            'cannot-decrypt',
            `Some records are encrypted with key(s) the cipher does not hold (${[...missingKeys].sort().join(', ')}), so the history was opened read-only`,
            'Add those keys to the cipher; keep old keys for as long as records encrypted with them exist',
          ),
        );
      }
      for (const position of failed) {
        const candidate = encrypted.find((item) => item.position === position) as {
          text: string;
        };
        undecryptable.add(position);
        bad.push({
          position,
          text: candidate.text,
          code: 'corrupted-record',
          reason: 'failed decryption: its bytes were damaged or changed',
        });
      }
    }
  }

  const context = {
    partners: couple.partners.map((partner) => partner.id),
    latestWall: Number.MAX_SAFE_INTEGER,
  };
  const kept = new Map<string, { event: LoggedEvent; position: number; text: string }>();
  for (const candidate of candidates) {
    if (undecryptable.has(candidate.position)) continue;
    let event: LoggedEvent;
    try {
      event = checkEvent(candidate.value, context);
    } catch (error) {
      if (!(error instanceof AttuneEventError)) throw error;
      bad.push({
        ...candidate,
        code: 'corrupted-record',
        reason: `is not a valid event: ${error.message}`,
      });
      continue;
    }
    const existing = kept.get(event.id);
    if (!existing) {
      kept.set(event.id, { event, position: candidate.position, text: candidate.text });
    } else if (canonicalJson(existing.event) !== canonicalJson(event)) {
      const winner = keptVersion(existing.event, event);
      const loser = winner === event ? existing : { ...candidate, event };
      if (winner === event)
        kept.set(event.id, { event, position: candidate.position, text: candidate.text });
      bad.push({
        position: loser.position,
        text: loser.text,
        code: 'conflicting-record',
        reason: `has the id "${event.id}" of another event with different content; the version every device keeps was kept`,
      });
    }
  }
  bad.sort((a, b) => a.position - b.position);

  if (!readOnly && bad.length > 0) {
    try {
      await adapter.setAside(
        bad.map(
          ({ position, text, code, reason }): SetAsideRecord => ({
            position,
            text,
            reason: `${code}: ${reason}`,
          }),
        ),
      );
    } catch (error) {
      blockWrites(
        new AttuneStorageError(
          'write-failed',
          'Damaged records could not be set aside, so the history was opened read-only to keep them as they are',
          'Free some space or fix the storage, then open it again',
          { cause: error },
        ),
      );
    }
  }
  for (const record of bad) {
    problems.push({
      code: record.code,
      position: record.position,
      message: `Record ${record.position} ${record.reason}. ${readOnly ? 'It was left in place (the history is read-only).' : 'It was set aside, not deleted: the adapter keeps its text where it can be inspected.'}`,
    });
  }

  const stored = new Map<string, LoggedEvent>();
  for (const { event } of kept.values()) stored.set(event.id, event);
  let highWater = highWaterOf(stored.values());
  // A read-only store writes no index, and may not have read every record: comparing would cry wolf.
  if (!readOnly) {
    let behind = index.kind === 'unreadable' || (index.kind === 'none' && stored.size > 0);
    let missing = false;
    if (index.kind === 'index') {
      const known = index.index.highWater;
      for (const device of Object.keys(known).sort()) {
        const found = highWater[device] ?? 0;
        const expected = known[device] as number;
        if (found < expected) {
          missing = true;
          problems.push({
            code: 'events-missing',
            device,
            message: `The index knew events of device "${device}" up to sequence ${expected}, but only up to ${found} are stored: events were lost (a truncated file, a restored backup). Events the partner has come back with the next sync. If "${device}" is this device, give it a new device id before recording anything, so that no event id is used twice`,
          });
        }
      }
      behind = Object.keys(highWater).some(
        (device) => (highWater[device] as number) > (known[device] ?? 0),
      );
    }
    if (behind && index.kind !== 'none') {
      problems.push({
        code: 'index-repaired',
        message:
          'The index was behind the records (a crash between writing the two) or damaged; it was rebuilt from the records',
      });
    }
    if (behind || missing || index.kind === 'none') {
      try {
        await adapter.writeIndex(encodeIndex(couple.id, highWater));
      } catch {
        // The index is rebuilt from the records on the next open; the events are safe.
      }
    }
  }
  for (const problem of problems) tell(problem);

  const waiting: LoggedEvent[] = [];
  const waitingIds = new Set<string>();
  let sorted: LoggedEvent[] | undefined;
  let full = false;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => {});
    return run;
  };
  const refusal = (): AttuneStorageError | undefined =>
    closed
      ? new AttuneStorageError(
          'closed',
          'This store was closed',
          'Open the storage again to write to it',
        )
      : readOnly;
  const encode = async (event: LoggedEvent): Promise<string> =>
    encodeRecord(cipher ? await encryptEvent(event, cipher) : event);

  const writeWaiting = async (): Promise<AppendResult> => {
    if (waiting.length === 0) return { written: 0, pending: 0 };
    const batch = waiting.slice();
    const texts = await Promise.all(batch.map(encode));
    try {
      await adapter.append(texts);
    } catch (error) {
      if (isQuotaError(error)) {
        if (!full) {
          full = true;
          tell({
            code: 'storage-full',
            message: `The storage is full: ${waiting.length} event(s) wait in memory and are written as soon as there is space. Ask the person to free some space; nothing is lost while the app stays open`,
          });
        }
        return { written: 0, pending: waiting.length };
      }
      tell({
        code: 'write-failed',
        message: `Writing ${batch.length} event(s) failed (${(error as Error).message}); they wait in memory`,
      });
      throw new AttuneStorageError(
        'write-failed',
        `Writing ${batch.length} event(s) failed; they wait in memory`,
        'Call flush() to try again',
        { cause: error },
      );
    }
    waiting.splice(0, batch.length);
    for (const event of batch) {
      waitingIds.delete(event.id);
      stored.set(event.id, event);
      if ((highWater[event.device] ?? 0) < event.seq) highWater[event.device] = event.seq;
    }
    if (full) {
      full = false;
      tell({
        code: 'storage-recovered',
        message: 'There is space again: every event that waited in memory is written',
      });
    }
    try {
      await adapter.writeIndex(encodeIndex(couple.id, highWater));
    } catch {
      // A crash here is the case the index is built for: it is rebuilt from the records on opening.
    }
    return { written: batch.length, pending: waiting.length };
  };

  const store: EventStore = {
    get events() {
      sorted ??= [...stored.values(), ...waiting].sort(compareEvents);
      return sorted;
    },
    get size() {
      return stored.size + waiting.length;
    },
    problems,
    get readOnly() {
      return readOnly;
    },
    get pending() {
      return waiting.length;
    },
    has: (id) => stored.has(id) || waitingIds.has(id),
    append(events) {
      const refused = refusal();
      if (refused) return Promise.reject(refused);
      for (const event of events) {
        if (stored.has(event.id) || waitingIds.has(event.id)) continue;
        waiting.push(event);
        waitingIds.add(event.id);
        sorted = undefined;
      }
      return serial(writeWaiting);
    },
    flush() {
      const refused = refusal();
      if (refused) return Promise.reject(refused);
      return serial(writeWaiting);
    },
    replace(events) {
      return serial(async () => {
        const refused = refusal();
        if (refused) throw refused;
        const unique = [...new Map(events.map((event) => [event.id, event])).values()];
        const marks = highWaterOf(unique);
        const texts = await Promise.all(unique.map(encode));
        try {
          await adapter.replace(texts, encodeIndex(couple.id, marks));
        } catch (error) {
          throw isQuotaError(error)
            ? new AttuneStorageError(
                'storage-full',
                'The storage is full, so the history could not be rewritten; it is unchanged',
                'Free some space and try again',
                { cause: error },
              )
            : new AttuneStorageError(
                'write-failed',
                'The history could not be rewritten; it is unchanged',
                'Try again',
                { cause: error },
              );
        }
        stored.clear();
        for (const event of unique) stored.set(event.id, event);
        waiting.length = 0;
        waitingIds.clear();
        highWater = marks;
        sorted = undefined;
        full = false;
      });
    },
    close() {
      return serial(async () => {
        if (closed) return;
        if (!readOnly) await writeWaiting().catch(() => undefined);
        closed = true;
        const lost = waiting.length;
        try {
          await adapter.close();
        } finally {
          lock.release();
        }
        if (lost > 0) {
          throw new AttuneStorageError(
            'storage-full',
            `${lost} event(s) could not be written before the store closed and are lost on this device`,
            "Sync them to the partner's devices before closing, or free space and keep the store open",
          );
        }
      });
    },
  };
  return store;
}
