// A couple's app, once they are set up on this device: their history, the engine over it, the sync
// with the other phone, erasing. The welcome screen does without all of it, so this module (and the
// engine, storage and screens it brings) loads only for a couple: at the start when one is saved,
// else when onboarding finishes.
import { createEngine, type Engine, nineStepProgram } from '@attune/core';
import { AttuneProvider } from '@attune/react';
import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppContext, type AppContextValue } from './app-context.js';
import { APP_NAMESPACE, type AppKey } from './app-text.js';
import { CoupleShell } from './couple-shell.js';
import { switchLanguage } from './i18n.js';
import { type History, type Setup, saveSetup } from './persistence.js';
import { keepRevealChoices, revealModeOf } from './reveal-choices.js';
import type { SyncState } from './sync/relay-sync.js';

/** A couple's engine on this device, and where its events are kept. */
export interface Session {
  readonly engine: Engine;
  readonly history: History;
}

/**
 * The engine over the couple's history. It records under `device`: the store's (`history.device`),
 * or a new one after a clash. Under the store's, it records above every sequence number the store
 * ever kept for it, even when `events` hold fewer (after an erasure).
 */
function createSessionEngine(
  setup: Setup,
  history: History,
  device: string,
  events: History['events'] = history.events,
): Engine {
  return createEngine({
    program: nineStepProgram,
    couple: setup.couple,
    device,
    ...(device === history.device && { sequenceFloor: history.sequenceFloor }),
    events,
    // Read whenever a sealed answer could open, so a changed choice needs no new engine.
    reveal: revealModeOf,
    // The store checked every record as it opened; checking again would only slow the start.
    trusted: true,
    // The other phone's clock may run ahead of this one; its events are still the couple's.
    ...(setup.relay && { maxFutureMs: Number.POSITIVE_INFINITY }),
  });
}

/** Why a tab that opened the history read-only refuses to record; shown in the couple's words. */
class ReadOnlyTabError extends Error {
  override readonly name = 'ReadOnlyTabError';
  constructor() {
    super('This tab opened the history read-only, so it records nothing.');
  }
}

// What an engine in a read-only tab still does: everything but recording.
const reading = new Set<PropertyKey>([
  'program',
  'plugins',
  'couple',
  'device',
  'subscribe',
  'getSnapshot',
  'viewFor',
  'getEvents',
  'receive',
  'refresh',
  'now',
] satisfies (keyof Engine)[]);

/**
 * The engine of a tab whose history is read-only (another tab writes, or a newer version wrote):
 * nothing recorded there would be kept, so every recording method refuses, before any event is made.
 * What the couple has done so far still shows.
 */
function readOnlyEngine(engine: Engine): Engine {
  return new Proxy(engine, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || reading.has(key)) return value;
      return () => {
        throw new ReadOnlyTabError();
      };
    },
  });
}

/** A couple's setup, as the store left it, and their session. */
export interface StartedSession {
  readonly setup: Setup;
  readonly session: Session;
}

/**
 * Starts the engine over the couple's history (`openHistory`, which the boot opens while this code
 * loads). The store has the last word on the device id: when it hands out another one (the history
 * came from another install, or was upgraded without the id), the setup takes it. A read-only
 * history's id is for this page only, and is never saved.
 */
