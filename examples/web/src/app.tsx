import { AttuneTextProvider } from '@attune/react/text';
import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppContext, type AppContextValue } from './app-context.js';
import { bootLoadingText } from './boot-text.js';
import type { StartedSession } from './couple-app.js';
import { createAppI18n, firstLocale, loadWholeLanguage, switchLanguage } from './i18n.js';
import { loadSetup, openHistory, type Setup, saveSetup } from './persistence.js';
import { Welcome } from './welcome.js';

/** A couple's app, loaded only for a couple: their engine, storage, sync and screens. */
type CoupleModule = typeof import('./couple-app.js');

const loadCoupleModule = (): Promise<CoupleModule> => import('./couple-app.js');

/** How the start went: still loading, failed, or which screen to show with what. */
export type Boot =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'welcome'; readonly i18n: i18n }
  | {
      readonly status: 'couple';
      readonly i18n: i18n;
      readonly couple: CoupleModule;
      readonly started: StartedSession;
    };

let booting: Promise<Boot> | undefined;
let booted: Boot | undefined;

/**
 * Reads the setup while the welcome screen's words load (the page began fetching them before this
 * code ran); for a couple, then loads their whole language, their code and their history, at once.
 */
async function boot(): Promise<Boot> {
  const [saved, i18n] = await Promise.all([loadSetup(), createAppI18n(firstLocale(), 'welcome')]);
  if (!saved) return { status: 'welcome', i18n };
  const [couple, history] = await Promise.all([
    loadCoupleModule(),
    openHistory(saved.couple, saved),
    loadWholeLanguage(i18n, saved.locale),
  ]);
  return { status: 'couple', i18n, couple, started: await couple.startSession(saved, history) };
}

/**
 * Starts the app once per page, and tells how the start went: React runs effects twice in
 * development, and a second store would find the first holding the write lock.
 */
export function startBoot(): Promise<Boot> {
  booting ??= boot().then(
    (result) => {
      booted = result;
      return result;
    },
    (error: unknown) => {
      booted = { status: 'failed', message: messageOf(error) };
      return booted;
    },
  );
  return booting;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The example app: onboarding, then the couple's nine steps, kept in IndexedDB. */
export function App() {
  // Started by main.tsx, which renders once the start is done or is taking a while.
  const [boot, setBoot] = useState<Boot>(() => booted ?? { status: 'loading' });
  const [problem, setProblem] = useState<string | undefined>();
  const report = useCallback((error: unknown) => {
    setProblem(error === undefined ? undefined : messageOf(error));
  }, []);

  useEffect(() => {
    startBoot().then(setBoot);
  }, []);

  // Once the welcome screen is shown, the rest of its language loads: every later screen needs it,
  // and the service worker keeps it for use offline. Onboarding waits for it, and tries again.
  const welcome = boot.status === 'welcome' ? boot.i18n : undefined;
  useEffect(() => {
    if (welcome) loadWholeLanguage(welcome).catch(() => undefined);
  }, [welcome]);

  const welcomeContext = useMemo((): AppContextValue | undefined => {
    if (!welcome) return undefined;
    return {
      names: {},
      region: undefined,
      report,
      setLanguage: (locale) => {
        switchLanguage(welcome, locale).catch(report);
      },
      // Onboarding keeps the region chosen there; there is no couple's setup to keep it in yet.
      setRegion: () => {},
      // No sealed answers before there is a couple.
      revealMode: () => 'when-both-answered',
      setRevealMode: () => {},
    };
  }, [welcome, report]);

  if (boot.status === 'loading') {
    const { text, lang, dir } = bootLoadingText();
    return (
      <p className="loading" aria-busy="true" lang={lang} dir={dir}>
        {text}
      </p>
    );
  }
  if (boot.status === 'failed') {
    return (
      <p role="alert" className="loading">
        {boot.message}
      </p>
    );
  }
  if (boot.status === 'couple') {
    const { CoupleApp } = boot.couple;
    return (
      <AttuneTextProvider i18n={boot.i18n}>
        <CoupleApp i18n={boot.i18n} started={boot.started} />
      </AttuneTextProvider>
    );
  }

  const { i18n } = boot;
  const onboard = async (chosen: Setup) => {
    await saveSetup(chosen);
    const [couple, history] = await Promise.all([
      loadCoupleModule(),
      openHistory(chosen.couple, chosen),
      loadWholeLanguage(i18n),
    ]);
    const started = await couple.startSession(chosen, history);
    setBoot({ status: 'couple', i18n, couple, started });
  };

  return (
    <AttuneTextProvider i18n={i18n}>
      {welcomeContext && (
        <AppContext value={welcomeContext}>
          <Welcome onboard={(setup) => onboard(setup).catch(report)} problem={problem} />
        </AppContext>
      )}
    </AttuneTextProvider>
  );
}
