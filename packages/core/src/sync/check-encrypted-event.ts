import type { EncryptedEvent } from '../crypto/encrypted-event.js';
import { checkEnvelope, type EventCheckContext } from '../log/check-event.js';
import { AttuneEventError } from '../log/event-error.js';

// Generous for one event: its text (at most 20,000 characters, up to 4 bytes each in UTF-8, with
// JSON escapes) in base64 fits well within it.
const MAX_CIPHERTEXT = 256_000;
const MAX_NAME = 128;

/**
 * The event types a relay reads the data of, so they travel readable when the rest is encrypted: a
 * share (`entry-shared`) is what lets a private entry through the relay's privacy check, and an
 * erasure request (`erasure-requested`) is what the relay honours by deleting what it covers. Their
 * data holds event ids, a partner id and a clock, never anything a partner wrote.
 */
export const relayReadableEventTypes: readonly string[] = Object.freeze([
  'entry-shared',
  'erasure-requested',
]);

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new AttuneEventError(
      'malformed',
      field,
      `${field} should be text of 1 to ${max} characters`,
      'Send events as encryptEvent produced them.',
    );
  }
  return value;
}

/**
 * Checks an encrypted event from elsewhere, as a relay must without the key: its envelope exactly as
 * `checkEvent` checks it (id, author, device, sequence, clock, type, visibility) and the shape of its
 * encrypted payload. Returns a fresh copy holding only those fields. Whether the payload decrypts is
 * for the devices that hold the key to find out.
 *
 * @throws `AttuneEventError` (from `@attune/core`) naming the field at fault.
 */
export function checkEncryptedEvent(input: unknown, context: EventCheckContext): EncryptedEvent {
  const { data: _unread, ...envelope } = checkEnvelope(input, context);
  const payload = (input as { readonly encrypted?: unknown }).encrypted;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new AttuneEventError(
      'malformed',
      'encrypted',
      'encrypted should be an object with cipher, key, iv and ciphertext',
      'Send events as encryptEvent produced them.',
    );
  }
  const fields = payload as Record<string, unknown>;
  return {
    ...envelope,
    encrypted: {
      cipher: text(fields.cipher, 'encrypted.cipher', MAX_NAME),
      key: text(fields.key, 'encrypted.key', MAX_NAME),
      iv: text(fields.iv, 'encrypted.iv', MAX_NAME),
      ciphertext: text(fields.ciphertext, 'encrypted.ciphertext', MAX_CIPHERTEXT),
    },
  };
}
