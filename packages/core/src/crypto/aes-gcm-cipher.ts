import { fromBase64, toBase64 } from './base64.js';
import type { EncryptedPayload, EventEnvelopeFields, PayloadCipher } from './cipher.js';
import { AttuneCryptoError } from './crypto-error.js';
import { type CryptoKeyLike, platformCrypto, type WebCryptoLike } from './web-crypto.js';

const ALGORITHM = 'AES-GCM';
// 96 bits is the IV length GCM is designed for; a random one per message keeps (key, IV) pairs unique
// with overwhelming probability for far more events than a couple will ever write.
const IV_BYTES = 12;

/** Options of {@link createAesGcmCipher}. */
export interface AesGcmCipherOptions {
  /**
   * AES-GCM keys by id. Each payload names the key it was encrypted with, so keys can be rotated:
   * add the new key, encrypt with it, keep the old one for reading.
   */
  readonly keys: Readonly<Record<string, CryptoKeyLike>>;
  /**
   * The id of the key that encrypts, or a function that picks one per event from the whole event
   * but its data — for example a key only the author's own devices hold for `private` entries.
   * Default: the first key. The id travels readable beside the ciphertext, so a key picked by type
   * or visibility tells a relay that much of the event.
   */
  readonly encryptWith?: string | ((envelope: EventEnvelopeFields) => string);
  /** WebCrypto to use (default `globalThis.crypto`). */
  readonly crypto?: WebCryptoLike;
}

function webCrypto(given: WebCryptoLike | undefined): WebCryptoLike {
  const found = given ?? platformCrypto();
  if (!found) {
    throw new AttuneCryptoError(
      'unavailable',
      undefined,
      'This platform has no WebCrypto (globalThis.crypto.subtle)',
      'Pass a WebCrypto implementation as the `crypto` option, or use a PayloadCipher of your own',
    );
  }
  return found;
}

/**
 * The reference {@link PayloadCipher}: AES-GCM on WebCrypto with a random 96-bit IV per event and the
 * event's readable envelope (id, author, device, sequence, clock) as associated data. A changed bit
 * in the ciphertext or the envelope is refused when decrypting. Its ciphertext is the padded
 * plaintext and a 16-byte tag, so its length tells only the plaintext's size bucket.
 *
 * @example
 * ```ts
 * const key = await generateAesGcmKey();
 * const cipher = createAesGcmCipher({ keys: { 'couple-2026': key } });
 * const sealed = await encryptEvents(batch.events, cipher);
 * ```
 */
export function createAesGcmCipher(options: AesGcmCipherOptions): PayloadCipher {
  const crypto = webCrypto(options.crypto);
  const ids = Object.keys(options.keys);
  const first = ids[0];
  if (first === undefined) {
    throw new AttuneCryptoError(
      'unknown-key',
      undefined,
      'createAesGcmCipher was given no keys',
      'Pass at least one key, such as one from generateAesGcmKey()',
    );
  }
  const { encryptWith = first } = options;
  const keyById = (id: string, event: string | undefined): CryptoKeyLike => {
    const key = Object.hasOwn(options.keys, id) ? options.keys[id] : undefined;
    if (!key) {
      throw new AttuneCryptoError(
        'unknown-key',
        event,
        `No key "${id}" among this cipher's keys (${ids.join(', ')})`,
        'Add the key to `keys`; keep old keys for as long as events encrypted with them exist',
      );
    }
    return key;
  };
  if (typeof encryptWith === 'string') keyById(encryptWith, undefined);
  return {
    async encrypt(plaintext, associatedData, envelope): Promise<EncryptedPayload> {
      const keyId = typeof encryptWith === 'string' ? encryptWith : encryptWith(envelope);
      const key = keyById(keyId, envelope.id);
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt(
        { name: ALGORITHM, iv, additionalData: associatedData, tagLength: 128 },
        key,
        plaintext,
      );
      return {
        cipher: ALGORITHM,
        key: keyId,
        iv: toBase64(iv),
        ciphertext: toBase64(new Uint8Array(ciphertext)),
      };
    },
    async decrypt(payload, associatedData): Promise<Uint8Array> {
      if (payload.cipher !== ALGORITHM) {
        throw new AttuneCryptoError(
          'malformed',
          undefined,
          `The payload was encrypted with "${payload.cipher}", not ${ALGORITHM}`,
          'Decrypt it with the cipher that encrypted it',
        );
      }
      const key = keyById(payload.key, undefined);
      const iv = fromBase64(payload.iv);
      const ciphertext = fromBase64(payload.ciphertext);
      if (iv?.length !== IV_BYTES || !ciphertext) {
        throw new AttuneCryptoError(
          'malformed',
          undefined,
          `The payload's iv should be ${IV_BYTES} bytes and its ciphertext base64`,
          'Send payloads as the cipher produced them',
        );
      }
      // WebCrypto rejects a wrong tag with an OperationError; decryptEvent turns it into "tampered".
      const plaintext = await crypto.subtle.decrypt(
        { name: ALGORITHM, iv, additionalData: associatedData, tagLength: 128 },
        key,
        ciphertext,
      );
      return new Uint8Array(plaintext);
    },
  };
}

/** Generates a new, non-extractable 256-bit AES-GCM key. */
export async function generateAesGcmKey(crypto?: WebCryptoLike): Promise<CryptoKeyLike> {
  return (await webCrypto(crypto).subtle.generateKey({ name: ALGORITHM, length: 256 }, false, [
    'encrypt',
    'decrypt',
  ])) as CryptoKeyLike;
}

/**
 * Imports a 256-bit AES-GCM key from its 32 raw bytes, such as one derived from a secret the
 * partners exchanged when pairing their devices.
 */
export async function importAesGcmKey(
  raw: Uint8Array<ArrayBuffer>,
  crypto?: WebCryptoLike,
): Promise<CryptoKeyLike> {
  if (raw.length !== 32) {
    throw new AttuneCryptoError(
      'malformed',
      undefined,
      `An AES-256 key is 32 bytes; this one has ${raw.length}`,
      'Pass 32 bytes of key material',
    );
  }
  return (await webCrypto(crypto).subtle.importKey('raw', raw, { name: ALGORITHM }, false, [
    'encrypt',
    'decrypt',
  ])) as CryptoKeyLike;
}
