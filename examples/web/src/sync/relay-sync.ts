import type { Couple, Engine, LoggedEvent } from '@attune/core';
import {
  AttuneCryptoError,
  AttuneSignatureError,
  decryptEvents,
  encryptEvents,
  type PayloadCipher,
  verifyEvents,
} from '@attune/core/crypto';
import {
  advanceCursor,
  createDeviceId,
  exportEvents,
  importEvents,
  relayReadableEventTypes,
  type SyncBatch,
} from '@attune/core/sync';
import { type PartnerSync, SyncServerError } from '@attune/example-sync-server/client';
import {
  browserSigningStore,
  DeviceIdBoundError,
  SigningMissingError,
  type SigningStore,
  type SyncSigning,
  startSigning,
} from './device-signing.js';
import { loadSyncPosition, saveSyncPosition } from './sync-position.js';
import { uploadChunks } from './upload-chunks.js';

/** Where this phone stands with the other partner's phone. */
export type SyncState =
  | { readonly status: 'syncing' }
  /** Everything recorded here was sent, and everything waiting was received, at `at`. */
  | { readonly status: 'synced'; readonly at: number }
  /** The network is away: work goes on and is kept here until it is back. */
  | { readonly status: 'offline' }
  /**
   * The server refused something, or what arrived could not be read: `message` says what and how
   * to fix it, in English; `code` is the server's problem code, for the app to say it in the
   * couple's language (see `syncProblemKey`).
   */
  | { readonly status: 'failed'; readonly message: string; readonly code?: string };

/** Options of {@link startRelaySync}. */
export interface RelaySyncOptions {
  readonly engine: Engine;
  readonly couple: Couple;
  /** The partner who owns this phone. */
  readonly self: string;
  readonly device: string;
  readonly sync: PartnerSync;
  readonly onState: (state: SyncState) => void;
  /**
   * Called when what arrived changes what this phone already held — the other partner erased their
   * events, two devices wrote one id, or another device used this one's id — or when the server
   * binds this phone's id to the other partner (`device-of-other-partner`), so the app must store
   * `events` in place of its history and start a new engine from them, with `device` from now on.
   * This sync stops; the app starts a new one for the new engine.
   */
  readonly onHistoryReplaced: (events: readonly LoggedEvent[], device: string) => void;
  /** How often to ask for the partner's new events while the page is open. */
  readonly pollMs?: number;
  /**
   * Resolves once what the engine recorded is stored on this phone (`History.saved`). Each round
   * waits for it before sending: an event the partner holds must never be one this phone could lose
   * in a crash and then record again, differently, under the same id.
   */
  readonly saved?: () => Promise<void>;
  /**
   * Encrypts what is sent and decrypts what arrives, with the key the phones agreed on when pairing:
   * the type and visibility of each event too, padded to a size bucket, so the server sees only who,
   * which device and when. Only erasure requests go readable (`relayReadableEventTypes`): the server
   * reads them to delete what they cover, and they hold a partner and a time, never words. Without a
   * cipher (couples paired before phones agreed on keys), events travel readable.
   */
  readonly cipher?: PayloadCipher;
  /**
   * Where this phone keeps its signing keys and what it knows of the couple's devices (default the
   * settings database, beside the setup). Every event is signed as it leaves, encrypted or not, and
   * every event that arrives is verified before anything else reads it.
   */
  readonly signing?: SigningStore;
}

/** A network failure, as opposed to the server answering no. */
function isOffline(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== 'undefined' && !navigator.onLine);
}

/**
 * The state code of an event this phone refused because its signature did not hold: one no device
 * signed, one from a device this phone cannot place even after asking the server, or one forged or
 * changed on the way. Not the signature error's own code, which can read like the server's
 * (`device-of-other-partner`, `wrong-couple`) and mean something else.
 */
function refusedCode(error: AttuneSignatureError): string {
  if (error.code === 'unsigned') return 'unsigned-event';
  if (error.code === 'unknown-device') return 'unknown-device';
  return 'forged-event';
}

/** A page the server handed out for another couple or partner than this phone's. */
class WrongPageError extends Error {
  override readonly name = 'WrongPageError';
  readonly code = 'wrong-page';
}

/** A refusal or an unreadable answer as a state, with the server's problem code when it gave one. */
function failure(error: unknown): SyncState {
  const message = error instanceof Error ? error.message : String(error);
  if (AttuneSignatureError.isInstance(error)) {
    return { status: 'failed', message, code: refusedCode(error) };
  }
  // A crypto error's code (such as `tampered`) says what the app tells the couple, as a server's does.
  return error instanceof SyncServerError ||
    error instanceof AttuneCryptoError ||
    error instanceof SigningMissingError ||
    error instanceof WrongPageError
    ? { status: 'failed', message, code: error.code }
    : { status: 'failed', message };
}

