import type { EncryptedEvent } from '../crypto/encrypted-event.js';
import type { LoggedEvent } from '../events/types.js';
import { mayHold, sharesOf } from '../visibility/policy.js';

/**
 * The events a device of `recipient` may hold, in the order given, as the visibility policy decides
 * (`mayHold`): everything the recipient wrote themselves (their other devices need it); of the other
 * partner's events, never a safety check and never a `private` entry — unless its author shared that
 * entry. Sealed answers go, since the recipient's view shows that an answer exists and opens it once
 * they answered too; what the view hides of them is hidden by the view.
 *
 * Encrypted events are filtered by their envelope, as a relay without the key does. A share opens an
 * entry only when it is readable (see `relayReadableEventTypes`): an encrypted one opens nothing.
 */
export function eventsFor<E extends LoggedEvent | EncryptedEvent>(
  events: readonly E[],
  recipient: string,
): E[] {
  const shares = sharesOf(events.filter((event) => 'data' in event) as readonly LoggedEvent[]);
  return events.filter((event) => mayHold(event, recipient, shares));
}
