import type { StoredEvent } from '../storage/relay-store.js';
import { relayedTo } from './privacy-filter.js';
import type { RelayEvent } from './relay-event.js';

/**
 * The events of a page a partner may receive, in position order (see `relayedTo`): plain ones as the
 * core's privacy filter decides, every encrypted one. Plain uploads are checked so that nothing
 * private is stored, and this is the second lock: even a plain event that got into storage another
 * way never reaches the other partner. The couple's plain shares come along because an entry may
 * sit on an earlier page than the share that opened it.
 */
export function visibleTo(
  page: readonly StoredEvent[],
  shares: readonly StoredEvent[],
  recipient: string,
): RelayEvent[] {
  const events = page.map((stored) => stored.event);
  const allowed = new Set(
    relayedTo([...shares.map((stored) => stored.event), ...events], recipient),
  );
  return events.filter((event) => allowed.has(event));
}
