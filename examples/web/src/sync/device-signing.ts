import type { LoggedEvent } from '@attune/core';
import {
  AttuneSignatureError,
  createDeviceKeyring,
  createDeviceSigner,
  type DeviceIntroduction,
  type DeviceKeyring,
  type EncryptedEvent,
  exportSigningPublicKey,
  generateDeviceSigningKey,
  introduceDevice,
  type SignedEvent,
  signEvents,
} from '@attune/core/crypto';
import { type PartnerSync, SyncServerError } from '@attune/example-sync-server/client';
import { type DeviceSigning, loadDeviceSigning, saveDeviceSigning } from '../persistence.js';

// Every event this phone sends is signed by a key of this phone's own device, and every event it
// takes in must carry the signature of a device bound to the partner it names: so neither the sync
// server nor the other partner's phone can write in someone else's name. Each phone makes its key
// when it pairs; the two public keys travel with the pairing, into the pairing check the partners
// compare, and become the keyring both phones check with. When this phone records under a new
// device id (the history came from elsewhere, or its id clashed), it makes a key for that id and
// introduces it with a key it already had; the other phone learns the introduction from the server
// and checks it for itself.

/** Where this phone keeps its signing keys: IndexedDB in the app, memory in tests. */
export interface SigningStore {
  load(): Promise<DeviceSigning | undefined>;
  save(signing: DeviceSigning): Promise<void>;
}

/** The settings database, beside the setup (`persistence.ts`). */
export const browserSigningStore: SigningStore = {
  load: loadDeviceSigning,
  save: saveDeviceSigning,
};

/** This phone holds no signing key for the couple: it paired before events were signed. */
export class SigningMissingError extends Error {
  override readonly name = 'SigningMissingError';
  readonly code = 'signing-missing';
  constructor() {
    super(
      'This phone paired before the app signed what it sends, so it cannot sync any more: pair the phones again.',
    );
  }
}

/**
 * This phone's device id is bound to another key or to the other partner (a device elsewhere
 * introduced it first), so it must take a new one.
 */
export class DeviceIdBoundError extends Error {
  override readonly name = 'DeviceIdBoundError';
  constructor(readonly device: string) {
    super(`Device "${device}" is bound to another key`);
  }
}

/** What a sync signs and checks with, for one couple on this phone. */
export interface SyncSigning {
  /** The devices of both partners this phone knows, each with the key its events must verify with. */
  readonly keyring: DeviceKeyring;
  /** Whether this phone can sign events of `device`: its own id, now or one it recorded under before. */
  holds(device: string): boolean;
  /** Signs this phone's own events, each with the key of the device it names, in the order given. */
  sign<E extends LoggedEvent | EncryptedEvent>(events: readonly E[]): Promise<SignedEvent<E>[]>;
  /**
   * Adds introductions the server passed on to the keyring, which checks each one (only a device
   * bound to the same partner may introduce another), and keeps those it bound.
   */
  learn(introductions: readonly unknown[]): Promise<void>;
}

/** Options of {@link startSigning}. */
export interface StartSigningOptions {
  readonly couple: string;
  /** The partner who owns this phone. */
  readonly self: string;
  /** The device id this phone records under now. */
  readonly device: string;
  readonly sync: PartnerSync;
  readonly store: SigningStore;
}

// One change to the kept keys at a time on this page: a sync that restarts must not make a second
// key for an id while the first is being introduced.
let changing: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = changing.then(work);
  changing = run.catch(() => undefined);
  return run;
}

/** Codes of the server's refusals of an introduction that mean the id is someone else's. */
const BOUND_ELSEWHERE = new Set(['device-of-other-partner', 'device-clash']);

/**
 * Gets this phone ready to sign and check for one couple: the keyring from what pairing taught it
 * and the introductions it kept, and a key for the device id it records under now — made and
 * introduced, with the key of an id it recorded under before, when there is none yet. Sends the
 * server this phone's own introductions, so it knows every id of this phone's before any event of
 * it arrives (again, after a server lost them; an introduction it holds already changes nothing).
 *
 * @throws {@link SigningMissingError} when this phone holds no signing key for the couple;
 *   {@link DeviceIdBoundError} when its device id is bound to another key or partner.
 */
