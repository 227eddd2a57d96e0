import type { Couple, Partner } from '@attune/core';
import { createDeviceId } from '@attune/core/sync';
import { SyncServerError } from '@attune/example-sync-server/client';
import { useLanguage } from '@attune/react/text';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../app-context.js';
import { type AppText, useAppText } from '../app-text.js';
import { loadPairingKeys, type RelayLink, type Setup, savePairingKeys } from '../persistence.js';
import { TimeZoneOptions } from '../time-zone-options.js';
import { browserZone } from '../time-zones.js';
import { cancelPairing } from './cancel-pairing.js';
import { createPairingKeys, deriveCoupleKey, pairingCheck, publicKeyText } from './couple-key.js';
import { relayClient } from './relay-client.js';

// The relay sees partner ids, never names: each phone keeps both names for itself.
const CREATOR = 'partner-1';
const JOINER = 'partner-2';

/** Props of {@link OwnPhoneOnboarding}. */
export interface OwnPhoneOnboardingProps {
  readonly onDone: (setup: Setup) => void;
}

interface Waiting {
  readonly code: string;
  /** When the code runs out, by this phone's clock (the server's may differ). */
  readonly expiresAt: number;
  readonly link: RelayLink;
  readonly names: Readonly<Record<string, string>>;
}

// A code waiting for the other partner survives a reload: otherwise they would join a couple that
// no phone holds any more.
const PENDING_KEY = 'attune-pending-pairing';

