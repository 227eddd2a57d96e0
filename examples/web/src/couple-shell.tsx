import { useRef, useState } from 'react';
import { usePartners, useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { Banners } from './banners.js';
import { Handover } from './handover.js';
import { Screen } from './screen.js';
import { Shell } from './shell.js';
import { PairingCheck } from './sync/pairing-check.js';
import type { SyncState } from './sync/relay-sync.js';
import { SyncStatus } from './sync/sync-status.js';
import { href, type Route, useRoute } from './use-route.js';

/** Props of {@link CoupleShell}. */
export interface CoupleShellProps {
  /** Why the last action was refused, if it was. */
  readonly problem: string | undefined;
  /** What storage reported (read-only, records set aside), if anything. */
  readonly storageNotice: string;
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

/** A couple's frame: every screen of the program, who holds the phone, banners and hand-overs. */
export function CoupleShell({
  problem,
  storageNotice,
  passPhone,
  sync,
  pairingCheck,
  eraseMyData,
}: CoupleShellProps) {
  const t = useText();
  const words = useAppText();
  const route = useRoute();
  const { me, other } = usePartners();
  const [handingTo, setHandingTo] = useState<string | undefined>();
  const main = useRef<HTMLElement>(null);
  const screenKey = `${route.screen}/${'id' in route ? route.id : ''}`;

  const nav: readonly [Route, string][] = [
    [{ screen: 'path' }, t('program.title')],
    [{ screen: 'safety' }, t('safe-space:safety-check.title')],
    [{ screen: 'pause' }, t('safety:pause.title')],
    [{ screen: 'leave' }, t('safety:leave.title')],
    [{ screen: 'help' }, t('safety:help.title')],
  ];

  const holder = passPhone ? (
    !handingTo && (
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
    )
  ) : (
    <div className="holder">
      <p>
        <strong data-testid="active-partner">{me.name}</strong>
      </p>
      <SyncStatus state={sync} partner={other.name} />
    </div>
  );

  return (
    <Shell
      nav={nav}
      holder={holder}
      notices={
        <>
          {pairingCheck && (
            <PairingCheck
              check={pairingCheck.check}
              partner={other.name}
              onAnswer={pairingCheck.answer}
            />
          )}
          <Banners />
        </>
      }
      problem={problem}
      storageNotice={storageNotice}
      showing={handingTo ? 'handover' : undefined}
      mainRef={main}
    >
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
        <Screen key={`${me.id}/${screenKey}`} route={route} eraseMyData={eraseMyData} />
      )}
    </Shell>
  );
}
