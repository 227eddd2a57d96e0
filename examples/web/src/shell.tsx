import { type ReactNode, type RefObject, Suspense, useEffect, useRef } from 'react';
import { useApp } from './app-context.js';
import { useAppText } from './app-text.js';
import { LanguageSelect } from './language-select.js';
import { href, type Route, useRoute } from './use-route.js';

/** Props of {@link Shell}. */
export interface ShellProps {
  /** The navigation's links: where each goes, and its label. */
  readonly nav: readonly (readonly [Route, string])[];
  /** Shown in the header under the navigation: who holds the phone, how the sync stands. */
  readonly holder?: ReactNode;
  /** Shown between the header and the screen: the pairing check, banners. */
  readonly notices?: ReactNode;
  /** Why the last action was refused, if it was. */
  readonly problem: string | undefined;
  /** What storage reported (read-only, records set aside), if anything. */
  readonly storageNotice?: string;
  /** Names what `<main>` shows, when it is not the route's screen (`handover`). */
  readonly showing?: string | undefined;
  /** The `<main>` element, for what moves the focus there itself. */
  readonly mainRef?: RefObject<HTMLElement | null>;
  /** The screen. */
  readonly children: ReactNode;
}

/**
 * The frame of every screen, before a couple is set up and after: the navigation, the language, the
 * alerts, and the screen itself, which takes the focus when the route changes.
 */
export function Shell({
  nav,
  holder,
  notices,
  problem,
  storageNotice,
  showing,
  mainRef,
  children,
}: ShellProps) {
  const words = useAppText();
  const route = useRoute();
  const { report } = useApp();
  const ownMain = useRef<HTMLElement>(null);
  const main = mainRef ?? ownMain;
  const screenKey = `${route.screen}/${'id' in route ? route.id : ''}`;

  // A new screen takes the focus, so keyboard and screen-reader users start at its top.
  const shown = useRef(screenKey);
  useEffect(() => {
    if (shown.current === screenKey) return;
    shown.current = screenKey;
    main.current?.focus();
    window.scrollTo(0, 0);
    // A refusal belongs to the screen it happened on.
    report(undefined);
  }, [screenKey, report, main]);

  return (
    <>
      <a className="skip-link" href="#main">
        {words.t('skip-link')}
      </a>
      <header className="top">
        <div className="top-row">
          <p className="brand">Attune</p>
          <LanguageSelect />
        </div>
        <nav aria-label={words.t('nav.label')}>
          <ul className="nav">
            {nav.map(([target, label]) => (
              <li key={target.screen}>
                <a
                  href={href(target)}
                  aria-current={route.screen === target.screen ? 'page' : undefined}
                  className={target.screen === 'help' ? 'nav-help' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {holder}
      </header>
      {notices}
      <div role="alert" className={problem || storageNotice ? 'alert' : undefined}>
        {problem}
        {storageNotice && <p>{storageNotice}</p>}
      </div>
      <main id="main" ref={main} tabIndex={-1} data-screen={showing ?? screenKey}>
        <Suspense
          fallback={
            <p className="loading" aria-busy="true">
              {words.t('loading')}
            </p>
          }
        >
          {children}
        </Suspense>
      </main>
    </>
  );
}
