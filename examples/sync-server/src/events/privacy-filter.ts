import { isEncryptedEvent } from '@attune/core/crypto';
import { eventsFor, relayReadableEventTypes } from '@attune/core/sync';
import type { RelayEvent } from './relay-event.js';

/**
 * The events a device of `recipient` may hold, in the order given, decided by the core's privacy
 * filter (`eventsFor`) over plain and encrypted events alike. The filter reads the type, visibility,
 * author and id of every event, which stay readable when data is encrypted, and the data of shares,
 * which the relay takes only plain. An encrypted share or erasure request says nothing the relay can
 * act on, so it is never handed on: uploads refuse them, and one that reached storage another way
 * stays there.
 */
export function relayedTo(events: readonly RelayEvent[], recipient: string): RelayEvent[] {
  const readable = events.filter(
    (event) => !(isEncryptedEvent(event) && relayReadableEventTypes.includes(event.type)),
  );
  return eventsFor(readable, recipient);
}
