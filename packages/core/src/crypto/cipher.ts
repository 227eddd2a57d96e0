import type { EventEnvelope } from '../events/types.js';

/** Every field of an event except its data: what stays readable, and bound, when data is encrypted. */
export type EventEnvelopeFields = Omit<EventEnvelope<string, unknown>, 'data'>;

/** An event's data after encryption. Binary values are standard base64. */
export interface EncryptedPayload {
  /** The algorithm, such as `AES-GCM`. */
  readonly cipher: string;
  /** Which of the host's keys encrypted it, so keys can be rotated. */
  readonly key: string;
  /** The initialisation vector (nonce). */
  readonly iv: string;
  /** The ciphertext, with the authentication tag. */
  readonly ciphertext: string;
}

/**
 * Encrypts and decrypts event payloads, supplied by the host app. Attune calls it with the data as
 * UTF-8 JSON and with associated data that binds the event's envelope (id, author, device, sequence,
 * clock, type and visibility): a cipher must authenticate both, so that a changed byte in either is
 * refused. {@link createAesGcmCipher} is the reference implementation on WebCrypto.
 */
export interface PayloadCipher {
  /** Encrypts one event's data. `envelope` lets a cipher pick a key, such as one per visibility. */
  encrypt(
    plaintext: Uint8Array<ArrayBuffer>,
    associatedData: Uint8Array<ArrayBuffer>,
    envelope: EventEnvelopeFields,
  ): Promise<EncryptedPayload>;
  /**
   * Decrypts one payload. Throws when the payload or the associated data was changed, or when it
   * names a key the cipher does not hold (an {@link AttuneCryptoError} with code `unknown-key`).
   */
  decrypt(payload: EncryptedPayload, associatedData: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}
