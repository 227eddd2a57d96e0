import type { EncryptedEvent } from '../crypto/encrypted-event.js';
import { checkReadableFields, type EventCheckContext } from '../log/check-event.js';
import { AttuneEventError } from '../log/event-error.js';

// Generous for one event: the largest padded plaintext (128 KiB) and its tag, in base64, is under
// 175,000 characters.
const MAX_CIPHERTEXT = 256_000;
const MAX_NAME = 128;

/**
 * The event types a relay reads the data of, so they travel readable when the rest is encrypted:
 * an erasure request (`erasure-requested`), which the relay honours by deleting what it covers. Its
 * data holds a partner id and a clock, never anything a partner wrote. Everything else, shares
 * included, travels encrypted with its type and visibility, and a relay hands it on unread.
 */
export const relayReadableEventTypes: readonly string[] = Object.freeze(['erasure-requested']);

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
 * Refuses an encrypted event that shows its type or visibility, as the first encrypted format did:
 * a relay should not store what tells it which kind of event a partner recorded.
 */
function refuseReadable(event: Readonly<Record<string, unknown>>, field: 'type' | 'visibility') {
  if (!Object.hasOwn(event, field)) return;
  throw new AttuneEventError(
    'malformed',
    field,
    `${field} should be absent from an encrypted event, which carries it inside its ciphertext`,
    'Encrypt with encryptEvents of this @attune/core version, which hides the type and visibility',
  );
}

/**
 * Checks an encrypted event from elsewhere, as a relay must without the key: its readable envelope
 * exactly as `checkEvent` checks those fields (id, author, device, sequence, clock), that it shows
 * no type or visibility, and the shape of its encrypted payload. Returns a fresh copy holding only
 * those fields. Whether the payload decrypts, and what type and visibility it holds, is for the
 * devices that hold the key to find out.
 *
 * @throws `AttuneEventError` (from `@attune/core`) naming the field at fault.
 */
export function checkEncryptedEvent(input: unknown, context: EventCheckContext): EncryptedEvent {
  const envelope = checkReadableFields(input, context);
  const event = input as Readonly<Record<string, unknown>>;
  refuseReadable(event, 'type');
  refuseReadable(event, 'visibility');
  const payload = event.encrypted;
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