/** Refusals after which another round can only fail the same way: the couple must pair again. */
const forGood = (error: unknown) =>
  error instanceof SigningMissingError ||
  (error instanceof SyncServerError && error.code === 'no-signing-keys');

/** The problem code of an event the server refuses because its device is the other partner's. */
const DEVICE_OF_OTHER_PARTNER = 'device-of-other-partner';

/**
 * The devices of an upload's events that the server binds to the other partner (a `403` whose
 * problems say `device-of-other-partner` at `events[i].device`); `undefined` for any other failure.
 * A refusal that does not say which event is taken to be about this phone's own id.
 */
function devicesOfOtherPartner(
  error: unknown,
  events: readonly { readonly device: string }[],
  device: string,
): ReadonlySet<string> | undefined {
  if (!(error instanceof SyncServerError) || error.status !== 403) return undefined;
  const problems = error.problems.filter((problem) => problem.code === DEVICE_OF_OTHER_PARTNER);
  if (problems.length === 0 && error.code !== DEVICE_OF_OTHER_PARTNER) return undefined;
  const devices = new Set<string>();
  for (const problem of problems) {
    const event = problem.index === undefined ? undefined : events[problem.index];
    devices.add(event?.device ?? device);
  }
  if (devices.size === 0) devices.add(device);
  return devices;
}

/** This phone's id belongs to the other partner on the server: it must take a new one. */
class DeviceTaken extends Error {
  override readonly name = 'DeviceTaken';
}

/**
 * Decrypts a page from the server. Only erasure requests may come readable; anything else readable,
 * or anything that does not decrypt with the couple's key, stops the sync with the reason rather
 * than being left out: the page would be skipped for good.
 */
async function open(
  events: readonly unknown[],
  cipher: PayloadCipher,
): Promise<readonly unknown[]> {
  const opened = await decryptEvents(events, cipher, { allowPlain: relayReadableEventTypes });
  const refused = opened.rejected[0];
  if (refused) throw refused.error;
  return opened.events;
}

/**
 * Keeps this phone and the other partner's phone in step through the sync server: sends what this
 * phone recorded (filtered by `exportEvents`, so private entries and safety checks never leave),
 * encrypted and then signed by this phone's device, and merges what comes back with `importEvents`
 * once every event of it verified: signed by a device bound to the partner it names, as it is. Runs
 * after every change, every few seconds, and when the browser comes back online; a round that fails
 * is simply tried again, since the server keeps each event once however often it is sent.
 *
 * @returns how to stop.
 */
