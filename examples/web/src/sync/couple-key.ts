// The key the two phones share, agreed when they pair, so the sync server carries what partners
// write without being able to read it. Each phone makes an ECDH key pair and gives the server only
// the public half; the server hands each phone the other's. Both then derive the same AES-GCM key,
// which never leaves them. Each phone also gives its device's signing key (`device-signing.ts`). A
// server that swapped in keys of its own would make the two phones' pairing checks differ, which is
// why the app asks the partners to compare them.

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
// Names what the derived key is for, so the same pair could never yield it for another purpose.
const PURPOSE = new TextEncoder().encode('attune couple events, version 1');
// Twelve digits: a server would have to try about a trillion key pairs to fake matching checks.
const CHECK_DIGITS = 12;

/** A fresh key pair for pairing; the private half cannot be exported. */
export function createPairingKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDH, false, ['deriveBits']) as Promise<CryptoKeyPair>;
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** The public half as text, for the sync server to pass on. */
export async function publicKeyText(keys: CryptoKeyPair): Promise<string> {
  return toBase64(await crypto.subtle.exportKey('raw', keys.publicKey));
}

/**
 * The couple's AES-GCM key, from this phone's key pair and the other phone's public key; the other
 * phone derives the same one. Bound to the couple's id. It cannot be exported.
 *
 * @throws when `theirs` is not a P-256 public key.
 */
export async function deriveCoupleKey(
  keys: CryptoKeyPair,
  theirs: string,
  coupleId: string,
): Promise<CryptoKey> {
  const publicKey = await crypto.subtle.importKey('raw', fromBase64(theirs), ECDH, false, []);
  const shared = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: publicKey },
    keys.privateKey,
    256,
  );
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode(coupleId),
      info: PURPOSE,
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** What one phone gives the other when pairing, all of which the pairing check covers. */
export interface PairingKeys {
  /** Its ECDH public key (`publicKeyText`), for the couple key. */
  readonly publicKey: string;
  /** The device it pairs with, which its events name. */
  readonly device: string;
  /** That device's signing key (`exportSigningPublicKey`), which its events must verify with. */
  readonly signingKey: string;
}

const sideOf = ({ publicKey, device, signingKey }: PairingKeys) =>
  JSON.stringify([publicKey, device, signingKey]);

/**
 * The number both phones show after pairing, made from both phones' public keys, their devices and
 * their signing keys, in a fixed order: the same on both phones when each holds the other's real
 * keys. A server that swapped the key agreement's keys could read along; one that swapped a signing
 * key could write in that partner's name; either way the numbers differ. Twelve digits in groups of
 * four.
 */
export async function pairingCheck(ours: PairingKeys, theirs: PairingKeys): Promise<string> {
  const [first, second] = [sideOf(ours), sideOf(theirs)].sort();
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`attune pairing check, version 2|${first}|${second}`),
  );
  const value = new DataView(digest).getBigUint64(0) % 10n ** BigInt(CHECK_DIGITS);
  return value.toString().padStart(CHECK_DIGITS, '0').match(/\d{4}/g)?.join(' ') ?? '';
}
