import type { LoggedEvent } from '@attune/core';
import type { EncryptedEvent } from '@attune/core/crypto';

/**
 * An event as the relay takes, stores and hands it on: plain, or encrypted, with only its envelope
 * (id, author, device, sequence, clock, type, visibility) readable; and, since the relay checks
 * signatures, with the `signature` its device made with `signEvents` (base64url), which the relay
 * keeps with it and hands on for the other phone to verify. Events a relay from before signatures
 * stored have none.
 */
export type RelayEvent = (LoggedEvent | EncryptedEvent) & { readonly signature?: string };

/**
 * The event without its signature: what two copies of one event are compared by, since signing the
 * same event twice gives two signatures (ECDSA draws a new random number each time).
 */
export function withoutSignature<E extends RelayEvent>(event: E): E {
  if (!Object.hasOwn(event, 'signature')) return event;
  const { signature: _signature, ...unsigned } = event;
  return unsigned as E;
}