function loadPending(): Waiting | undefined {
  try {
    // Kept past its code's expiry: the couple is still on the server, and gets a new code.
    return (JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as Waiting | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function savePending(pending: Waiting | undefined): void {
  if (pending) localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  else localStorage.removeItem(PENDING_KEY);
}

/**
 * Why pairing did not work, in the couple's language where the reason is one a person can act on;
 * other refusals keep the server's own explanation.
 */
function pairingProblem(failure: unknown, t: AppText['t']): string {
  if (failure instanceof TypeError) return t('sync.unreachable');
  if (failure instanceof MissingKeyError) return t('sync.key-missing');
  if (failure instanceof SyncServerError) {
    if (failure.code === 'unknown-code' || failure.code === 'missing-code') {
      return t('sync.code-unknown');
    }
    if (failure.code === 'rate-limited') return t('sync.rate-limited');
    // No explanation and a gateway's status: the proxy in front could not reach the server.
    if (failure.code === 'unknown' && failure.status >= 502 && failure.status <= 504) {
      return t('sync.unreachable');
    }
  }
  return failure instanceof Error ? failure.message : String(failure);
}

/**
 * The link to the sync server with the key the two phones now share, and the check both show. The
 * server passed on the other phone's public key; without one, nothing could travel privately.
 */
async function withCoupleKey(
  link: RelayLink,
  keys: CryptoKeyPair,
  theirs: string | undefined,
): Promise<RelayLink> {
  if (!theirs) throw new MissingKeyError();
  const [key, check] = await Promise.all([
    deriveCoupleKey(keys, theirs, link.couple),
    publicKeyText(keys).then((ours) => pairingCheck(ours, theirs)),
  ]);
  return { ...link, key, check };
}

/** The sync server did not pass on the other phone's public key, or this phone lost its own. */
class MissingKeyError extends Error {
  constructor() {
    super('The phones could not agree on a key, so pairing stopped.');
  }
}

/** The couple as both phones must hold it: exactly what the server has, nothing more. */
const plainCouple = ({ id, partners: [first, second], startedAt }: Couple): Couple => ({
  id,
  partners: [
    { id: first.id, timeZone: first.timeZone },
    { id: second.id, timeZone: second.timeZone },
  ],
  startedAt,
});

/**
 * Onboarding when each partner uses their own phone: one creates the couple on the sync server and
 * reads out a short code, the other joins with it. Each phone then holds the same couple, and the
 * sync server carries between them only what each partner may see.
 */
export function OwnPhoneOnboarding({ onDone }: OwnPhoneOnboardingProps) {
  const language = useLanguage();
  const words = useAppText();
  const { t } = words;
  const { region } = useApp();
  const id = useId();
  const [mode, setMode] = useState<'create' | 'join'>('create');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waiting, setWaitingState] = useState<Waiting | undefined>(loadPending);
  // While starting over, the checks below stop, so they cannot finish pairing at the same moment.
  const [cancelling, setCancelling] = useState(false);
  const setWaiting = (next: Waiting | undefined) => {
    savePending(next);
    setWaitingState(next);
  };

  const finish = (couple: Couple, self: string, link: RelayLink, names: Waiting['names']) =>
    onDone({
      couple: plainCouple(couple),
      names,
      locale: language,
      region,
      device: createDeviceId(),
      activePartner: self,
      relay: link,
    });

  const finishRef = useRef(finish);
  finishRef.current = finish;
  // The creator's phone asks now and then whether the other partner has joined.
  useEffect(() => {
    if (!waiting || cancelling) return;
    const sync = relayClient().forPartner(waiting.link);
    let stopped = false;
    const check = async () => {
      try {
        const status = await sync.getCouple();
        if (stopped) return;
        if (status.paired) {
          stopped = true;
          const keys = await loadPairingKeys();
          let link: RelayLink;
          try {
            if (!keys) throw new MissingKeyError();
            link = await withCoupleKey(waiting.link, keys, status.publicKeys[JOINER]);
          } catch (failure) {
            // Never a pairing without the key: the couple would sync in the open.
            setError(pairingProblem(failure, t));
            return;
          }
          savePending(undefined);
          await savePairingKeys(undefined);
          finishRef.current(status.couple as Couple, CREATOR, link, waiting.names);
        } else if (Date.now() >= waiting.expiresAt) {
          // The couple waits on the server still; only its code ran out, so a new one replaces it.
          const renewed = await sync.renewCode();
          const expiresAt = Date.now() + renewed.codeExpiresInMs;
          const next = { ...waiting, code: renewed.code, expiresAt };
          if (stopped) return;
          savePending(next);
          setWaitingState(next);
        }
      } catch {
        // Offline for a moment: the next check tries again.
      }
    };
    const timer = setInterval(check, 1_500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waiting, cancelling, t]);

  const startOver = async () => {
    if (!waiting) return;
    setCancelling(true);
    const outcome = await cancelPairing(relayClient().forPartner(waiting.link));
    if (outcome.kind === 'paired') {
      // The partner joined just before: pairing finishes, with the key, as the checks would have.
      setCancelling(false);
      return;
    }
    await savePairingKeys(undefined).catch(() => undefined);
    setWaiting(undefined);
    setCancelling(false);
    setError('');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const mine = field('name');
    const theirs = field('partner-name');
    const timeZone = field('zone') || browserZone;
    if (!mine || !theirs) return setError(t('onboarding.names-missing'));
    if (mine.toLocaleLowerCase() === theirs.toLocaleLowerCase()) {
      return setError(t('onboarding.names-same'));
    }
    const client = relayClient();
    setBusy(true);
    setError('');
    try {
      if (mode === 'create') {
        const me: Partner = { id: CREATOR, timeZone };
        const keys = await createPairingKeys();
        // Kept before the server hears of the couple, so a reload while waiting can still finish.
        await savePairingKeys(keys);
        const created = await client.createCouple(me, Date.now(), await publicKeyText(keys));
        setWaiting({
          code: created.code,
          expiresAt: Date.now() + created.codeExpiresInMs,
          link: { couple: created.couple, token: created.token },
          names: { [CREATOR]: mine, [JOINER]: theirs },
        });
      } else {
        const keys = await createPairingKeys();
        const joined = await client.joinCouple(
          field('code'),
          { id: JOINER, timeZone },
          await publicKeyText(keys),
        );
        const link = await withCoupleKey(
          { couple: joined.couple.id, token: joined.token },
          keys,
          joined.publicKeys[CREATOR],
        );
        finish(joined.couple, JOINER, link, { [JOINER]: mine, [CREATOR]: theirs });
      }
    } catch (failure) {
      setError(pairingProblem(failure, t));
    } finally {
      setBusy(false);
    }
  };

  if (waiting) {
    // Codes last a day: the weekday tells today's evening from tomorrow morning.
    const until = new Intl.DateTimeFormat(language, {
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
    }).format(waiting.expiresAt);
    return (
      <div className="pairing" aria-live="polite">
        <h2>{t('sync.code-title')}</h2>
        <p className="pairing-code" data-testid="pairing-code">
          {waiting.code}
        </p>
        <p>
          {words.named(
            'sync.code-how',
            { name: waiting.names[JOINER] ?? '' },
            { ownPhones: t('onboarding.own-phones'), join: t('sync.join'), time: until },
          )}
        </p>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p className="loading" aria-busy="true">
            {words.named('sync.waiting', { name: waiting.names[JOINER] ?? '' })}
          </p>
        )}
        <button type="button" onClick={startOver} disabled={cancelling}>
          {t('sync.start-over')}
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
      <fieldset className="choice">
        <legend>{t('sync.start-or-join')}</legend>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'create'}
            onChange={() => setMode('create')}
          />{' '}
          {t('sync.start')}
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'join'}
            onChange={() => setMode('join')}
          />{' '}
          {t('sync.join')}
        </label>
      </fieldset>
      {mode === 'join' && (
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('sync.code')}</label>
          <input
            id={`${id}-code`}
            name="code"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="K7QX-M2PA"
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('sync.your-name')}</label>
        <input id={`${id}-name`} name="name" required maxLength={40} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-partner-name`}>{t('sync.partner-name')}</label>
        <input
          id={`${id}-partner-name`}
          name="partner-name"
          required
          maxLength={40}
          autoComplete="off"
        />
        <p className="hint">{t('sync.names-private')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-zone`}>{t('sync.your-zone')}</label>
        <select id={`${id}-zone`} name="zone" defaultValue={browserZone}>
          <TimeZoneOptions />
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {mode === 'create' ? t('sync.get-code') : t('sync.join-button')}
      </button>
    </form>
  );
}
