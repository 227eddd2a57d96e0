import type { Couple, Engine, LoggedEvent, RevealMode } from '@attune/core';
import type { DeviceBinding, DeviceIntroduction, DeviceSigningKeyPair } from '@attune/core/crypto';
import type { EnginePersistence, EventStore } from '@attune/core/storage';

// The couple's setup and history go through this module, so another storage (a native file API)
// can take their place without touching the screens. Only a few small notes are kept in
// localStorage: two of the two-phone sync (src/sync: a code waiting for the partner, how far the sync
// got), and the language in use (src/i18n.ts), for the page to fetch its words first.

/** What the couple set up in onboarding, and who holds the phone now. */
export interface Setup {
  readonly couple: Couple;
  /** Display names by partner id. Names stay on this device: events carry only the ids. */
  readonly names: Readonly<Record<string, string>>;
  /** The app's language, one of the shipped locales. */
  readonly locale: string;
  /** ISO region for help resources, when the couple chose one. */
  readonly region: string | undefined;
  /**
   * This install's device id; every event recorded here carries it. The history's store keeps it
   * too and has the last word: when it differs (`History.device`, after the history came back from
   * another install or from an older version), the app takes the store's and saves it here.
   */
  readonly device: string;
  /**
   * When each partner's sealed answers open, by partner id: at once when both answered (the
   * default, also for a partner not listed), or when they choose.
   */
  readonly reveal?: Readonly<Record<string, RevealMode>>;
  /** The partner holding the phone; with a relay, always the phone's owner. */
  readonly activePartner: string;
  /** When each partner uses their own phone: how this one reaches the sync server. */
  readonly relay?: RelayLink;
  /**
   * What the partners found when they compared their phones' pairing checks: the `same` number, or a
   * `different` one, after which this phone stops syncing.
   */
  readonly pairingCheck?: 'same' | 'different';
}

/** This phone's place on the sync server: the couple there and this partner's bearer token. */
export interface RelayLink {
  readonly couple: string;
  readonly token: string;
  /**
   * The key the two phones agreed on when pairing (`src/sync/couple-key.ts`); what travels through
   * the server is encrypted with it. Kept as a `CryptoKey` that cannot be exported.
   */
  readonly key?: CryptoKey;
  /** The pairing check both phones show, for the partners to compare. */
  readonly check?: string;
}

const SETTINGS_DB = 'attune-web';
const SETTINGS = 'settings';
const SETUP_KEY = 'setup';

function request<T>(run: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const pending = run();
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error);
  });
}

let settings: Promise<IDBDatabase> | undefined;

