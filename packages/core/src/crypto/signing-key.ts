import { canonicalJson } from '../log/canonical-json.js';
import { fromBase64Url, toBase64Url } from './base64url.js';
import { AttuneSignatureError } from './signature-error.js';
import {
  type CryptoKeyLike,
  platformCrypto,
  type SigningCryptoLike,
  utf8Encode,
} from './web-crypto.js';

// One parameter object for every call: WebCrypto reads `namedCurve` when making and importing keys
// and `hash` when signing and verifying, and ignores the member it does not need.
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
// An uncompressed P-256 point: 0x04, then x and y of 32 bytes each.
const PUBLIC_KEY_BYTES = 65;

/**
 * A device's signing key pair, as `crypto.subtle.generateKey` makes it.
 *
 * @example
 * ```ts
 * const keys: DeviceSigningKeyPair = await generateDeviceSigningKey();
 * await saveInIndexedDb('signing-key', keys); // a CryptoKey is stored as it is
 * ```
 */
export interface DeviceSigningKeyPair {
  /** Signs; cannot be exported. Keep it on the device (IndexedDB holds a `CryptoKey` as it is). */
  readonly privateKey: CryptoKeyLike;
  /** Verifies; what the other devices learn, as {@link exportSigningPublicKey} writes it. */
  readonly publicKey: CryptoKeyLike;
}

/**
 * Signs for one device of one partner of one couple. {@link createDeviceSigner} makes one from a
 * WebCrypto key; a host can supply its own, such as one backed by the platform keychain.
 *
 * @example
 * ```ts
 * const signer: DeviceSigner = {
 *   couple: 'c1',
 *   partner: 'ana',
 *   device,
 *   sign: (message) => keychain.signP256(message), // r and s, 64 bytes
 * };
 * ```
 */
