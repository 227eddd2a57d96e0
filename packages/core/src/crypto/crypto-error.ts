import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';

/** Why an event could not be encrypted or decrypted. */
export type CryptoErrorCode =
  /** The ciphertext, or the readable envelope bound to it, changed after encryption. */
  | 'tampered'
  /** The payload names a key the cipher does not hold. */
  | 'unknown-key'
  /** The payload is not in the shape an encrypted event has. */
  | 'malformed'
  /** The event is larger than the largest size an encrypted event is padded to. */
  | 'too-large'
  /** An encrypted event was expected and a plain one arrived. */
  | 'not-encrypted'
  /** The platform has no WebCrypto. */
  | 'unavailable';

/** An event that could not be encrypted or decrypted: which one, what was wrong, and how to fix it. */
export class AttuneCryptoError extends AttuneError<CryptoErrorCode> {
  /** The id of the event concerned, when it has one. */
  readonly eventId: string | undefined;
  constructor(code: CryptoErrorCode, eventId: string | undefined, message: string, fix: string) {
    super('AttuneCryptoError', { code, message, fix });
    this.eventId = eventId;
  }

  /** Whether `error` is an `AttuneCryptoError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneCryptoError {
    return isAttuneErrorNamed(error, 'AttuneCryptoError');
  }
}
