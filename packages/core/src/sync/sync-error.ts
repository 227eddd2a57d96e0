import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';

/** Why a sync batch or cursor was refused as a whole. */
export type SyncErrorCode =
  /** It is not in the shape of a batch or cursor. */
  | 'malformed'
  /** It was made by a newer Attune. */
  | 'newer-format'
  /** It belongs to another couple. */
  | 'wrong-couple'
  /** It was addressed to the other partner. */
  | 'wrong-recipient';

/** A batch or cursor refused as a whole: what was wrong, and how to fix it. */
export class AttuneSyncError extends AttuneError<SyncErrorCode> {
  constructor(code: SyncErrorCode, message: string, fix: string) {
    super('AttuneSyncError', { code, message, fix });
  }

  /** Whether `error` is an `AttuneSyncError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneSyncError {
    return isAttuneErrorNamed(error, 'AttuneSyncError');
  }
}
