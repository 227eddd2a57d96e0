import type { EncryptedEvent } from '../crypto/encrypted-event.js';
import type { LoggedEvent } from '../events/types.js';
import type { Couple } from '../program/couple.js';
import { cursorHas, type SyncCursor } from './cursor.js';
import { eventsFor } from './privacy-filter.js';
import { AttuneSyncError } from './sync-error.js';

/** The sync format this version of Attune writes and reads. */
export const currentSyncFormat = 1;

/**
 * Events on their way from one device to the devices of one partner. `exportEvents` makes one of
 * plain events; put `encryptEvents` of them in its place to send ciphertext.
 */
export interface SyncBatch<E extends LoggedEvent | EncryptedEvent = LoggedEvent | EncryptedEvent> {
  readonly format: 'attune-sync';
  readonly version: number;
  readonly couple: string;
  /** The partner whose devices may receive these events. */
  readonly recipient: string;
  /** In log order. */
  readonly events: readonly E[];
}

/** Options of {@link exportEvents}. */
export interface ExportEventsOptions {
  readonly couple: Couple;
  /** The partner whose device will receive the batch: the privacy filter works for them. */
  readonly recipient: string;
  /** What the recipient already holds (its `cursorOf`); everything it may have when left out. */
  readonly since?: SyncCursor;
}

/**
 * The events a device of `recipient` may have and does not hold yet, as a batch to send. What leaves
 * for the other partner never contains the author's private entries (unless the author shared them)
 * or safety checks.
 *
 * @example
 * ```ts
 * const batch = exportEvents(engine.getEvents(), { couple, recipient: 'kai', since: kaisCursor });
 * await fetch(`/couples/${couple.id}/events`, { method: 'POST', body: JSON.stringify(batch) });
 * ```
 * @throws {@link AttuneSyncError} when `recipient` is not one of the couple's partners.
 */
export function exportEvents(
  events: readonly LoggedEvent[],
  options: ExportEventsOptions,
): SyncBatch<LoggedEvent> {
  const { couple, recipient, since } = options;
  const partners = couple.partners.map((partner) => partner.id);
  if (!partners.includes(recipient)) {
    throw new AttuneSyncError(
      'wrong-recipient',
      `"${recipient}" is not one of this couple's partners`,
      `Export for one of: ${partners.join(', ')}`,
    );
  }
  const allowed = eventsFor(events, recipient);
  return {
    format: 'attune-sync',
    version: currentSyncFormat,
    couple: couple.id,
    recipient,
    events: since ? allowed.filter((event) => !cursorHas(since, event.device, event.seq)) : allowed,
  };
}
