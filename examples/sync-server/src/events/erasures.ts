import type { HybridTimestamp, LoggedEvent } from '@attune/core';
import { isEncryptedEvent } from '@attune/core/crypto';
import { erasureCutoffs, isErased } from '@attune/core/sync';
import type { RelayEvent } from './relay-event.js';

/**
 * The moment up to which one partner's events are erased, from that partner's own signed-off
 * erasure requests among `events`, or undefined when they made none. A request by the other
 * partner never counts, whatever it names: an erasure only ever reaches its requester's events.
 * Only plain requests count: the relay reads a request's data to honour it, and uploads refuse
 * encrypted ones.
 */
export function erasureCutoffOf(
  events: Iterable<RelayEvent>,
  requester: string,
): HybridTimestamp | undefined {
  const own = [...events].filter(
    (event) => event.partner === requester && !isEncryptedEvent(event),
  );
  return erasureCutoffs(own as LoggedEvent[]).get(requester);
}

/**
 * Whether the requester's erasure cutoff covers an event, plain or encrypted: only an event of the
 * requester's own, with a clock up to the cutoff, and never a request itself. It reads the author
 * and the clock, which stay readable in an encrypted event's envelope.
 */
export function isCoveredByErasure(
  event: RelayEvent,
  requester: string,
  cutoff: HybridTimestamp | undefined,
): boolean {
  if (cutoff === undefined || event.partner !== requester) return false;
  return isErased(event, new Map([[requester, cutoff]]));
}
