import type { LoggedEvent } from '../events/types.js';
import { mayHold, sharesOf } from '../visibility/policy.js';

/**
 * The events a device of `recipient` may hold, in the order given, as the visibility policy decides
 * (`mayHold`): everything the recipient wrote themselves (their other devices need it); of the other
 * partner's events, never a safety check, and never a `private` entry or a `sealed` answer unless its
 * author shared (revealed) it; a sealed answer's mark goes, which says only that it exists.
 *
 * Plain events only: an encrypted event hides its type and visibility, so no filter can judge it
 * without the key. Filter before encrypting, as `exportEvents` does.
 */
export function eventsFor<E extends LoggedEvent>(events: readonly E[], recipient: string): E[] {
  const shares = sharesOf(events);
  return events.filter((event) => mayHold(event, recipient, shares));
}
