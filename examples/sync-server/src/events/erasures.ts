import { type HybridTimestamp, restStartAfter } from '@attune/core';
import { erasureCutoffs, isErased } from '@attune/core/sync';
import { isPlain, type RelayEvent } from './relay-event.js';

/**
 * The moment up to which one partner's events are erased, from that partner's own signed-off
 * erasure requests among `events`, or undefined when they made none. A request by the other
 * partner never counts, whatever it names: an erasure only ever reaches its requester's events.
 * Only plain requests count: the relay reads a request's data to honour it. One sent encrypted
 * looks like any other event here; the devices honour it, the relay cannot.
 */
export function erasureCutoffOf(
  events: Iterable<RelayEvent>,
  requester: string,
): HybridTimestamp | undefined {
  const own = [...events].filter((event) => event.partner === requester).filter(isPlain);
  return erasureCutoffs(own).get(requester);
}

/**
 * Whether an encrypted event's clock sits where a rest's does: on a quarter hour, when rests take
 * effect (`restStartAfter`). An erasure never lifts a rest, and the relay cannot read which
 * encrypted event is one, so it keeps every event that may be: the devices that receive the
 * request drop all but the partner's latest rest themselves (`keptRests`).
 */
function mayBeRest(event: RelayEvent): boolean {
  return restStartAfter(event.clock.wall - 1) === event.clock.wall;
}

const atOrBefore = (clock: HybridTimestamp, cutoff: HybridTimestamp) =>
  clock.wall < cutoff.wall || (clock.wall === cutoff.wall && clock.counter <= cutoff.counter);

/**
 * Whether the requester's erasure cutoff covers an event: only an event of the requester's own,
 * with a clock up to the cutoff, and never a request itself or a rest. A plain event is judged by
 * the core's `isErased`; an encrypted one by its author and clock, which stay readable, keeping any
 * whose clock sits on a quarter hour, where a rest's does.
 */
export function isCoveredByErasure(
  event: RelayEvent,
  requester: string,
  cutoff: HybridTimestamp | undefined,
): boolean {
  if (cutoff === undefined || event.partner !== requester) return false;
  if (isPlain(event)) return isErased(event, new Map([[requester, cutoff]]));
  return atOrBefore(event.clock, cutoff) && !mayBeRest(event);
}
