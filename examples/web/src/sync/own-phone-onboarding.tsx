import type { Couple, Partner } from '@attune/core';
import {
  createDeviceKeyring,
  type DeviceBinding,
  type DeviceSigningKeyPair,
  exportSigningPublicKey,
  generateDeviceSigningKey,
  importSigningPublicKey,
} from '@attune/core/crypto';
import { createDeviceId } from '@attune/core/sync';
import { type PairingDevice, SyncServerError } from '@attune/example-sync-server/client';
import { useLanguage } from '@attune/react/text';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../app-context.js';
import { type AppText, useAppText } from '../app-text.js';
import {
  type DeviceSigning,
  loadDeviceSigning,
  loadPairingKeys,
  type RelayLink,
  type Setup,
  saveDeviceSigning,
  savePairingKeys,
} from '../persistence.js';
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
  /** The device this phone pairs with; its signing key waits in IndexedDB (`DeviceSigning`). */
  readonly device?: string;
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

/** This phone's half of a pairing: its device and the key pair that device signs with. */
interface OwnDevice {
  readonly device: string;
  readonly keys: DeviceSigningKeyPair;
}

/** A new device id for this phone, with a new signing key pair whose private half stays here. */
async function newDevice(): Promise<OwnDevice> {
  return { device: createDeviceId(), keys: await generateDeviceSigningKey() };
}

/** The device and signing key this phone sends when creating or joining. */
async function pairingDevice(own: OwnDevice): Promise<PairingDevice> {
  return { device: own.device, signingKey: await exportSigningPublicKey(own.keys) };
}

/** What the server passed on of the other phone: its public key, device and signing key. */
interface TheirKeys {
  readonly publicKey: string | undefined;
  readonly device: PairingDevice | undefined;
}

/**
 * The link to the sync server with the key the two phones now share and the check both show, and
 * what this phone keeps to sign and check events: both phones' devices with their signing keys,
 * which the check covers as it covers the key agreement's keys. The server passed on the other
 * phone's keys; without them nothing could travel privately, or be told apart from the server's.
 */
async function paired(
  link: RelayLink,
  keys: CryptoKeyPair,
  own: OwnDevice,
  self: string,
  other: string,
  theirs: TheirKeys,
): Promise<{ readonly link: RelayLink; readonly signing: DeviceSigning }> {
  const { publicKey, device } = theirs;
  if (!publicKey || !device) throw new MissingKeyError();
  const ours = { publicKey: await publicKeyText(keys), ...(await pairingDevice(own)) };
  const bindings: DeviceBinding[] = [
    { couple: link.couple, partner: self, device: ours.device, publicKey: ours.signingKey },
    { couple: link.couple, partner: other, device: device.device, publicKey: device.signingKey },
  ];
  try {
    await importSigningPublicKey(device.signingKey);
    // Refuses, among others, the other phone's device under this phone's id.
    await createDeviceKeyring({ couple: link.couple, bindings });
  } catch {
    throw new MissingKeyError();
  }
  const [key, check] = await Promise.all([
    deriveCoupleKey(keys, publicKey, link.couple),
    pairingCheck(ours, { publicKey, ...device }),
  ]);
  return {
    link: { ...link, key, check },
    signing: {
      couple: link.couple,
      partner: self,
      keys: [{ device: own.device, keys: own.keys }],
      bindings,
      introductions: [],
    },
  };
}

/** The sync server did not pass on the other phone's keys, or this phone lost its own. */
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

  const finish = (
    couple: Couple,
    self: string,
    link: RelayLink,
    names: Waiting['names'],
    device: string,
  ) =>
    onDone({
      couple: plainCouple(couple),
      names,
      locale: language,
      region,
      device,
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
          let done: Awaited<ReturnType<typeof paired>>;
          try {
            const [keys, signing] = await Promise.all([loadPairingKeys(), loadDeviceSigning()]);
            const own = signing?.keys[0];
            // Waiting still, or paired already by a check that a reload cut short.
            const ours = signing?.couple === '' || signing?.couple === waiting.link.couple;
            if (!keys || !own || own.device !== waiting.device || !ours) {
              throw new MissingKeyError();
            }
            done = await paired(waiting.link, keys, own, CREATOR, JOINER, {
              publicKey: status.publicKeys[JOINER],
              device: status.signingKeys?.[JOINER],
            });
            await saveDeviceSigning(done.signing);
          } catch (failure) {
            // Never a pairing without the keys: the couple would sync in the open, unsigned.
            setError(pairingProblem(failure, t));
            return;
          }
          savePending(undefined);
          await savePairingKeys(undefined);
          const device = done.signing.keys[0]?.device as string;
          finishRef.current(status.couple as Couple, CREATOR, done.link, waiting.names, device);
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
    await saveDeviceSigning(undefined).catch(() => undefined);
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
      const [keys, own] = await Promise.all([createPairingKeys(), newDevice()]);
      if (mode === 'create') {
        const me: Partner = { id: CREATOR, timeZone };
        // Kept before the server hears of the couple, so a reload while waiting can still finish.
        await savePairingKeys(keys);
        await saveDeviceSigning({
          couple: '',
          partner: CREATOR,
          keys: [own],
          bindings: [],
          introductions: [],
        });
        const created = await client.createCouple(
          me,
          Date.now(),
          await publicKeyText(keys),
          await pairingDevice(own),
        );
        setWaiting({
          code: created.code,
          expiresAt: Date.now() + created.codeExpiresInMs,
          link: { couple: created.couple, token: created.token },
          names: { [CREATOR]: mine, [JOINER]: theirs },
          device: own.device,
        });
      } else {
        const joined = await client.joinCouple(
          field('code'),
          { id: JOINER, timeZone },
          await publicKeyText(keys),
          await pairingDevice(own),
        );
        const done = await paired(
          { couple: joined.couple.id, token: joined.token },
          keys,
          own,
          JOINER,
          CREATOR,
          { publicKey: joined.publicKeys[CREATOR], device: joined.signingKeys?.[CREATOR] },
        );
        await saveDeviceSigning(done.signing);
        finish(joined.couple, JOINER, done.link, { [JOINER]: mine, [CREATOR]: theirs }, own.device);
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
