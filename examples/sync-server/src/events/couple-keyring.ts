import {
  type AttuneSignatureError,
  createDeviceKeyring,
  type DeviceBinding,
  type DeviceKeyring,
  verifyEvents,
} from '@attune/core/crypto';
import { HttpProblem } from '../http/http-problem.js';
import type { RelayStore, StoredSigningKey } from '../storage/relay-store.js';
import { type EventProblem, refusal } from './check-upload.js';

/** A stored signing key as the core's binding. */
export const bindingOf = (couple: string, key: StoredSigningKey): DeviceBinding => ({
  couple,
  partner: key.partner,
  device: key.device,
  publicKey: key.publicKey,
});

/**
 * The couple's keyring: the devices the partners paired with, and every device introduced since.
 * Each introduction was checked with the keyring when it arrived, so the stored rows are bound as
 * they are, without verifying every introduction again on every request.
 *
 * @throws {@link HttpProblem} 409 `no-signing-keys` when `partner` has no device bound: the couple
 *   paired before the relay checked signatures.
 */
export async function coupleKeyring(
  store: RelayStore,
  couple: string,
  partner: string,
): Promise<DeviceKeyring> {
  const keys = await store.getSigningKeys(couple);
  if (!keys.some((key) => key.partner === partner)) {
    throw new HttpProblem(409, {
      code: 'no-signing-keys',
      message:
        'This couple paired before the relay checked signatures, so it knows no device of yours to verify your events with',
      where: 'path',
      fix: 'Pair again: POST /couples and POST /couples/join with device and signingKey (see the README, "Existing couples")',
    });
  }
  return createDeviceKeyring({ couple, bindings: keys.map((key) => bindingOf(couple, key)) });
}

interface Explained {
  readonly where: (at: string) => string;
  readonly fix: string;
}

const notAnEvent: Explained = {
  where: (at) => at,
  fix: 'Send each event as an object, as signEvents returned it',
};

/** Where in an upload each signature problem is, and what the uploading phone should do. */
const explained: Readonly<Record<string, Explained>> = {
  unsigned: {
    where: (at) => `${at}.signature`,
    fix: 'Sign every event as it leaves its device: signEvents(events, signer), after encryptEvents',
  },
  'bad-signature': {
    where: (at) => `${at}.signature`,
    fix: 'Upload each event as signEvents returned it, signed by the device it names; nothing may change after signing',
  },
  'unknown-device': {
    where: (at) => `${at}.device`,
    fix: 'Introduce the device first: POST /couples/<id>/introductions with what introduceDevice returned on one of your bound devices',
  },
  'device-of-other-partner': {
    where: (at) => `${at}.device`,
    fix: "If this is your own device, another device took its id first: take a new one with createDeviceId() and record from it; your partner's devices upload their own events",
  },
  malformed: notAnEvent,
};

const asProblem = (index: number, error: AttuneSignatureError): EventProblem => {
  const { where, fix } = explained[error.code] ?? notAnEvent;
  return { index, code: error.code, message: error.message, where: where(`events[${index}]`), fix };
};

/**
 * Verifies every event of an upload with the couple's keyring before anything else looks at it:
 * each must carry the signature of a device bound to the partner it names, over exactly what it
 * holds. One that does not refuses the whole upload, each such event listed.
 *
 * @throws {@link HttpProblem} 403 `events-refused` (422 when every problem is a value that is not
 *   an event at all).
 */
export async function verifyUpload(
  values: readonly unknown[],
  keyring: DeviceKeyring,
): Promise<void> {
  const { rejected } = await verifyEvents(values, keyring);
  if (rejected.length === 0) return;
  throw refusal(
    rejected.map(({ index, error }) => asProblem(index, error)),
    values.length,
  );
}