export interface DeviceSigner {
  /** The couple's id. */
  readonly couple: string;
  /** The partner this device belongs to. */
  readonly partner: string;
  /** This device's id, as its events name it. */
  readonly device: string;
  /** Signs `message` with ECDSA P-256 over SHA-256, as WebCrypto does: `r` and `s`, 64 bytes. */
  sign(message: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

/**
 * Options of {@link createDeviceSigner}.
 *
 * @example
 * ```ts
 * const options: DeviceSignerOptions = { couple: 'c1', partner: 'ana', device, privateKey };
 * ```
 */
export interface DeviceSignerOptions {
  /** The couple's id. */
  readonly couple: string;
  /** The partner this device belongs to. */
  readonly partner: string;
  /** This device's id. */
  readonly device: string;
  /** The private half of {@link generateDeviceSigningKey}. */
  readonly privateKey: CryptoKeyLike;
  /** WebCrypto to use (default `globalThis.crypto`). */
  readonly crypto?: SigningCryptoLike;
}

/** The given WebCrypto, or the platform's; throws when there is none. */
export function signingCrypto(given: SigningCryptoLike | undefined): SigningCryptoLike {
  const found = given ?? platformCrypto();
  if (!found) {
    throw new AttuneSignatureError(
      'unavailable',
      'This platform has no WebCrypto (globalThis.crypto.subtle)',
      'Pass a WebCrypto implementation as the `crypto` option',
    );
  }
  return found;
}

// What is signed: the canonical JSON of a statement as JSON carries it, so that a field that is
// `undefined` (which JSON leaves out) signs and verifies the same on both sides.
const statementBytes = (statement: object): Uint8Array<ArrayBuffer> =>
  utf8Encode(canonicalJson(JSON.parse(JSON.stringify(statement))));

/**
 * Generates a new signing key pair for this device: ECDSA on P-256 with SHA-256, the private key
 * not extractable. Make one per device, when it is set up, and keep it with the device id.
 *
 * @example
 * ```ts
 * const keys = await generateDeviceSigningKey();
 * const publicKey = await exportSigningPublicKey(keys); // send this when pairing
 * const signer = createDeviceSigner({ couple: 'c1', partner: 'ana', device, privateKey: keys.privateKey });
 * ```
 */
export async function generateDeviceSigningKey(
  crypto?: SigningCryptoLike,
): Promise<DeviceSigningKeyPair> {
  return (await signingCrypto(crypto).subtle.generateKey(ECDSA, false, [
    'sign',
    'verify',
  ])) as DeviceSigningKeyPair;
}

/**
 * The public half of a signing key as text: the raw uncompressed P-256 point, 65 bytes, as
 * base64url (87 characters). This is what a device tells the others when pairing.
 *
 * @example
 * ```ts
 * const keys = await generateDeviceSigningKey();
 * await pair({ device, signingKey: await exportSigningPublicKey(keys) });
 * ```
 */
export async function exportSigningPublicKey(
  key: CryptoKeyLike | DeviceSigningKeyPair,
  crypto?: SigningCryptoLike,
): Promise<string> {
  const publicKey = 'publicKey' in key ? key.publicKey : key;
  return toBase64Url(
    new Uint8Array(await signingCrypto(crypto).subtle.exportKey('raw', publicKey)),
  );
}

/**
 * Reads a public key that {@link exportSigningPublicKey} wrote.
 *
 * @example
 * ```ts
 * const key = await importSigningPublicKey(binding.publicKey);
 * ```
 * @throws {@link AttuneSignatureError} `malformed` when the text is not a P-256 public key.
 */
export async function importSigningPublicKey(
  text: string,
  crypto?: SigningCryptoLike,
): Promise<CryptoKeyLike> {
  const subtle = signingCrypto(crypto).subtle;
  const bytes = typeof text === 'string' ? fromBase64Url(text) : undefined;
  // Only the text exportSigningPublicKey writes, so that one key has one text to compare bindings
  // by; WebCrypto refuses a point that is not on the curve.
  const key =
    bytes?.length === PUBLIC_KEY_BYTES && bytes[0] === 4 && toBase64Url(bytes) === text
      ? await subtle.importKey('raw', bytes, ECDSA, true, ['verify']).catch(() => undefined)
      : undefined;
  if (!key) {
    throw new AttuneSignatureError(
      'malformed',
      `"${String(text).slice(0, 24)}" is not a P-256 public key as base64url`,
      'Pass the text exportSigningPublicKey wrote',
    );
  }
  return key as CryptoKeyLike;
}

/**
 * A {@link DeviceSigner} over a WebCrypto private key.
 *
 * @example
 * ```ts
 * const signer = createDeviceSigner({ couple: couple.id, partner: 'ana', device, privateKey });
 * const signed = await signEvents(await encryptEvents(batch.events, cipher), signer);
 * ```
 */
export function createDeviceSigner(options: DeviceSignerOptions): DeviceSigner {
  const subtle = signingCrypto(options.crypto).subtle;
  const { couple, partner, device, privateKey } = options;
  return {
    couple,
    partner,
    device,
    sign: async (message) => new Uint8Array(await subtle.sign(ECDSA, privateKey, message)),
  };
}

/** The signature (base64url) of the canonical JSON of `statement`. */
export async function signStatement(signer: DeviceSigner, statement: object): Promise<string> {
  return toBase64Url(await signer.sign(statementBytes(statement)));
}

/**
 * Whether `signature` (base64url) is `key`'s over the canonical JSON of `statement`; false for a
 * signature that is not canonical base64url and for a statement that is not JSON.
 */
export async function verifyStatement(
  crypto: SigningCryptoLike,
  key: CryptoKeyLike,
  signature: string,
  statement: object,
): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  // One text per signature: the spare bits of the last character must be zero.
  if (!bytes || toBase64Url(bytes) !== signature) return false;
  let message: Uint8Array<ArrayBuffer>;
  try {
    message = statementBytes(statement);
  } catch {
    return false;
  }
  return crypto.subtle.verify(ECDSA, key, bytes, message);
}
