import { isEncryptedEvent } from '@attune/core/crypto';
import { canonicalJson } from '@attune/core/sync';
import { type RelayEvent, withoutSignature } from './relay-event.js';

/** The fields every event shows the relay, encrypted or not. */
const readableEnvelopeOf = (event: RelayEvent) => ({
  id: event.id,
  partner: event.partner,
  device: event.device,
  seq: event.seq,
  clock: event.clock,
});

/**
 * Whether two versions of one id are the same event, sent twice. Signatures are left out: the same
 * event signed twice carries two different ones. Plain versions must otherwise match whole, as on a
 * device. When either is encrypted only the readable envelopes (id, author, device, sequence,
 * clock) are compared: encrypting again draws a new IV, so the same event sent again has another
 * ciphertext, and the relay cannot read further. Two devices that share a device id and wrote
 * different events under one envelope therefore look alike here; the relay keeps the stored
 * version, and the device that wrote the other finds the clash when it pulls and decrypts its own
 * events.
 */
export function isSameEvent(a: RelayEvent, b: RelayEvent): boolean {
  if (isEncryptedEvent(a) || isEncryptedEvent(b)) {
    return canonicalJson(readableEnvelopeOf(a)) === canonicalJson(readableEnvelopeOf(b));
  }
  return canonicalJson(withoutSignature(a)) === canonicalJson(withoutSignature(b));
}
