import { compareEvents, type LoggedEvent } from '@attune/core';
import { keptVersion } from '@attune/core/sync';
import type { StoredEvent } from '../storage/relay-store.js';
import { erasureCutoffOf, isCoveredByErasure } from './erasures.js';
import { type RelayEvent, withoutSignature } from './relay-event.js';
import { isSameEvent } from './same-event.js';

/** Two versions of one id, and which one the relay keeps: the one every device keeps. */
export interface UploadConflict {
  readonly id: string;
  readonly kept: 'yours' | 'stored';
}

/** What an upload changes in storage. */
export interface UploadPlan {
  /** In log order, so positions follow the log within an upload. */
  readonly insert: readonly RelayEvent[];
  /** Stored versions that lost a conflict; their winners are in `insert`. All the sender's own. */
  readonly remove: readonly string[];
  readonly duplicates: number;
  /** Uploaded events an erasure request already covers. */
  readonly erased: number;
  readonly conflicts: readonly UploadConflict[];
}

/**
 * Whether the uploaded version of an id is the one every device keeps. keptVersion is typed for
 * plain events; it compares canonical JSON, which both kinds have, without the signatures, which
 * devices never hold. Both start with the clock, so where the versions' clocks differ the relay
 * picks what the devices pick after decrypting; with equal clocks it may not, and they report the
 * clash.
 */
function keepsUploaded(existing: RelayEvent, uploaded: RelayEvent): boolean {
  const unsigned = withoutSignature(uploaded) as LoggedEvent;
  return keptVersion(withoutSignature(existing) as LoggedEvent, unsigned) === unsigned;
}

/**
 * Plans how one partner's checked events join what is stored, as `importEvents` merges on a
 * device: an event already stored is a duplicate (an encrypted one when its readable envelope
 * matches, since encrypting again gives another ciphertext), and the stored copy stays; an id
 * stored as another event of the sender's keeps the version every device keeps (`keptVersion`), so
 * the relay never disagrees with the devices; events the sender's erasure covers are not stored.
 *
 * Versions are only ever settled among one author's events: a stored event of the other partner is
 * never replaced or removed, whatever the upload holds. Uploads of a device bound to the other
 * partner are refused before this (`checkDevices`), so only a database from before device bindings
 * can hold such an id; the stored event then stays, reported as `kept: "stored"`.
 *
 * @param events the sender's events, checked: every one has `partner === sender`.
 */
export function mergeUpload(
  events: readonly RelayEvent[],
  stored: ReadonlyMap<string, StoredEvent>,
  storedErasures: readonly RelayEvent[],
  sender: string,
): UploadPlan {
  const cutoff = erasureCutoffOf([...storedErasures, ...events], sender);
  const insert: RelayEvent[] = [];
  const remove: string[] = [];
  const conflicts: UploadConflict[] = [];
  let duplicates = 0;
  let erased = 0;
  for (const event of events) {
    if (event.partner !== sender) {
      throw new Error(
        `mergeUpload was given an event of "${event.partner}" to store for "${sender}"`,
      );
    }
    const existing = stored.get(event.id)?.event;
    if (existing && isSameEvent(existing, event)) {
      duplicates++;
    } else if (isCoveredByErasure(event, sender, cutoff)) {
      erased++;
    } else if (!existing) {
      insert.push(event);
    } else if (existing.partner === sender && keepsUploaded(existing, event)) {
      // A new position, so devices that pulled the losing version get the winner too.
      remove.push(event.id);
      insert.push(event);
      conflicts.push({ id: event.id, kept: 'yours' });
    } else {
      conflicts.push({ id: event.id, kept: 'stored' });
    }
  }
  insert.sort(compareEvents);
  return { insert, remove, duplicates, erased, conflicts };
}
