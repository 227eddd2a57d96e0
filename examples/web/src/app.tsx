import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import { AttuneProvider } from '@attune/react';
import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppContext, type AppContextValue } from './app-context.js';
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

function createSessionEngine(setup: Setup, events: History['events']): Engine {
  return createEngine({
    program: nineStepProgram,
    couple: setup.couple,
    device: setup.device,
    events,
    // The store checked every record as it opened; checking again would only slow the start.
    trusted: true,
    // The other phone's clock may run ahead of this one; its events are still the couple's.
    ...(setup.relay && { maxFutureMs: Number.POSITIVE_INFINITY }),
  });
}

async function startSession(setup: Setup): Promise<Session> {
  const history = await openHistory(setup.couple);
  return { engine: createSessionEngine(setup, history.events), history };
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
    device: 'preview',
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
    const setup = await loadSetup();
    const i18n = await createAppI18n(setup?.locale ?? browserLocale());
    const session = setup && (await startSession(setup));
    return { status: 'ready', i18n, setup, session };
  })();
  return booting;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The example app: onboarding, then the couple's nine steps, kept in IndexedDB. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [problem, setProblem] = useState<string | undefined>();
  const report = useCallback((error: unknown) => {
    setProblem(error === undefined ? undefined : messageOf(error));
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

  const bootRef = useRef(boot);
  bootRef.current = boot;
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
      const engine = createSessionEngine(setup, events);
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
  const device = setup?.device;
  const activePartner = setup?.activePartner;
  // Different pairing checks mean a key between the phones is not the other phone's: nothing more
  // goes through the server from this phone.
  const mismatch = setup?.pairingCheck === 'different';
  useEffect(() => {
    if (!session || !relay || !couple || !device || !activePartner) return;
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
        device,
        sync: relayClient().forPartner(relay),
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
  }, [session, relay, couple, device, activePartner, mismatch, replaceHistory, report]);

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

  const onboard = async (setup: Setup) => {
    await saveSetup(setup);
    const started = await startSession(setup);
    setBoot((current) =>
      current.status === 'ready' ? { ...current, setup, session: started } : current,
    );
  };

  const eraseMyData = async () => {
    const { setup } = boot;
    if (!session || !setup) return;
    // Only erasing needs the sync entry, so it is loaded then.
    const { erasePartner } = await import('@attune/core/sync');
    const erasure = erasePartner(session.engine.getEvents(), {
      couple: setup.couple,
      partner: setup.activePartner,
      device: setup.device,
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
          storageNotice={[session?.history.readOnly, ...(session?.history.problems ?? [])]
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
