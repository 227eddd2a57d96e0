import type { HybridTimestamp, LoggedEvent } from '@attune/core';
import { isEncryptedEvent } from '@attune/core/crypto';
import { erasureCutoffs, isErased } from '@attune/core/sync';
import type { RelayEvent } from './relay-event.js';

/**
 * Per partner, the moment up to which their events are erased, from the signed-off erasure requests
 * among `events`. Only plain requests count: the relay reads a request's data to honour it, and
 * uploads refuse encrypted ones.
 */
export function erasureCutoffsOf(events: Iterable<RelayEvent>): Map<string, HybridTimestamp> {
  return erasureCutoffs([...events].filter((event) => !isEncryptedEvent(event)) as LoggedEvent[]);
}

/**
 * Whether an erasure cutoff covers an event, plain or encrypted: it takes the author and the clock,
 * which stay readable in an encrypted event's envelope.
 */
export function isCoveredByErasure(
  event: RelayEvent,
  cutoffs: ReadonlyMap<string, HybridTimestamp>,
): boolean {
  return isErased(event, cutoffs);
}