export async function startSigning(options: StartSigningOptions): Promise<SyncSigning> {
  const { couple, self, device, sync, store } = options;
  let kept = await inTurn(async () => {
    const saved = await store.load();
    if (
      !saved ||
      saved.couple !== couple ||
      saved.partner !== self ||
      saved.bindings.length === 0 ||
      saved.keys.length === 0
    ) {
      throw new SigningMissingError();
    }
    if (saved.keys.some((held) => held.device === device)) return saved;
    // A new id: a key of its own, vouched for by the newest key of an id the keyring binds to us.
    const keyring = await keyringOf(saved);
    const introducer = [...saved.keys]
      .reverse()
      .find((held) => keyring.get(held.device)?.partner === self);
    if (!introducer) throw new SigningMissingError();
    const keys = await generateDeviceSigningKey();
    const introduction = await introduceDevice(
      createDeviceSigner({
        couple,
        partner: self,
        device: introducer.device,
        privateKey: introducer.keys.privateKey,
      }),
      { couple, partner: self, device, publicKey: await exportSigningPublicKey(keys) },
    );
    try {
      await keyring.add(introduction);
    } catch (error) {
      if (AttuneSignatureError.isInstance(error)) throw new DeviceIdBoundError(device);
      throw error;
    }
    const next: DeviceSigning = {
      ...saved,
      keys: [...saved.keys, { device, keys }],
      introductions: [...saved.introductions, introduction],
    };
    await store.save(next);
    return next;
  });
  const keyring = await keyringOf(kept);
  const held = new Map(kept.keys.map((entry) => [entry.device, entry.keys]));

  // This phone's own introductions, for the server to check and keep.
  for (const introduction of kept.introductions) {
    if (!held.has(introduction.device) || !held.has(introduction.by)) continue;
    try {
      await sync.introduce(introduction);
    } catch (error) {
      if (error instanceof SyncServerError && BOUND_ELSEWHERE.has(error.code)) {
        // Someone introduced this id first. Only the id this phone records under now matters.
        if (introduction.device === device) throw new DeviceIdBoundError(device);
        continue;
      }
      throw error;
    }
  }

  return {
    keyring,
    holds: (id) => held.has(id),
    async sign<E extends LoggedEvent | EncryptedEvent>(events: readonly E[]) {
      const byDevice = new Map<string, E[]>();
      for (const event of events) {
        byDevice.set(event.device, [...(byDevice.get(event.device) ?? []), event]);
      }
      const signed = new Map<E, SignedEvent<E>>();
      for (const [id, own] of byDevice) {
        const keys = held.get(id);
        if (!keys) throw new Error(`This phone holds no key for device "${id}"`);
        const signer = createDeviceSigner({
          couple,
          partner: self,
          device: id,
          privateKey: keys.privateKey,
        });
        const made = await signEvents(own, signer);
        own.forEach((event, index) => {
          signed.set(event, made[index] as SignedEvent<E>);
        });
      }
      return events.map((event) => signed.get(event) as SignedEvent<E>);
    },
    async learn(introductions) {
      const known = new Set(keyring.bindings().map((binding) => binding.device));
      const { added } = await keyring.addAll(introductions);
      const bound = new Set(
        added.filter((binding) => !known.has(binding.device)).map((binding) => binding.device),
      );
      if (bound.size === 0) return;
      const learnt = (introductions as DeviceIntroduction[]).filter(
        (introduction) =>
          bound.has(introduction.device) &&
          keyring.get(introduction.device)?.publicKey === introduction.publicKey,
      );
      await inTurn(async () => {
        const saved = (await store.load()) ?? kept;
        const held = new Set(saved.introductions.map((introduction) => introduction.device));
        const fresh = learnt.filter((introduction) => !held.has(introduction.device));
        kept = { ...saved, introductions: [...saved.introductions, ...fresh] };
        await store.save(kept);
      });
    },
  };
}

/** The keyring of what this phone kept: the two devices pairing bound, and every introduction. */
async function keyringOf(signing: DeviceSigning): Promise<DeviceKeyring> {
  const keyring = await createDeviceKeyring({
    couple: signing.couple,
    bindings: signing.bindings,
  });
  await keyring.addAll(signing.introductions);
  return keyring;
}