function settingsDb(): Promise<IDBDatabase> {
  settings ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(SETTINGS_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(SETTINGS);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return settings;
}

/** The saved setup, or `undefined` before onboarding. */
export async function loadSetup(): Promise<Setup | undefined> {
  const db = await settingsDb();
  const value = await request(() =>
    db.transaction(SETTINGS, 'readonly').objectStore(SETTINGS).get(SETUP_KEY),
  );
  return (value as Setup | undefined) ?? undefined;
}

/** Saves the setup; it is small, so it is written whole every time. */
export async function saveSetup(setup: Setup): Promise<void> {
  const db = await settingsDb();
  await request(() =>
    db.transaction(SETTINGS, 'readwrite').objectStore(SETTINGS).put(setup, SETUP_KEY),
  );
}

const PAIRING_KEYS = 'pairing-keys';

/**
 * Keeps the key pair of a pairing that waits for the other partner, so a reload can still finish
 * it; `undefined` removes it. The private half cannot be exported, and IndexedDB keeps it as it is.
 */
export async function savePairingKeys(keys: CryptoKeyPair | undefined): Promise<void> {
  const db = await settingsDb();
  const store = () => db.transaction(SETTINGS, 'readwrite').objectStore(SETTINGS);
  if (keys) await request(() => store().put(keys, PAIRING_KEYS));
  else await request(() => store().delete(PAIRING_KEYS));
}

/** The key pair of the pairing waiting for the other partner, if there is one. */
export async function loadPairingKeys(): Promise<CryptoKeyPair | undefined> {
  const db = await settingsDb();
  const value = await request(() =>
    db.transaction(SETTINGS, 'readonly').objectStore(SETTINGS).get(PAIRING_KEYS),
  );
  return (value as CryptoKeyPair | undefined) ?? undefined;
}

const SIGNING_KEY = 'device-signing';

/**
 * What this phone keeps to sign what it sends and check what the other phone sends, with the
 * two-phone sync (`src/sync/device-signing.ts`). Beside the setup, not in it: the sync adds a key
 * pair when this phone takes a new device id, while the app rewrites the setup for its own reasons.
 */
export interface DeviceSigning {
  /** The couple's id; empty while the partner who created it waits for the other to join. */
  readonly couple: string;
  /** The partner this phone belongs to. */
  readonly partner: string;
  /**
   * This phone's signing key pairs (`generateDeviceSigningKey`), by the device id each signs for,
   * oldest first: the one it paired with, then one per id it took since. The private halves cannot
   * be exported; IndexedDB keeps each `CryptoKey` as it is.
   */
  readonly keys: readonly { readonly device: string; readonly keys: DeviceSigningKeyPair }[];
  /**
   * The device each partner paired with and its public key, as pairing taught this phone; the
   * pairing check covers both keys. Empty while pairing waits.
   */
  readonly bindings: readonly DeviceBinding[];
  /** Introductions since, this phone's own and those it received, each checked by the keyring. */
  readonly introductions: readonly DeviceIntroduction[];
}

/** Keeps this phone's signing keys and what it knows of the couple's devices; `undefined` removes them. */
export async function saveDeviceSigning(signing: DeviceSigning | undefined): Promise<void> {
  const db = await settingsDb();
  const store = () => db.transaction(SETTINGS, 'readwrite').objectStore(SETTINGS);
  if (signing) await request(() => store().put(signing, SIGNING_KEY));
  else await request(() => store().delete(SIGNING_KEY));
}

/** This phone's signing keys, or `undefined` before pairing (and for couples paired before them). */
export async function loadDeviceSigning(): Promise<DeviceSigning | undefined> {
  const db = await settingsDb();
  const value = await request(() =>
    db.transaction(SETTINGS, 'readonly').objectStore(SETTINGS).get(SIGNING_KEY),
  );
  return (value as DeviceSigning | undefined) ?? undefined;
}

const INSTALL_KEY = 'install';

/**
 * This install's marker, made once and kept in the settings database, apart from the couple's
 * history: a history database that turns up without the settings that named it (copied from another
 * browser profile, or restored apart) then takes a new device id, so two installs never record under
 * one. A browser copies or clears a site's storage as a whole, so this catches less than a phone's
 * keychain would; see the persistence guide.
 */
export async function loadInstallMarker(): Promise<string> {
  const db = await settingsDb();
  const saved = await request(() =>
    db.transaction(SETTINGS, 'readonly').objectStore(SETTINGS).get(INSTALL_KEY),
  );
  if (typeof saved === 'string') return saved;
  // Made once per install, when the first history opens: the welcome screen loads none of this.
  const { createDeviceId } = await import('@attune/core/sync');
  const marker = createDeviceId();
  await request(() =>
    db.transaction(SETTINGS, 'readwrite').objectStore(SETTINGS).put(marker, INSTALL_KEY),
  );
  return marker;
}

/** The couple's events on this device, and how to keep the engine's new ones. */
export interface History {
  /** The stored events, in log order, for `createEngine`. */
  readonly events: readonly LoggedEvent[];
  /**
   * The device id to record under: create the engine with it. When the history is writable and it
   * differs from `setup.device` (the history came from another install), save it in the setup. A
   * read-only history hands out an id for this page only, which is never saved.
   */
  readonly device: string;
  /** The highest sequence number this history ever held for `device`: the engine's `sequenceFloor`. */
  readonly sequenceFloor: number;
  /** Why nothing new will be saved (another tab writes, a newer version wrote), if so. */
  readonly readOnly: string | undefined;
  /** What was found wrong in storage and set aside; everything else loaded. */
  readonly problems: readonly string[];
  /**
   * Saves every event the engine records from now on; returns how to stop. The engine records above
   * the history's high-water mark from then on, and the store keeps the engine's device id.
   */
  follow(engine: Engine, onError: (error: unknown) => void): () => void;
  /**
   * Resolves once everything the followed engine recorded is stored. The sync sends nothing before,
   * so the partner never holds an event this phone could lose and record again under its id.
   */
  saved(): Promise<void>;
  /** Replaces every stored event at once, as after erasing a partner's data. */
  replace(events: readonly LoggedEvent[]): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the couple's event store in IndexedDB. Another tab holding the write lock makes the store
 * read-only; on a reload the old page may hold it for a moment longer, so the lock is asked for a
 * few times before settling for read-only.
 *
 * The store keeps this install's device id beside its high-water marks, with the install marker
 * from the settings: a history written before it did so (a couple paired with an earlier version)
 * is upgraded keeping `setup.device`, so the couple's phones sync on as before.
 */
export async function openHistory(couple: Couple, setup?: Setup): Promise<History> {
  // The event store's code comes with the first history opened, so the welcome screen, which reads
  // only the setup, loads none of it.
  const { createIndexedDbAdapter, openEventStore, persistEngine } = await import(
    '@attune/core/storage'
  );
  const saved = setup ?? (await loadSetup());
  const adoptDevice = saved?.couple.id === couple.id ? saved.device : undefined;
  const install = await loadInstallMarker();
  const open = () =>
    openEventStore({
      adapter: createIndexedDbAdapter({ name: `attune-${couple.id}` }),
      couple,
      install,
      ...(adoptDevice && { adoptDevice }),
    });
  let opened: EventStore = await open();
  for (let attempt = 0; attempt < 10 && opened.readOnly?.code === 'locked'; attempt++) {
    await opened.close();
    await sleep(200);
    opened = await open();
  }
  let persistence: EnginePersistence | undefined;
  return {
    events: opened.events,
    device: opened.device,
    sequenceFloor: opened.highWater(opened.device),
    readOnly: opened.readOnly?.message,
    problems: opened.problems.map((problem) => problem.message),
    follow(engine, onError) {
      if (opened.readOnly) return () => {};
      const current = persistEngine(engine, opened, { onError });
      persistence = current;
      return () => {
        current.stop();
        if (persistence === current) persistence = undefined;
      };
    },
    saved: async () => {
      await persistence?.settled();
    },
    replace: (events) => opened.replace(events),
  };
}