export async function startSession(saved: Setup, history: History): Promise<StartedSession> {
  const setup =
    !history.readOnly && history.device !== saved.device
      ? { ...saved, device: history.device }
      : saved;
  if (setup !== saved) await saveSetup(setup);
  keepRevealChoices(setup);
  const engine = createSessionEngine(setup, history, history.device);
  return {
    setup,
    session: { engine: history.readOnly ? readOnlyEngine(engine) : engine, history },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One of the app's own words, where no hook reaches (effects and error handlers). */
const appWord = (instance: i18n, key: AppKey): string =>
  String(instance.t(`${APP_NAMESPACE}:${key}`));

/** Props of {@link CoupleApp}. */
export interface CoupleAppProps {
  /** The app's i18next instance, with the couple's whole language loaded. */
  readonly i18n: i18n;
  /** What {@link startSession} returned. */
  readonly started: StartedSession;
}

/** A couple's app: their nine steps over the history kept in IndexedDB, synced when they pair. */
export function CoupleApp({ i18n, started }: CoupleAppProps) {
  const [setup, setSetup] = useState(started.setup);
  const [session, setSession] = useState(started.session);
  const [problem, setProblem] = useState<string | undefined>();
  const setupRef = useRef(setup);
  setupRef.current = setup;
  const report = useCallback(
    (error: unknown) => {
      setProblem(
        error === undefined
          ? undefined
          : error instanceof ReadOnlyTabError
            ? appWord(i18n, 'read-only.refused')
            : messageOf(error),
      );
    },
    [i18n],
  );

  // Saves every event the engine records; a new engine (after an erasure) gets a new link.
  useEffect(() => session.history.follow(session.engine, report), [session, report]);

  // Rituals and check-ins come due with time alone, so progress is re-read now and then.
  useEffect(() => {
    const refresh = () => session.engine.refresh();
    const timer = setInterval(refresh, 60_000);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [session]);

  const updateSetup = useCallback(
    (change: (setup: Setup) => Setup) => {
      const next = change(setupRef.current);
      setupRef.current = next;
      keepRevealChoices(next);
      setSetup(next);
      saveSetup(next).catch(report);
    },
    [report],
  );

  // The engine cannot forget events: after an erasure, here or arriving from the other phone, the
  // device keeps the new history and a new engine starts from it (with a new device id after a clash).
  const replaceHistory = useCallback(
    async (history: History, events: History['events'], device?: string) => {
      await history.replace(events);
      const current = setupRef.current;
      const next = device && device !== current.device ? { ...current, device } : current;
      if (next !== current) {
        setupRef.current = next;
        setSetup(next);
        saveSetup(next).catch(report);
      }
      setSession({ engine: createSessionEngine(next, history, next.device, events), history });
    },
    [report],
  );

  // With a phone each, what one partner records reaches the other through the sync server. The
  // sync code loads only for such couples.
  const [sync, setSync] = useState<SyncState | undefined>();
  // A new language saves a new setup object; only these parts matter to the sync.
  const { relay, couple, activePartner } = setup;
  // Different pairing checks mean a key between the phones is not the other phone's: nothing more
  // goes through the server from this phone.
  const mismatch = setup.pairingCheck === 'different';
  useEffect(() => {
    if (!relay) return;
    // A read-only tab leaves the sync to the tab that writes: what it took in would not be kept.
    if (session.history.readOnly) {
      setSync({
        status: 'failed',
        code: 'read-only-tab',
        message: appWord(i18n, 'read-only.sync'),
      });
      return;
    }
    if (mismatch) {
      setSync({
        status: 'failed',
        code: 'pairing-mismatch',
        message: 'The pairing checks differed, so this phone stopped syncing.',
      });
      return;
    }
    let stop: (() => void) | undefined;
    let cancelled = false;
    Promise.all([
      import('./sync/relay-sync.js'),
      import('./sync/relay-client.js'),
      import('@attune/core/crypto'),
    ]).then(([{ startRelaySync }, { relayClient }, { createAesGcmCipher }]) => {
      if (cancelled) return;
      stop = startRelaySync({
        engine: session.engine,
        couple,
        self: activePartner,
        device: session.engine.device,
        sync: relayClient().forPartner(relay),
        // Nothing goes to the other phone before this one has stored it.
        saved: session.history.saved,
        // The key the phones agreed on when pairing: the server relays what it cannot read.
        ...(relay.key && { cipher: createAesGcmCipher({ keys: { couple: relay.key } }) }),
        onState: setSync,
        onHistoryReplaced: (events, newDevice) => {
          replaceHistory(session.history, events, newDevice).catch(report);
        },
      });
    }, report);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [session, relay, couple, activePartner, mismatch, i18n, replaceHistory, report]);

  const context = useMemo(
    (): AppContextValue => ({
      names: setup.names,
      region: setup.region,
      report,
      setLanguage: (locale) => {
        switchLanguage(i18n, locale).then(
          () => updateSetup((current) => ({ ...current, locale })),
          report,
        );
      },
      setRegion: (region) => updateSetup((current) => ({ ...current, region })),
      revealMode: (partner) => setup.reveal?.[partner] ?? 'when-both-answered',
      setRevealMode: (partner, mode) =>
        updateSetup((current) => ({ ...current, reveal: { ...current.reveal, [partner]: mode } })),
    }),
    [setup.names, setup.region, setup.reveal, i18n, report, updateSetup],
  );

  const eraseMyData = async () => {
    if (session.history.readOnly) throw new ReadOnlyTabError();
    // Only erasing needs the sync entry, so it is loaded then.
    const { erasePartner } = await import('@attune/core/sync');
    const erasure = erasePartner(session.engine.getEvents(), {
      couple: setup.couple,
      // The partner who holds the phone, who may erase only their own events.
      self: setup.activePartner,
      partner: setup.activePartner,
      device: session.engine.device,
    });
    await replaceHistory(session.history, erasure.events);
  };

  return (
    <AppContext value={context}>
      <AttuneProvider engine={session.engine} partner={setup.activePartner}>
        <CoupleShell
          problem={problem}
          storageNotice={[
            // Why this tab records nothing, in the couple's words; the store's own reason is English.
            session.history.readOnly && appWord(i18n, 'read-only.notice'),
            ...session.history.problems,
          ]
            .filter(Boolean)
            .join(' ')}
          passPhone={
            setup.relay
              ? undefined
              : (partner) => updateSetup((current) => ({ ...current, activePartner: partner }))
          }
          sync={sync}
          pairingCheck={
            setup.relay?.check && !setup.pairingCheck
              ? {
                  check: setup.relay.check,
                  answer: (same) =>
                    updateSetup((current) => ({
                      ...current,
                      pairingCheck: same ? 'same' : 'different',
                    })),
                }
              : undefined
          }
          eraseMyData={() => eraseMyData().catch(report)}
        />
      </AttuneProvider>
    </AppContext>
  );
}
