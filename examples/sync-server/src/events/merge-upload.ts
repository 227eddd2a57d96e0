import { compareEvents, type LoggedEvent } from '@attune/core';
import { canonicalJson, erasureCutoffs, isErased, keptVersion } from '@attune/core/sync';
import type { StoredEvent } from '../storage/relay-store.js';

/** Two versions of one id, and which one the relay keeps: the one every device keeps. */
export interface UploadConflict {
  readonly id: string;
  readonly kept: 'yours' | 'stored';
}

/** What an upload changes in storage. */
export interface UploadPlan {
  /** In log order, so positions follow the log within an upload. */
  readonly insert: readonly LoggedEvent[];
  /** Stored versions that lost a conflict; their winners are in `insert`. */
  readonly remove: readonly string[];
  readonly duplicates: number;
  /** Uploaded events an erasure request already covers. */
  readonly erased: number;
  readonly conflicts: readonly UploadConflict[];
}

/**
 * Plans how checked events join what is stored, as `importEvents` merges on a device: an event
 * already stored is a duplicate; an id stored with other content keeps the version every device
 * keeps (`keptVersion`), so the relay never disagrees with the devices; events an erasure covers are
 * not stored.
 */
export function mergeUpload(
  events: readonly LoggedEvent[],
  stored: ReadonlyMap<string, StoredEvent>,
  storedErasures: readonly LoggedEvent[],
): UploadPlan {
  const cutoffs = erasureCutoffs([...storedErasures, ...events]);
  const insert: LoggedEvent[] = [];
  const remove: string[] = [];
  const conflicts: UploadConflict[] = [];
  let duplicates = 0;
  let erased = 0;
  for (const event of events) {
    const existing = stored.get(event.id)?.event;
    if (existing && canonicalJson(existing) === canonicalJson(event)) {
      duplicates++;
    } else if (isErased(event, cutoffs)) {
      erased++;
    } else if (!existing) {
      insert.push(event);
    } else if (keptVersion(existing, event) === event) {
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
