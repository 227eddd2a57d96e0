import type { LoggedEvent } from '@attune/core';
import { type EncryptedEvent, isEncryptedEvent } from '@attune/core/crypto';

/**
 * An event as the relay takes, stores and hands it on: plain, or encrypted, with only its readable
 * envelope (id, author, device, sequence, clock) to read, its type and visibility inside the
 * ciphertext; and, since the relay checks signatures, with the `signature` its device made with
 * `signEvents` (base64url), which the relay keeps with it and hands on for the other phone to
 * verify. Events a relay from before signatures stored have none.
 */
export type RelayEvent = (LoggedEvent | EncryptedEvent) & { readonly signature?: string };

/** A relay event the relay can read whole: sent plain, by a phone without a couple key or as an erasure. */
export type PlainRelayEvent = LoggedEvent & { readonly signature?: string };

/** Whether the relay can read an event's type, visibility and data. */
export function isPlain(event: RelayEvent): event is PlainRelayEvent {
  return !isEncryptedEvent(event);
}

/** The type of an event as the relay can tell it: a plain event's own, none for an encrypted one. */
export function readableTypeOf(event: RelayEvent): string | null {
  return isPlain(event) ? event.type : null;
}

/**
 * The event without its signature: what two copies of one event are compared by, since signing the
 * same event twice gives two signatures (ECDSA draws a new random number each time).
 */
export function withoutSignature<E extends RelayEvent>(event: E): E {
  if (!Object.hasOwn(event, 'signature')) return event;
  const { signature: _signature, ...unsigned } = event;
  return unsigned as E;
}
