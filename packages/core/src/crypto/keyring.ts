import { canonicalJson } from '../log/canonical-json.js';
import { AttuneSignatureError, type SignatureErrorCode } from './signature-error.js';
import {
  type DeviceSigner,
  importSigningPublicKey,
  signingCrypto,
  signStatement,
  verifyStatement,
} from './signing-key.js';
import type { CryptoKeyLike, SigningCryptoLike } from './web-crypto.js';

const INTRODUCTION = 'attune-device-introduction';
const AS_MADE = 'Pass what introduceDevice returned';
const SAME_PARTNER = "Introduce a device from one of its own partner's devices";

/**
 * A device bound to one partner of one couple, with the public key its signatures verify with.
 * The host app learns one for the first device of each partner when the two pair.
 *
 * @example
 * ```ts
 * const binding: DeviceBinding = {
 *   couple: 'c1',
 *   partner: 'kai',
 *   device: paired.device,
 *   publicKey: paired.signingKey, // as exportSigningPublicKey wrote it on Kai's phone
 * };
 * ```
 */
export interface DeviceBinding {
  /** The couple's id. */
  readonly couple: string;
  /** The partner the device belongs to. */
  readonly partner: string;
  /** The device's id, as its events name it. */
  readonly device: string;
  /** Its signing key, as {@link exportSigningPublicKey} writes it. */
  readonly publicKey: string;
}

/**
 * A bound device's signed statement that another device belongs to the same partner, such as the
 * tablet a partner adds after pairing their phone. Anyone may carry it; only the keyring believes
 * it, and only from a device already bound to that partner.
 *
 * @example
 * ```ts
 * const introduction: DeviceIntroduction = await introduceDevice(phoneSigner, tabletBinding);
 * await relay.post(`/couples/c1/introductions`, introduction);
 * ```
 */
export interface DeviceIntroduction extends DeviceBinding {
  /** What kind of statement this is, so that no signature of an event can pass for one. */
  readonly statement: 'attune-device-introduction';
  /** The format of the statement. */
  readonly version: 1;
  /** The id of the bound device that introduces this one. */
  readonly by: string;
  /** `by`'s signature over the canonical JSON of every other field, as base64url. */
  readonly signature: string;
}

/**
 * Options of {@link createDeviceKeyring}.
 *
 * @example
 * ```ts
 * const options: DeviceKeyringOptions = { couple: 'c1', bindings: [anasPhone, kaisPhone] };
 * ```
 */
export interface DeviceKeyringOptions {
  /** The couple's id. */
  readonly couple: string;
  /** What pairing taught the host: the first device of each partner, in any order. */
  readonly bindings: readonly DeviceBinding[];
  /** WebCrypto to use (default `globalThis.crypto`). */
  readonly crypto?: SigningCryptoLike;
}

/**
 * The outcome of {@link DeviceKeyring.addAll}.
 *
 * @example
 * ```ts
 * const { added, rejected }: AddIntroductionsResult = await keyring.addAll(introductions);
 * for (const { index, error } of rejected) console.warn(index, error.code, error.fix);
 * ```
 */
export interface AddIntroductionsResult {
  /** The devices the accepted introductions bind (or had bound already), in the order given. */
  readonly added: readonly DeviceBinding[];
  /** Introductions refused, by their index in the input, with the reason. */
  readonly rejected: readonly { readonly index: number; readonly error: AttuneSignatureError }[];
}

/**
 * Which device belongs to which partner of one couple, and the key each one signs with. A device is
 * bound to one partner and one key for good: a second binding of its id to another partner or key
 * is refused, which is how a backup restored onto a second device, keeping the first one's id, is
 * caught.
 *
 * @example
 * ```ts
 * const keyring: DeviceKeyring = await createDeviceKeyring({ couple: 'c1', bindings });
 * await keyring.addAll(introductions);
 * keyring.get('d-5f0c…')?.partner; // 'ana'
 * ```
 */
