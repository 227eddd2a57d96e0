import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';

/**
 * Why an event or an introduction was refused, or a key or binding could not be used.
 *
 * @example
 * ```ts
 * const code: SignatureErrorCode = rejected[0]?.error.code ?? 'unsigned';
 * ```
 */
export type SignatureErrorCode =
  /** The event or introduction has no signature. */
  | 'unsigned'
  /** The signature does not match: something changed after signing, or another key signed it. */
  | 'bad-signature'
  /** The signing device is not bound to any partner in this keyring. */
  | 'unknown-device'
  /** The device is bound to the other partner than the one the event or introduction names. */
  | 'device-of-other-partner'
  /** A device id already bound to another key: two devices use one id, as after restoring a backup. */
  | 'device-clash'
  /** A binding or introduction of another couple. */
  | 'wrong-couple'
  /** `signEvents` was given an event of another device or partner than its signer's. */
  | 'wrong-signer'
  /** Not in the shape of a signed event, an introduction, a binding or a public key. */
  | 'malformed'
  /** The platform has no WebCrypto. */
  | 'unavailable';

/**
 * What an {@link AttuneSignatureError} is about, where it is about one event or device.
 *
 * @example
 * ```ts
 * const { eventId, device }: SignatureErrorSubject = error;
 * ```
 */
export interface SignatureErrorSubject {
  /** The id of the event concerned. */
  readonly eventId?: string | undefined;
  /** The id of the device concerned: the signer, or the device a binding names. */
  readonly device?: string | undefined;
}

/**
 * A signature that could not be made or verified, or a device that could not be bound: which event
 * or device, what was wrong, and how to fix it.
 *
 * @example
 * ```ts
 * const { rejected } = await verifyEvents(arrived, keyring);
 * for (const { error } of rejected) {
 *   if (error.code === 'device-clash' && error.device === myDevice) myDevice = createDeviceId();
 * }
 * ```
 */
export class AttuneSignatureError extends AttuneError<SignatureErrorCode> {
  /** The id of the event concerned, when there is one. */
  readonly eventId: string | undefined;
  /** The id of the device concerned, when there is one. */
  readonly device: string | undefined;

  constructor(
    code: SignatureErrorCode,
    message: string,
    fix: string,
    subject: SignatureErrorSubject = {},
  ) {
    super('AttuneSignatureError', { code, message, fix });
    this.eventId = subject.eventId;
    this.device = subject.device;
  }

  /** Whether `error` is an `AttuneSignatureError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneSignatureError {
    return isAttuneErrorNamed(error, 'AttuneSignatureError');
  }
}
