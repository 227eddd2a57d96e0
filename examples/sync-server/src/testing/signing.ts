import {
  createDeviceSigner,
  type DeviceIntroduction,
  type DeviceSigningKeyPair,
  exportSigningPublicKey,
  generateDeviceSigningKey,
  introduceDevice,
  signEvents,
} from '@attune/core/crypto';
import { createDeviceId } from '@attune/core/sync';
import type { PartnerSync } from '../client/create-sync-client.js';
import { SyncServerError } from '../client/sync-server-error.js';
import type { RelayEvent } from '../events/relay-event.js';
import type { PairingDevice } from '../storage/relay-store.js';

/** One partner's signing keys in a test: the device they pair with, and any they add since. */
export interface TestSigner {
  readonly partner: string;
  /** What pairing sends for this partner: their first device and its signing key. */
  readonly pairing: PairingDevice;
  /** The key pair of each device this partner holds one for, by device id. */
  readonly keys: ReadonlyMap<string, DeviceSigningKeyPair>;
  /**
   * Signs events as this partner's phones do: each with the key of the device it names, when this
   * partner holds one. Anything else — an event of a device they hold no key for, or in another
   * partner's name — is signed with their first device's key under whatever it claims, as a partner
   * forging it would. Events that carry a signature already, and what is not an event, are left as
   * they are.
   */
  sign<T>(couple: string, events: readonly T[]): Promise<T[]>;
  /**
   * Makes a key for a new device of this partner and the introduction of it, signed by their first
   * device; from then on `sign` signs its events with its own key.
   */
  introduce(couple: string, device: string): Promise<DeviceIntroduction>;
}

type Json = Record<string, unknown>;

/** Signing keys for `partner`, whose first device is `device`. */
export async function createTestSigner(
  partner: string,
  device = `${partner}-phone`,
): Promise<TestSigner> {
  const first = await generateDeviceSigningKey();
  const keys = new Map<string, DeviceSigningKeyPair>([[device, first]]);
  const pairing = { device, signingKey: await exportSigningPublicKey(first) };
  return {
    partner,
    pairing,
    keys,
    async sign<T>(couple: string, events: readonly T[]): Promise<T[]> {
      return Promise.all(
        events.map(async (value) => {
          const event = value as Json;
          if (
            typeof value !== 'object' ||
            value === null ||
            typeof event.signature === 'string' ||
            typeof event.device !== 'string' ||
            typeof event.partner !== 'string'
          ) {
            return value;
          }
          const own = event.partner === partner ? keys.get(event.device) : undefined;
          const signer = createDeviceSigner({
            couple,
            partner: event.partner,
            device: event.device,
            privateKey: (own ?? first).privateKey,
          });
          const [signed] = await signEvents([value as unknown as RelayEvent], signer);
          return signed as T;
        }),
      );
    },
    async introduce(couple, added) {
      const made = await generateDeviceSigningKey();
      keys.set(added, made);
      const signer = createDeviceSigner({ couple, partner, device, privateKey: first.privateKey });
      return introduceDevice(signer, {
        couple,
        partner,
        device: added,
        publicKey: await exportSigningPublicKey(made),
      });
    },
  };
}

/**
 * A partner's calls that sign what they upload, as a phone does. A device of this partner's that
 * is not bound yet is introduced first; where the server refuses the introduction (the id is the
 * other partner's), the events go signed as `TestSigner.sign` forges them, for the server to refuse.
 */
export function signingSync(sync: PartnerSync, signer: TestSigner, couple: string): PartnerSync {
  const introduced = new Set(signer.keys.keys());
  return {
    ...sync,
    async upload(batch) {
      for (const event of batch.events) {
        const { device, partner } = event as { device?: unknown; partner?: unknown };
        if (partner !== signer.partner || typeof device !== 'string' || introduced.has(device)) {
          continue;
        }
        introduced.add(device);
        const introduction = await signer.introduce(couple, device);
        await sync.introduce(introduction).catch((error: unknown) => {
          if (!(error instanceof SyncServerError)) throw error;
          (signer.keys as Map<string, DeviceSigningKeyPair>).delete(device);
        });
      }
      return sync.upload({ ...batch, events: await signer.sign(couple, batch.events) });
    },
  };
}

/** A device to pair with in a test: a new key pair's public half under `device`. */
export async function newPairingDevice(device: string = createDeviceId()): Promise<PairingDevice> {
  return { device, signingKey: await exportSigningPublicKey(await generateDeviceSigningKey()) };
}
