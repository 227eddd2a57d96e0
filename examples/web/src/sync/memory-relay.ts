// For the tests only: a sync server in memory, and phones' signing keys as pairing leaves them.
import type { Couple } from '@attune/core';
import {
  AttuneSignatureError,
  createDeviceKeyring,
  type DeviceBinding,
  type DeviceIntroduction,
  type DeviceKeyring,
  exportSigningPublicKey,
  generateDeviceSigningKey,
  verifyEvents,
} from '@attune/core/crypto';
import type { SyncBatch } from '@attune/core/sync';
import {
  type PartnerSync,
  type PullResult,
  type RelayEvent,
  SyncServerError,
} from '@attune/example-sync-server/client';
import type { DeviceSigning } from '../persistence.js';
import type { SigningStore } from './device-signing.js';

type Problems = NonNullable<ConstructorParameters<typeof SyncServerError>[1]['problems']>;

/** A relay in memory, as the example server behaves for these tests. */
export interface MemoryRelay {
  readonly stored: { position: number; recipient: string; event: RelayEvent }[];
  readonly uploads: SyncBatch<RelayEvent>[];
  /** Device ids bound to the partner whose token uploaded under them first (the `devices` table). */
  readonly owners: Map<string, string>;
  readonly introductions: DeviceIntroduction[];
  /** What a pull hands out, changed on the way as a relay in the middle could (default as stored). */
  tamper: (events: RelayEvent[], partner: string) => RelayEvent[];
  forPartner(partner: string): PartnerSync;
}

const refused = (status: number, problems: Problems, count: number) =>
  new SyncServerError(status, {
    code: 'events-refused',
    message: `${problems.length} of ${count} events were refused`,
    where: 'events',
    fix: 'Fix the events listed and upload the batch again',
    problems,
  });

/**
 * A relay in memory, as the example server behaves for these tests: it verifies every uploaded
 * event with the couple's keyring (the `bindings` of pairing, and the introductions it took),
 * numbers what arrives and hands each partner, in pages, what was sent to them. Like the server, it
 * binds each device id to the partner who first uploads under it (`owners`), and refuses a whole
 * upload naming a device of the other partner, `403` with `device-of-other-partner` for each such
 * event.
 */
export function memoryRelay(couple: Couple, bindings: readonly DeviceBinding[]): MemoryRelay {
  let keyring: Promise<DeviceKeyring> | undefined;
  const keys = () => {
    keyring ??= createDeviceKeyring({ couple: couple.id, bindings });
    return keyring;
  };
  const relay: MemoryRelay = {
    stored: [],
    uploads: [],
    owners: new Map(),
    introductions: [],
    tamper: (events) => events,
    forPartner: (partner) => ({
      getCouple: async () => ({
        couple,
        partner,
        paired: true,
        publicKeys: {},
        signingKeys: Object.fromEntries(
          bindings.map((binding) => [
            binding.partner,
            { device: binding.device, signingKey: binding.publicKey },
          ]),
        ),
      }),
      renewCode: async () => {
        throw new Error('paired');
      },
      cancelCouple: async () => {
        throw new Error('paired');
      },
      async upload(batch) {
        relay.uploads.push(batch);
        const { rejected } = await verifyEvents(batch.events, await keys());
        if (rejected.length > 0) {
          const problems = rejected.map(({ index, error }) => ({
            index,
            code: error.code,
            message: error.message,
            where: `events[${index}].signature`,
            fix: 'Sign every event',
          }));
          throw refused(403, problems, batch.events.length);
        }
        const problems: Problems = batch.events.flatMap((event, index) => {
          const owner = relay.owners.get(event.device);
          if (owner === undefined || owner === partner) return [];
          return [
            {
              index,
              code: 'device-of-other-partner',
              message: `Event "${event.id}" names device "${event.device}", which belongs to "${owner}"`,
              where: `events[${index}].device`,
              fix: 'take a new one with createDeviceId() and record from it',
            },
          ];
        });
        if (problems.length > 0) throw refused(403, problems, batch.events.length);
        for (const event of batch.events) {
          if (!relay.owners.has(event.device)) relay.owners.set(event.device, partner);
          if (relay.stored.some((item) => item.event.id === event.id)) continue;
          relay.stored.push({
            position: relay.stored.length + 1,
            recipient: batch.recipient,
            event,
          });
        }
        return { stored: batch.events.length, duplicates: 0, erased: 0, conflicts: [] };
      },
      async introduce(introduction) {
        if (introduction.partner !== partner) {
          throw new SyncServerError(403, {
            code: 'not-your-device',
            message: 'not yours',
            where: 'partner',
            fix: 'Introduce only your own devices',
          });
        }
        const keyring = await keys();
        try {
          await keyring.add(introduction);
        } catch (error) {
          if (!AttuneSignatureError.isInstance(error)) throw error;
          throw new SyncServerError(error.code === 'device-clash' ? 409 : 403, {
            code: error.code,
            message: error.message,
            where: 'device',
            fix: error.fix,
          });
        }
        const known = relay.introductions.some((held) => held.device === introduction.device);
        if (!known) relay.introductions.push(introduction);
        return { couple: couple.id, partner, device: introduction.device, added: !known };
      },
      devices: async () => ({
        couple: couple.id,
        bindings: [...bindings],
        introductions: [...relay.introductions],
      }),
      async pull(since = 0): Promise<PullResult> {
        const mine = relay.stored.filter(
          (item) => item.recipient === partner && item.position > since,
        );
        const page = mine.slice(0, 100);
        return {
          format: 'attune-sync',
          version: 1,
          couple: couple.id,
          recipient: partner,
          events: relay.tamper(
            page.map((item) => item.event),
            partner,
          ),
          next: page.at(-1)?.position ?? since,
          more: mine.length > page.length,
        };
      },
    }),
  };
  return relay;
}

/** A phone's signing store in memory, with what it holds for the tests to look at. */
export interface MemorySigningStore extends SigningStore {
  saved: DeviceSigning | undefined;
}

export function memorySigningStore(initial?: DeviceSigning): MemorySigningStore {
  const store: MemorySigningStore = {
    saved: initial,
    load: async () => store.saved,
    save: async (signing) => {
      store.saved = signing;
    },
  };
  return store;
}

/** Two phones as pairing leaves them: each with its device's key, and both devices bound. */
export async function pairedSigning<P extends string>(
  couple: Couple,
  devices: Readonly<Record<P, string>>,
): Promise<{
  readonly bindings: readonly DeviceBinding[];
  readonly stores: Readonly<Record<P, MemorySigningStore>>;
}> {
  const made = await Promise.all(
    (Object.entries(devices) as [P, string][]).map(async ([partner, device]) => {
      const keys = await generateDeviceSigningKey();
      const binding = {
        couple: couple.id,
        partner,
        device,
        publicKey: await exportSigningPublicKey(keys),
      };
      return { partner, device, keys, binding };
    }),
  );
  const bindings = made.map((phone) => phone.binding);
  const stores = Object.fromEntries(
    made.map((phone): [P, MemorySigningStore] => [
      phone.partner,
      memorySigningStore({
        couple: couple.id,
        partner: phone.partner,
        keys: [{ device: phone.device, keys: phone.keys }],
        bindings,
        introductions: [],
      }),
    ]),
  );
  return { bindings, stores: stores as Record<P, MemorySigningStore> };
}