export function startRelaySync(options: RelaySyncOptions): () => void {
  const { engine, couple, self, device, sync, onState, cipher } = options;
  const other = couple.partners.find((partner) => partner.id !== self)?.id;
  if (!other) throw new Error(`"${self}" has no partner in couple "${couple.id}"`);

  // Made in the first round, and again after a round that could not make it (offline, say).
  let signing: Promise<SyncSigning> | undefined;
  const signed = () => {
    signing ??= startSigning({
      couple: couple.id,
      self,
      device,
      sync,
      store: options.signing ?? browserSigningStore,
    }).catch((error: unknown) => {
      signing = undefined;
      throw error;
    });
    return signing;
  };

  // Where the last page left off: a reload sends and pulls only what is new since.
  let { sent, since } = loadSyncPosition(couple.id, device);
  const save = () => saveSyncPosition(couple.id, device, { sent, since });
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let receiving = false;
  /** How many events this phone's engine recorded under its device id. */
  const recordedHere = () => engine.getEvents().filter((event) => event.device === device).length;

  /** Sends what the server lacks; the devices it refuses as the other partner's, if any. */
  const send = async (
    own: readonly LoggedEvent[],
    keys: SyncSigning,
  ): Promise<ReadonlySet<string> | undefined> => {
    const batch = exportEvents(own, { couple, recipient: other, since: sent });
    for (const events of uploadChunks(batch.events)) {
      const sealed = cipher
        ? await encryptEvents(events, cipher, { plainTypes: relayReadableEventTypes })
        : events;
      try {
        // Signed last, over what travels: encrypted or plain alike.
        await sync.upload({ ...batch, events: await keys.sign(sealed) });
      } catch (error) {
        const taken = devicesOfOtherPartner(error, events, device);
        if (taken) return taken;
        throw error;
      }
      sent = advanceCursor(sent, events);
      save();
    }
    return undefined;
  };

  const push = async () => {
    await options.saved?.();
    const keys = await signed();
    // Only what this phone recorded, under its id now or one it had before: it can sign no other.
    const own = engine
      .getEvents()
      .filter((event) => event.partner === self && keys.holds(event.device));
    // Each refusal gives up at least one more device, whose events are then left out: this ends.
    for (;;) {
      const taken = await send(own, keys);
      if (!taken) return;
      // The server binds these ids to the other partner, who used them first, so what this phone
      // recorded under them can never go through it (the server's README, "Devices"). They count as
      // sent, so no upload carries them again; they stay in this phone's history.
      sent = advanceCursor(
        sent,
        own.filter((event) => taken.has(event.device)),
      );
      save();
      // This phone's own id: it records under a new one from now on. An earlier id of this phone
      // (from before a clash): the rest goes without its events.
      if (taken.has(device)) throw new DeviceTaken(`Device "${device}" is the other partner's`);
    }
  };

  // As after a clash, this phone takes a new random id, which the store keeps from then on, and the
  // app starts a new engine with it. What was sent and pulled holds under the new id too, so its
  // position starts where this one is, without the events the server refuses.
  const renew = () => {
    stopped = true;
    const next = createDeviceId();
    saveSyncPosition(couple.id, next, { sent, since });
    onState({
      status: 'failed',
      code: DEVICE_OF_OTHER_PARTNER,
      message:
        "The sync server holds this phone's id for the other partner's device, so this phone took a new id and syncs again with it. What it recorded under the old id stays on this phone.",
    });
    options.onHistoryReplaced(engine.getEvents(), next);
  };

  /**
   * The events of a page, each verified: signed by a device the keyring binds to the partner it
   * names, over exactly what arrived. A device the keyring does not know yet may be one the server
   * holds an introduction of; the keyring checks those too. Anything else refused stops the sync
   * with the reason, rather than being left out: the page would be skipped for good.
   */
  const verified = async (events: readonly unknown[], keys: SyncSigning) => {
    let checked = await verifyEvents(events, keys.keyring);
    if (checked.rejected.some(({ error }) => error.code === 'unknown-device')) {
      await keys.learn((await sync.devices()).introductions);
      checked = await verifyEvents(events, keys.keyring);
    }
    const refused = checked.rejected[0];
    if (refused) throw refused.error;
    return checked.verified;
  };

  const pull = async () => {
    const keys = await signed();
    for (;;) {
      const page = await sync.pull(since);
      if (page.couple !== couple.id || page.recipient !== self) {
        throw new WrongPageError(
          `The sync server sent a page for "${String(page.recipient)}" of couple "${String(page.couple)}", not this phone's`,
        );
      }
      const arrived = await verified(page.events, keys);
      const opened = cipher ? await open(arrived, cipher) : arrived;
      // Still unchecked after decrypting: importEvents checks every event, and the batch around them.
      const batch: SyncBatch = { ...page, events: opened as SyncBatch['events'] };
      const result = importEvents(engine.getEvents(), batch, { couple, device, self });
      const refused = result.rejected[0];
      if (refused) throw refused.error;
      if (result.dropped.length > 0 || result.conflicts.length > 0 || result.deviceIdClash) {
        // The engine only ever adds events; a history that lost or changed some starts anew. After
        // a clash another install records under this id: this one takes a new random one, which the
        // store keeps from then on (persistEngine tells it).
        stopped = true;
        options.onHistoryReplaced(result.events, result.deviceIdClash ? createDeviceId() : device);
        return;
      }
      if (result.added.length > 0) {
        const before = recordedHere();
        receiving = true;
        try {
          engine.receive(result.added);
        } finally {
          receiving = false;
        }
        // What arrived can make the engine record events of its own, such as the reveal of a
        // sealed answer once the other partner answered the same prompt: another round sends them
        // now, not at the next poll.
        if (recordedHere() > before) again = true;
      }
      since = page.next;
      save();
      if (!page.more) return;
    }
  };

  const round = async () => {
    onState({ status: 'syncing' });
    try {
      await push();
      await pull();
      if (!stopped) onState({ status: 'synced', at: Date.now() });
    } catch (error) {
      if (stopped) return;
      if (error instanceof DeviceTaken || error instanceof DeviceIdBoundError) renew();
      else if (forGood(error)) {
        stopped = true;
        onState(failure(error));
      } else onState(isOffline(error) ? { status: 'offline' } : failure(error));
    }
  };

  // One round at a time; a request for another while one runs starts one more after it.
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        run();
      }
    });
  };

  // A change recorded here starts a round; what this sync itself receives does not (a round that
  // received and recorded asks for the next itself, in pull).
  const unsubscribe = engine.subscribe(() => {
    if (!receiving) run();
  });
  const timer = setInterval(run, options.pollMs ?? 3_000);
  window.addEventListener('online', run);
  run();

  return () => {
    stopped = true;
    unsubscribe();
    clearInterval(timer);
    window.removeEventListener('online', run);
  };
}
