import type { Couple, Partner } from '@attune/core';
import { useLanguage } from '@attune/react/text';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../app-context.js';
import type { RelayLink, Setup } from '../persistence.js';
import { randomId } from '../random-id.js';
import { browserZone, zones } from '../time-zones.js';
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
  readonly expiresAt: number;
  readonly link: RelayLink;
  readonly names: Readonly<Record<string, string>>;
}

// A code waiting for the other partner survives a reload: otherwise they would join a couple that
// no phone holds any more.
const PENDING_KEY = 'attune-pending-pairing';

function loadPending(): Waiting | undefined {
  try {
    const pending = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as Waiting | null;
    return pending && pending.expiresAt > Date.now() ? pending : undefined;
  } catch {
    return undefined;
  }
}

function savePending(pending: Waiting | undefined): void {
  if (pending) localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  else localStorage.removeItem(PENDING_KEY);
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
  const { region } = useApp();
  const id = useId();
  const [mode, setMode] = useState<'create' | 'join'>('create');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waiting, setWaitingState] = useState<Waiting | undefined>(loadPending);
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
      device: randomId('web'),
      activePartner: self,
      relay: link,
    });

  const finishRef = useRef(finish);
  finishRef.current = finish;
  // The creator's phone asks now and then whether the other partner has joined.
  useEffect(() => {
    if (!waiting) return;
    const sync = relayClient().forPartner(waiting.link);
    let stopped = false;
    const check = async () => {
      try {
        const status = await sync.getCouple();
        if (!stopped && status.paired) {
          stopped = true;
          savePending(undefined);
          finishRef.current(status.couple as Couple, CREATOR, waiting.link, waiting.names);
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
  }, [waiting]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const mine = field('name');
    const theirs = field('partner-name');
    const timeZone = field('zone') || browserZone;
    if (!mine || !theirs) return setError('Please give both names.');
    if (mine.toLocaleLowerCase() === theirs.toLocaleLowerCase()) {
      return setError('Please give two different names, so the app can tell you apart.');
    }
    const client = relayClient();
    setBusy(true);
    setError('');
    try {
      if (mode === 'create') {
        const me: Partner = { id: CREATOR, timeZone };
        const created = await client.createCouple(me, Date.now());
        setWaiting({
          code: created.code,
          expiresAt: created.codeExpiresAt,
          link: { couple: created.couple, token: created.token },
          names: { [CREATOR]: mine, [JOINER]: theirs },
        });
      } else {
        const joined = await client.joinCouple(field('code'), { id: JOINER, timeZone });
        finish(
          joined.couple,
          JOINER,
          { couple: joined.couple.id, token: joined.token },
          { [JOINER]: mine, [CREATOR]: theirs },
        );
      }
    } catch (failure) {
      setError(
        failure instanceof TypeError
          ? 'The sync server cannot be reached. Check your connection and try again.'
          : failure instanceof Error
            ? failure.message
            : String(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  if (waiting) {
    const until = new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(
      waiting.expiresAt,
    );
    return (
      <div className="pairing" aria-live="polite">
        <h2>Your pairing code</h2>
        <p className="pairing-code" data-testid="pairing-code">
          {waiting.code}
        </p>
        <p>
          On <bdi>{waiting.names[JOINER]}</bdi>’s phone, open Attune, choose “Each on our own
          phone”, then “Join with a code”, and enter this code before {until}.
        </p>
        <p className="loading" aria-busy="true">
          Waiting for <bdi>{waiting.names[JOINER]}</bdi> to join…
        </p>
        <button type="button" onClick={() => setWaiting(undefined)}>
          Start over
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
      <fieldset className="choice">
        <legend>Are you starting, or joining your partner?</legend>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'create'}
            onChange={() => setMode('create')}
          />{' '}
          Start and get a code
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'join'}
            onChange={() => setMode('join')}
          />{' '}
          Join with a code
        </label>
      </fieldset>
      {mode === 'join' && (
        <div className="field">
          <label htmlFor={`${id}-code`}>Pairing code</label>
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
        <label htmlFor={`${id}-name`}>Your name</label>
        <input id={`${id}-name`} name="name" required maxLength={40} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-partner-name`}>Your partner’s name</label>
        <input
          id={`${id}-partner-name`}
          name="partner-name"
          required
          maxLength={40}
          autoComplete="off"
        />
        <p className="hint">Names stay on this phone; the sync server never sees them.</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-zone`}>Your time zone</label>
        <select id={`${id}-zone`} name="zone" defaultValue={browserZone}>
          {zones.map((each) => (
            <option key={each} value={each}>
              {each.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {mode === 'create' ? 'Get our pairing code' : 'Join'}
      </button>
    </form>
  );
}
