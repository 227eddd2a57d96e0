import type { Couple, Engine, LoggedEvent } from '@attune/core';
import {
  createIndexedDbAdapter,
  type EventStore,
  openEventStore,
  persistEngine,
} from '@attune/core/storage';

// The couple's setup and history go through this module, so another storage (a native file API)
// can take their place without touching the screens. Only the two-phone sync keeps two small notes
// of its own in localStorage (src/sync): a code waiting for the partner, and how far the sync got.

/** What the couple set up in onboarding, and who holds the phone now. */
export interface Setup {
  readonly couple: Couple;
  /** Display names by partner id. Names stay on this device: events carry only the ids. */
  readonly names: Readonly<Record<string, string>>;
  /** The app's language, one of the shipped locales. */
  readonly locale: string;
  /** ISO region for help resources, when the couple chose one. */
  readonly region: string | undefined;
  /** This install's id; every event recorded here carries it. */
  readonly device: string;
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

/** The couple's events on this device, and how to keep the engine's new ones. */
export interface History {
  /** The stored events, in log order, for `createEngine`. */
  readonly events: readonly LoggedEvent[];
  /** Why nothing new will be saved (another tab writes, a newer version wrote), if so. */
  readonly readOnly: string | undefined;
  /** What was found wrong in storage and set aside; everything else loaded. */
  readonly problems: readonly string[];
  /** Saves every event the engine records from now on; returns how to stop. */
  follow(engine: Engine, onError: (error: unknown) => void): () => void;
  /** Replaces every stored event at once, as after erasing a partner's data. */
  replace(events: readonly LoggedEvent[]): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the couple's event store in IndexedDB. Another tab holding the write lock makes the store
 * read-only; on a reload the old page may hold it for a moment longer, so the lock is asked for a
 * few times before settling for read-only.
 */
export async function openHistory(couple: Couple): Promise<History> {
  const open = () =>
    openEventStore({ adapter: createIndexedDbAdapter({ name: `attune-${couple.id}` }), couple });
  let opened: EventStore = await open();
  for (let attempt = 0; attempt < 10 && opened.readOnly?.code === 'locked'; attempt++) {
    await opened.close();
    await sleep(200);
    opened = await open();
  }
  return {
    events: opened.events,
    readOnly: opened.readOnly?.message,
    problems: opened.problems.map((problem) => problem.message),
    follow(engine, onError) {
      if (opened.readOnly) return () => {};
      return persistEngine(engine, opened, { onError }).stop;
    },
    replace: (events) => opened.replace(events),
  };
}
