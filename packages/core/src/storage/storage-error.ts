import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';
import type { AttuneProblem } from '../errors/problem.js';
/** Why a store refused an operation. */
export type StorageErrorCode =
  /** The adapter could not read; nothing was written. */
  | 'read-failed'
  /** The adapter could not write; the events are still held in memory. */
  | 'write-failed'
  /** The storage is full; the events wait in memory until space returns. */
  | 'storage-full'
  /** The storage was written by a newer Attune, so it is open read-only. */
  | 'newer-format'
  /** The storage holds another couple's history, so it is open read-only. */
  | 'wrong-couple'
  /** Another tab or window is the writer, so this one is open read-only. */
  | 'locked'
  /** Encrypted records cannot be read with the cipher given, so the store is open read-only. */
  | 'cannot-decrypt'
  /** The store was closed. */
  | 'closed'
  /** An option or argument is not of the kind the store takes; nothing was read or written. */
  | 'invalid-option'
  /**
   * `append` refused an event that the next open would set aside: it fails `checkEvent`, or would
   * not read back as it was given. The other events were kept.
   */
  | 'invalid-event'
  /** `append` refused an event whose id is stored with different content. The others were kept. */
  | 'duplicate-id';

/** A storage operation that could not be done: what was wrong, and how to fix it. */
export class AttuneStorageError extends AttuneError<StorageErrorCode> {
  constructor(code: StorageErrorCode, message: string, fix: string, options?: { cause?: unknown }) {
    super('AttuneStorageError', { code, message, fix, cause: options?.cause });
  }

  /** Whether `error` is an `AttuneStorageError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneStorageError {
    return isAttuneErrorNamed(error, 'AttuneStorageError');
  }
}

/** What a store noticed about the stored data; everything else loaded. */
export type StorageProblemCode =
  /** A record was cut short by a crash during writing; it was set aside. */
  | 'torn-record'
  /** A record could not be read, checked or decrypted; it was set aside. */
  | 'corrupted-record'
  /** Two records share an event id with different content; the one every device keeps was kept. */
  | 'conflicting-record'
  /** The index was behind the records (a crash between the two writes) and was rebuilt. */
  | 'index-repaired'
  /** The index knew of events of a device that are no longer stored (a truncated file, a backup). */
  | 'events-missing'
  /** A write failed for lack of space; events wait in memory. */
  | 'storage-full'
  /** Events that waited for space are written. */
  | 'storage-recovered'
  /** Writing failed for another reason; events wait in memory. */
  | 'write-failed'
  /** Records written by a newer Attune were left as they are, unread. */
  | 'newer-records'
  /**
   * Storage written by an older Attune was upgraded: its index was rewritten in the current format
   * (records stay as they are until a rewrite), so older versions of the app now open it read-only.
   */
  | 'storage-upgraded'
  /**
   * This install records under a new device id (`store.device`): the storage came from another
   * install (a copy, or a backup restored here), or it could not tell which id it used before.
   */
  | 'device-renewed';

/**
 * Something a store noticed: what, where (`records[3]`, `index`, or empty for the store), and what
 * the host can do about it.
 */
export interface StorageProblem extends AttuneProblem<StorageProblemCode> {
  /** The record's position in storage, for record problems. */
  readonly position?: number;
  /** The device concerned: for `events-missing`, and the new id for `device-renewed`. */
  readonly device?: string;
}

/** Whether an error means the storage is full: `QuotaExceededError` in browsers, ENOSPC in Node. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || code === 'ENOSPC' || code === 'EDQUOT';
}
