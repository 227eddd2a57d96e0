import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import { createDeviceId } from '@attune/core/sync';
import { AttuneProvider } from '@attune/react';
import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppContext, type AppContextValue } from './app-context.js';
import { APP_NAMESPACE, type AppKey } from './app-text.js';
import { bootLoadingText } from './boot-text.js';
import { browserLocale, createAppI18n, switchLanguage } from './i18n.js';
import { type History, loadSetup, openHistory, type Setup, saveSetup } from './persistence.js';
import { Shell } from './shell.js';
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

/**
 * Opens the couple's history and the engine over it. The store has the last word on the device id:
 * when it hands out another one (the history came from another install, or was upgraded without
 * the id), the setup takes it. A read-only history's id is for this page only, and is never saved.
 */
async function startSession(saved: Setup): Promise<{ setup: Setup; session: Session }> {
  const history = await openHistory(saved.couple, saved);
  const setup =
    !history.readOnly && history.device !== saved.device
      ? { ...saved, device: history.device }
      : saved;
  if (setup !== saved) await saveSetup(setup);
  const engine = createSessionEngine(setup, history, history.device);
  return {
    setup,
    session: { engine: history.readOnly ? readOnlyEngine(engine) : engine, history },
  };
}

// The hooks need an engine even before a couple exists: this one only lets the welcome screen and
// help use the same text hooks as every other screen. Nothing is ever recorded in it.
const previewCouple: Couple = {
  id: 'preview',
  partners: [
    { id: 'preview-a', timeZone: 'UTC' },
    { id: 'preview-b', timeZone: 'UTC' },
  ],
  startedAt: 0,
};
let previewEngine: Engine | undefined;
const getPreviewEngine = (): Engine => {
  previewEngine ??= createEngine({
    program: nineStepProgram,
    couple: previewCouple,
    // Random like every device id, though nothing is ever recorded here.
    device: createDeviceId(),
  });
  return previewEngine;
};

type Boot =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly i18n: i18n;
      readonly setup: Setup | undefined;
      readonly session: Session | undefined;
    };

let booting: Promise<Boot> | undefined;

/**
 * Loads the setup, the language and the couple's history, once per page: React runs effects twice
 * in development, and a second store would find the first holding the write lock.
 */
function bootOnce(): Promise<Boot> {
  booting ??= (async (): Promise<Boot> => {
    const saved = await loadSetup();
    const i18n = await createAppI18n(saved?.locale ?? browserLocale());
    const started = saved && (await startSession(saved));
    return { status: 'ready', i18n, setup: started?.setup ?? saved, session: started?.session };
  })();
  return booting;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One of the app's own words, where no hook reaches (the boot's i18next instance). */
const appWord = (instance: i18n, key: AppKey): string =>
  String(instance.t(`${APP_NAMESPACE}:${key}`));

