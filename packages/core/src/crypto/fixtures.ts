import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { createDeviceKeyring, type DeviceBinding, type DeviceKeyring } from './keyring.js';
import {
  createDeviceSigner,
  type DeviceSigner,
  type DeviceSigningKeyPair,
  exportSigningPublicKey,
  generateDeviceSigningKey,
} from './signing-key.js';

/** The simulated couple whose events the signing tests sign. */
export const couple: string = simulated.couple.id;

/** The simulated events in log order; their devices are `ana-phone` and `kai-phone`. */
export const ordered: readonly LoggedEvent[] = [...sampleEvents].sort(compareEvents);

/** A device with its keys, as a test holds it. */
export interface TestDevice {
  readonly partner: string;
  readonly device: string;
  readonly keys: DeviceSigningKeyPair;
  /** The binding a host would learn for it, in `couple`. */
  readonly binding: DeviceBinding;
  /** Signs as this device of this partner in `couple`. */
  readonly signer: DeviceSigner;
}

/** A new device of `partner`, with a fresh key pair. */
export async function makeDevice(partner: string, device: string): Promise<TestDevice> {
  const keys = await generateDeviceSigningKey();
  const publicKey = await exportSigningPublicKey(keys);
  return {
    partner,
    device,
    keys,
    binding: { couple, partner, device, publicKey },
    signer: createDeviceSigner({ couple, partner, device, privateKey: keys.privateKey }),
  };
}

/**
 * A signer that claims whatever it is told, with any private key: what a hostile device, or a relay
 * holding a key of its own, could make. It signs whatever `signEvents` gives it.
 */
export function forgedSigner(
  keys: DeviceSigningKeyPair,
  claims: { readonly couple?: string; readonly partner: string; readonly device: string },
): DeviceSigner {
  return createDeviceSigner({ couple, ...claims, privateKey: keys.privateKey });
}

/** The couple's two phones, as pairing binds them. */
export const anaPhone: TestDevice = await makeDevice('ana', 'ana-phone');
export const kaiPhone: TestDevice = await makeDevice('kai', 'kai-phone');

/** A keyring with the two phones bound, as both phones build it after pairing. */
export function pairedKeyring(): Promise<DeviceKeyring> {
  return createDeviceKeyring({ couple, bindings: [anaPhone.binding, kaiPhone.binding] });
}

/** `text` with the character at `at` replaced by another of the base64url alphabet. */
export function changeCharacter(text: string, at: number): string {
  const char = text[at] === 'A' ? 'B' : 'A';
  return `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
}
