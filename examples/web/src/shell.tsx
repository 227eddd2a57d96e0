import { Suspense, useEffect, useRef, useState } from 'react';
import { useApp, usePartners, useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { Banners } from './banners.js';
import { Handover } from './handover.js';
import { LanguageSelect } from './language-select.js';
import type { Setup } from './persistence.js';
import { HelpScreen, Onboarding, Screen } from './screen.js';
import { PairingCheck } from './sync/pairing-check.js';
import type { SyncState } from './sync/relay-sync.js';
import { SyncStatus } from './sync/sync-status.js';
import { href, type Route, useRoute } from './use-route.js';

/** Props of {@link Shell}. */
export interface ShellProps {
  /** True once a couple is set up; before, only onboarding and help are there. */
  readonly signedIn: boolean;
  /** Why the last action was refused, if it was. */
  readonly problem: string | undefined;
  /** What storage reported (read-only, records set aside), if anything. */
  readonly storageNotice: string;
  readonly onboard: (setup: Setup) => void;
  /** Hands the phone to the other partner; absent when each partner has their own phone. */
  readonly passPhone: ((partner: string) => void) | undefined;
  /** How the sync with the other partner's phone stands, when each has their own. */
  readonly sync: SyncState | undefined;
  /** The pairing check to compare with the other phone, until the partners confirm it. */
  readonly pairingCheck?:
    | { readonly check: string; readonly answer: (same: boolean) => void }
    | undefined;
  readonly eraseMyData: () => Promise<void>;
}

/** The frame of every screen: navigation, language, who holds the phone, and the screen itself. */
export function Shell({
  signedIn,
  problem,
  storageNotice,
  onboard,
  passPhone,
  sync,
  pairingCheck,
  eraseMyData,
}: ShellProps) {
  const t = useText();
  const words = useAppText();
  const route = useRoute();
  const { me, other } = usePartners();
  const { report } = useApp();
  const [handingTo, setHandingTo] = useState<string | undefined>();
  const main = useRef<HTMLElement>(null);
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
  }, [screenKey, report]);

  const nav: readonly [Route, string][] = signedIn
    ? [
        [{ screen: 'path' }, t('program.title')],
        [{ screen: 'safety' }, t('safe-space:safety-check.title')],
        [{ screen: 'pause' }, t('safety:pause.title')],
        [{ screen: 'leave' }, t('safety:leave.title')],
        [{ screen: 'help' }, t('safety:help.title')],
      ]
    : [
        [{ screen: 'path' }, words.t('nav.welcome')],
        [{ screen: 'help' }, t('safety:help.title')],
      ];

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
        {signedIn && !passPhone && (
          <div className="holder">
            <p>
              <strong data-testid="active-partner">{me.name}</strong>
            </p>
            <SyncStatus state={sync} partner={other.name} />
          </div>
        )}
        {signedIn && passPhone && !handingTo && (
          <div className="holder">
            <p>
              {words.named('holder.holding', {
                name: (
                  <strong data-testid="active-partner">
                    <bdi>{me.name}</bdi>
                  </strong>
                ),
              })}
            </p>
            <button type="button" onClick={() => setHandingTo(other.id)}>
              {words.named('holder.pass', { name: other.name })}
            </button>
          </div>
        )}
      </header>
      {signedIn && pairingCheck && (
        <PairingCheck
          check={pairingCheck.check}
          partner={other.name}
          onAnswer={pairingCheck.answer}
        />
      )}
      {signedIn && <Banners />}
      <div role="alert" className={problem || storageNotice ? 'alert' : undefined}>
        {problem}
        {storageNotice && <p>{storageNotice}</p>}
      </div>
      <main id="main" ref={main} tabIndex={-1} data-screen={handingTo ? 'handover' : screenKey}>
        {handingTo ? (
          <Handover
            to={handingTo}
            onTaken={() => {
              passPhone?.(handingTo);
              setHandingTo(undefined);
              window.location.hash = href({ screen: 'path' });
              main.current?.focus();
            }}
            onCancel={() => {
              setHandingTo(undefined);
              main.current?.focus();
            }}
          />
        ) : (
          <Suspense
            fallback={
              <p className="loading" aria-busy="true">
                {words.t('loading')}
              </p>
            }
          >
            {signedIn ? (
              <Screen key={`${me.id}/${screenKey}`} route={route} eraseMyData={eraseMyData} />
            ) : route.screen === 'help' ? (
              <HelpScreen />
            ) : (
              <Onboarding onDone={onboard} />
            )}
          </Suspense>
        )}
      </main>
    </>
  );
}