export interface DeviceKeyring {
  /** The couple's id. */
  readonly couple: string;
  /** The binding of a device, or `undefined` when it is not bound. */
  get(device: string): DeviceBinding | undefined;
  /** Every binding, by device id. */
  bindings(): readonly DeviceBinding[];
  /**
   * Binds the device an introduction names, when a device already bound to the same partner signed
   * it. Adding one that is already bound the same way changes nothing.
   *
   * @throws {@link AttuneSignatureError}: `unknown-device` when the introducer is not bound yet,
   *   `device-of-other-partner`, `bad-signature`, `device-clash`, `wrong-couple`, `unsigned` or
   *   `malformed`.
   */
  add(introduction: unknown): Promise<DeviceBinding>;
  /**
   * Adds introductions in whatever order they came: one whose introducer another of them
   * introduces waits for it, and the outcome is the same for every order. When two introductions
   * bind one device to different keys, the one whose canonical JSON sorts first is kept, so every
   * device decides the same way; the other is refused with `device-clash`.
   */
  addAll(introductions: readonly unknown[]): Promise<AddIntroductionsResult>;
  /**
   * Whether `signature` (base64url) is the signature of `device`'s bound key over the canonical
   * JSON of `statement`; false for a device that is not bound. {@link verifyEvents} builds on it.
   */
  verifyStatement(device: string, statement: object, signature: string): Promise<boolean>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function fail(code: SignatureErrorCode, message: string, fix: string, device?: string): never {
  throw new AttuneSignatureError(code, message, fix, { device });
}

/** A sort key for any value, so that introductions are tried in one order whatever order came. */
function sortKey(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return '';
  }
}

function checkBinding(value: unknown, couple: string, what: string): DeviceBinding {
  if (
    !isObject(value) ||
    !isId(value.couple) ||
    !isId(value.partner) ||
    !isId(value.device) ||
    typeof value.publicKey !== 'string'
  ) {
    return fail(
      'malformed',
      `${what} needs a couple, partner, device and publicKey as text`,
      'Pass what pairing learned or introduceDevice returned',
    );
  }
  if (value.couple !== couple) {
    fail(
      'wrong-couple',
      `${what} of device "${value.device}" is for couple "${value.couple}", not "${couple}"`,
      'Keep one keyring per couple',
      value.device,
    );
  }
  return value as unknown as DeviceBinding;
}

/**
 * Makes a keyring from the bindings pairing taught the host. Add the introductions the couple's
 * devices made since with {@link DeviceKeyring.addAll}; keep both, and build the keyring from them
 * again when the app starts.
 *
 * @example
 * ```ts
 * const keyring = await createDeviceKeyring({
 *   couple: 'c1',
 *   bindings: [
 *     { couple: 'c1', partner: 'ana', device: 'ana-phone', publicKey: anasKey },
 *     { couple: 'c1', partner: 'kai', device: 'kai-phone', publicKey: kaisKey },
 *   ],
 * });
 * await keyring.addAll(storedIntroductions);
 * ```
 * @throws {@link AttuneSignatureError}: `device-clash` or `device-of-other-partner` when two
 *   bindings give one device id different keys or partners, `wrong-couple` or `malformed`.
 */
