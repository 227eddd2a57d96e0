import type { EventEnvelope } from '../events/types.js';

/**
 * Every field of an event except its data: what a {@link PayloadCipher} is told of the event it
 * encrypts, on the device that encrypts it. Of these, only a {@link ReadableEnvelope} travels
 * readable; the type and the visibility go inside the ciphertext with the data.
 */
export type EventEnvelopeFields = Omit<EventEnvelope<string, unknown>, 'data'>;

/**
 * The fields an encrypted event leaves readable, and binds as associated data: what a relay needs to
 * route an event (`partner`), tie it to a signing device (`device`), keep one copy per id (`id`,
 * `seq`) and honour an erasure (`partner`, `clock`). Never its type or visibility.
 */
export type ReadableEnvelope = Pick<
  EventEnvelopeFields,
  'id' | 'partner' | 'device' | 'seq' | 'clock'
>;

/** An event's data after encryption. Binary values are standard base64. */
export interface EncryptedPayload {
  /** The algorithm, such as `AES-GCM`. */
  readonly cipher: string;
  /** Which of the host's keys encrypted it, so keys can be rotated. It travels readable. */
  readonly key: string;
  /** The initialisation vector (nonce). */
  readonly iv: string;
  /** The ciphertext, with the authentication tag. */
  readonly ciphertext: string;
}

/**
 * Encrypts and decrypts event payloads, supplied by the host app. Attune calls it with the event's
 * type, visibility and data as UTF-8 JSON, padded with spaces to a size bucket (256 bytes, then
 * powers of two up to 128 KiB), and with associated data that binds the readable envelope (id,
 * author, device, sequence and clock): a cipher must authenticate both, so that a changed byte in
 * either is refused. Its ciphertext should be the padded plaintext's length plus a fixed overhead,
 * as AES-GCM's is, so that it tells no more than the bucket. {@link createAesGcmCipher} is the
 * reference implementation on WebCrypto.
 */
export interface PayloadCipher {
  /**
   * Encrypts one event's type, visibility and data. `envelope` is the whole event but its data, type
   * and visibility included, so a cipher can pick a key per event; the key's id travels readable
   * (`EncryptedPayload.key`), so a key picked by type or visibility tells a relay what it was picked
   * by.
   */
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
