import { eventsFor } from '@attune/core/sync';
import { isPlain, type RelayEvent } from './relay-event.js';

/**
 * The events a device of `recipient` may receive, in the order given. Plain events, from phones
 * that do not encrypt, go through the core's privacy filter (`eventsFor`), which reads their type,
 * visibility, author and the shares among them. Encrypted events hide their type and visibility, so
 * the relay cannot judge them and hands every one to both partners' devices: a phone encrypts only
 * what `exportEvents` let through for the other partner, and the other partner's phone checks
 * again on import. An encrypted share opens no plain entry here.
 */
export function relayedTo(events: readonly RelayEvent[], recipient: string): RelayEvent[] {
  const allowed = new Set<RelayEvent>(eventsFor(events.filter(isPlain), recipient));
  return events.filter((event) => !isPlain(event) || allowed.has(event));
}
