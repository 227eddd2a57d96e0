import type { EncryptedEvent } from '../crypto/encrypted-event.js';
import type { AttuneEvent } from '../events/types.js';
import type { LoggedEvent } from '../log/event-log.js';

// Never for anyone but the author, whatever visibility the event claims.
const AUTHOR_ONLY = new Set(['safety-check-taken']);

/**
 * The events a device of `recipient` may hold, in the order given. Everything the recipient wrote
 * themselves (their other devices need it); of the other partner's events, never a safety check and
 * never a `private` entry — unless its author shared that entry. Sealed answers go, since the
 * recipient's view shows that an answer exists and opens it once they answered too; what the view
 * hides of them is hidden by the view.
 *
 * Encrypted events are filtered by their envelope, as a relay without the key does. A share opens an
 * entry only when it is readable (see `relayReadableEventTypes`): an encrypted one opens nothing.
 */
export function eventsFor<E extends LoggedEvent | EncryptedEvent>(
  events: readonly E[],
  recipient: string,
): E[] {
  // `entry|partner` of every share: sharing counts only when the entry's own author shared it.
  const shares = new Set<string>();
  for (const event of events) {
    if (event.type === 'entry-shared' && 'data' in event) {
      shares.add(
        `${(event as AttuneEvent & { type: 'entry-shared' }).data.entry}|${event.partner}`,
      );
    }
  }
  return events.filter((event) => {
    if (event.partner === recipient) return true;
    if (AUTHOR_ONLY.has(event.type)) return false;
    if (event.visibility !== 'private') return true;
    return shares.has(`${event.id}|${event.partner}`);
  });
}