export async function createDeviceKeyring(options: DeviceKeyringOptions): Promise<DeviceKeyring> {
  const { couple } = options;
  const crypto = signingCrypto(options.crypto);
  const held = new Map<string, { readonly binding: DeviceBinding; readonly key: CryptoKeyLike }>();

  // Checked and set in one synchronous step, after every await, so that two adds at once cannot both
  // bind one device.
  const place = (given: DeviceBinding, key: CryptoKeyLike): DeviceBinding => {
    const { partner, device, publicKey } = given;
    const bound = held.get(device);
    if (bound && bound.binding.partner !== partner) {
      fail(
        'device-of-other-partner',
        `Device "${device}" is bound to "${bound.binding.partner}", not "${partner}"`,
        'A device belongs to one partner: give the other one a new id (createDeviceId)',
        device,
      );
    }
    if (bound && bound.binding.publicKey !== publicKey) {
      fail(
        'device-clash',
        `Device "${device}" is bound to another key: two devices use one id, as after restoring a backup`,
        'Give the newer device a new id (createDeviceId) and signing key',
        device,
      );
    }
    if (bound) return bound.binding;
    const binding = { couple, partner, device, publicKey };
    held.set(device, { binding, key });
    return binding;
  };

  const add = async (value: unknown): Promise<DeviceBinding> => {
    const binding = checkBinding(value, couple, 'An introduction');
    const { device, partner } = binding;
    const { signature, ...statement } = value as Json;
    if (statement.statement !== INTRODUCTION || statement.version !== 1 || !isId(statement.by)) {
      fail(
        'malformed',
        `The introduction of "${device}" is not one introduceDevice made`,
        AS_MADE,
        device,
      );
    }
    if (typeof signature !== 'string') {
      fail('unsigned', `The introduction of "${device}" is not signed`, AS_MADE, device);
    }
    const by = statement.by;
    const introducer = held.get(by)?.binding;
    if (!introducer) {
      fail(
        'unknown-device',
        `Device "${by}" introduced "${device}" and is not bound here`,
        'Bind or introduce it first, or add all introductions at once with addAll',
        by,
      );
    }
    if (introducer.partner !== partner) {
      fail(
        'device-of-other-partner',
        `Device "${by}" belongs to "${introducer.partner}" and cannot introduce a device of "${partner}"`,
        SAME_PARTNER,
        by,
      );
    }
    const key = await importSigningPublicKey(binding.publicKey, crypto);
    if (!(await keyring.verifyStatement(by, statement, signature))) {
      fail(
        'bad-signature',
        `The introduction of "${device}" by "${by}" does not match its signature`,
        'It was not added: it changed after signing, or another key signed it',
        device,
      );
    }
    return place(binding, key);
  };

  const keyring: DeviceKeyring = {
    couple,
    get: (device) => held.get(device)?.binding,
    bindings: () =>
      [...held.values()]
        .map((entry) => entry.binding)
        .sort((a, b) => (a.device < b.device ? -1 : 1)),
    add,
    async addAll(values) {
      let waiting = values
        .map((value, index) => ({ value, index, key: sortKey(value), error: undefined as unknown }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
      const added: { index: number; binding: DeviceBinding }[] = [];
      const rejected: { index: number; error: AttuneSignatureError }[] = [];
      // Passes until one binds nothing: each binding may be the introducer others wait for.
      for (let progressed = true; progressed; ) {
        progressed = false;
        const still: typeof waiting = [];
        for (const item of waiting) {
          try {
            added.push({ index: item.index, binding: await add(item.value) });
            progressed = true;
          } catch (error) {
            if (!AttuneSignatureError.isInstance(error)) throw error;
            if (error.code === 'unknown-device') still.push({ ...item, error });
            else rejected.push({ index: item.index, error });
          }
        }
        waiting = still;
      }
      for (const { index, error } of waiting) {
        rejected.push({ index, error: error as AttuneSignatureError });
      }
      const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
      return {
        added: added.sort(byIndex).map((item) => item.binding),
        rejected: rejected.sort(byIndex),
      };
    },
    async verifyStatement(device, statement, signature) {
      const key = held.get(device)?.key;
      return key !== undefined && verifyStatement(crypto, key, signature, statement);
    },
  };

  for (const given of [...options.bindings].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))) {
    const binding = checkBinding(given, couple, 'A binding');
    place(binding, await importSigningPublicKey(binding.publicKey, crypto));
  }
  return keyring;
}

/**
 * Signs a statement, from one of a partner's bound devices, that another device is that partner's
 * too — such as a tablet they add after pairing their phone. Send it to every device of the couple
 * (and to a relay that checks signatures); each adds it to its keyring.
 *
 * @example
 * ```ts
 * // On Ana's phone, with the public key her new tablet showed (as a QR code, say):
 * const introduction = await introduceDevice(phoneSigner, {
 *   couple: 'c1',
 *   partner: 'ana',
 *   device: 'ana-tablet',
 *   publicKey: tabletsKey,
 * });
 * await keyring.add(introduction);
 * ```
 * @throws {@link AttuneSignatureError}: `wrong-couple` or `wrong-signer` when the device is not of
 *   the signer's couple and partner, `malformed` when the public key is not one.
 */
export async function introduceDevice(
  signer: DeviceSigner,
  device: DeviceBinding,
  crypto?: SigningCryptoLike,
): Promise<DeviceIntroduction> {
  const binding = checkBinding(device, signer.couple, 'An introduction');
  if (binding.partner !== signer.partner) {
    fail(
      'wrong-signer',
      `Device "${signer.device}" signs for "${signer.partner}" and cannot introduce a device of "${binding.partner}"`,
      SAME_PARTNER,
      signer.device,
    );
  }
  await importSigningPublicKey(binding.publicKey, crypto);
  const statement = {
    statement: INTRODUCTION,
    version: 1,
    couple: binding.couple,
    partner: binding.partner,
    device: binding.device,
    publicKey: binding.publicKey,
    by: signer.device,
  } as const;
  return { ...statement, signature: await signStatement(signer, statement) };
}