/** The example app: onboarding, then the couple's nine steps, kept in IndexedDB. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [problem, setProblem] = useState<string | undefined>();
  const bootRef = useRef(boot);
  bootRef.current = boot;
  const report = useCallback((error: unknown) => {
    const current = bootRef.current;
    setProblem(
      error === undefined
        ? undefined
        : error instanceof ReadOnlyTabError && current.status === 'ready'
          ? appWord(current.i18n, 'read-only.refused')
          : messageOf(error),
    );
  }, []);

  useEffect(() => {
    bootOnce().then(setBoot, (error: unknown) =>
      setBoot({ status: 'failed', message: messageOf(error) }),
    );
  }, []);

  const session = boot.status === 'ready' ? boot.session : undefined;
  // Saves every event the engine records; a new engine (after an erasure) gets a new link.
  useEffect(() => session?.history.follow(session.engine, report), [session, report]);

  // Rituals and check-ins come due with time alone, so progress is re-read now and then.
  useEffect(() => {
    if (!session) return;
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
      const current = bootRef.current;
      if (current.status !== 'ready' || !current.setup) return;
      const setup = change(current.setup);
      setBoot({ ...current, setup });
      saveSetup(setup).catch(report);
    },
    [report],
  );

  // The engine cannot forget events: after an erasure, here or arriving from the other phone, the
  // device keeps the new history and a new engine starts from it (with a new device id after a clash).
  const replaceHistory = useCallback(
    async (history: History, events: History['events'], device?: string) => {
      await history.replace(events);
      const current = bootRef.current;
      if (current.status !== 'ready' || !current.setup) return;
      const setup =
        device && device !== current.setup.device ? { ...current.setup, device } : current.setup;
      if (setup !== current.setup) saveSetup(setup).catch(report);
      const engine = createSessionEngine(setup, history, setup.device, events);
      setBoot({ ...current, setup, session: { engine, history } });
    },
    [report],
  );

  // With a phone each, what one partner records reaches the other through the sync server. The
  // sync code loads only for such couples.
  const [sync, setSync] = useState<SyncState | undefined>();
  const setup = boot.status === 'ready' ? boot.setup : undefined;
  // A new language saves a new setup object; only these parts matter to the sync.
  const relay = setup?.relay;
  const couple = setup?.couple;
  const activePartner = setup?.activePartner;
  // Different pairing checks mean a key between the phones is not the other phone's: nothing more
  // goes through the server from this phone.
  const mismatch = setup?.pairingCheck === 'different';
  useEffect(() => {
    if (!session || !relay || !couple || !activePartner) return;
    // A read-only tab leaves the sync to the tab that writes: what it took in would not be kept.
    const current = bootRef.current;
    if (session.history.readOnly && current.status === 'ready') {
      setSync({
        status: 'failed',
        code: 'read-only-tab',
        message: appWord(current.i18n, 'read-only.sync'),
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
  }, [session, relay, couple, activePartner, mismatch, replaceHistory, report]);

  const context = useMemo((): AppContextValue | undefined => {
    if (boot.status !== 'ready') return undefined;
    return {
      names: boot.setup?.names ?? {},
      region: boot.setup?.region,
      report,
      setLanguage: (locale) => {
        switchLanguage(boot.i18n, locale).then(
          () => updateSetup((setup) => ({ ...setup, locale })),
          report,
        );
      },
      setRegion: (region) => updateSetup((setup) => ({ ...setup, region })),
    };
  }, [boot, report, updateSetup]);

  if (boot.status === 'loading') {
    const { text, lang, dir } = bootLoadingText();
    return (
      <p className="loading" aria-busy="true" lang={lang} dir={dir}>
        {text}
      </p>
    );
  }
  if (boot.status === 'failed' || !context) {
    return (
      <p role="alert" className="loading">
        {boot.status === 'failed' ? boot.message : ''}
      </p>
    );
  }

  const onboard = async (chosen: Setup) => {
    await saveSetup(chosen);
    const { setup, session } = await startSession(chosen);
    setBoot((current) => (current.status === 'ready' ? { ...current, setup, session } : current));
  };

  const eraseMyData = async () => {
    const { setup } = boot;
    if (!session || !setup) return;
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

  const engine = session?.engine ?? getPreviewEngine();

  return (
    <AppContext value={context}>
      <AttuneProvider
        engine={engine}
        partner={boot.setup?.activePartner ?? 'preview-a'}
        i18n={boot.i18n}
      >
        <Shell
          signedIn={!!session}
          problem={problem}
          storageNotice={[
            // Why this tab records nothing, in the couple's words; the store's own reason is English.
            session?.history.readOnly && appWord(boot.i18n, 'read-only.notice'),
            ...(session?.history.problems ?? []),
          ]
            .filter(Boolean)
            .join(' ')}
          onboard={(setup) => onboard(setup).catch(report)}
          passPhone={
            boot.setup?.relay
              ? undefined
              : (partner) => updateSetup((setup) => ({ ...setup, activePartner: partner }))
          }
          sync={sync}
          pairingCheck={
            boot.setup?.relay?.check && !boot.setup.pairingCheck
              ? {
                  check: boot.setup.relay.check,
                  answer: (same) =>
                    updateSetup((setup) => ({
                      ...setup,
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
