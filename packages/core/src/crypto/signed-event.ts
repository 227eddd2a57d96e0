import type { LoggedEvent } from '../events/types.js';
import type { EncryptedEvent } from './encrypted-event.js';
import type { DeviceKeyring } from './keyring.js';
import { AttuneSignatureError } from './signature-error.js';
import { type DeviceSigner, signStatement } from './signing-key.js';

/**
 * An event as it leaves its device: plain or encrypted, with its device's signature (base64url)
 * over the canonical JSON of everything else and the couple's id.
 *
 * @example
 * ```ts
 * const signed: SignedEvent<EncryptedEvent>[] = await signEvents(sealed, signer);
 * signed[0]?.signature; // 86 characters of base64url
 * ```
 */
export type SignedEvent<E extends LoggedEvent | EncryptedEvent = LoggedEvent | EncryptedEvent> =
  E & { readonly signature: string };

/**
 * The outcome of {@link verifyEvents}.
 *
 * @example
 * ```ts
 * const { verified, rejected }: VerifyResult = await verifyEvents(page.events, keyring);
 * ```
 */
export interface VerifyResult {
  /**
   * The events whose signatures hold, as they came (signature included: `decryptEvents` and
   * `importEvents` leave it out), in the order they came. Still unchecked otherwise.
   */
  readonly verified: readonly unknown[];
  /** Events refused, by their index in the input, with the reason. */
  readonly rejected: readonly { readonly index: number; readonly error: AttuneSignatureError }[];
}

type Json = Record<string, unknown>;

// The couple is signed with the event, so that an event of one couple cannot be replayed into
// another where the same device id is bound; the tag keeps it from passing for an introduction.
const statementOf = (couple: string, event: object) => ({
  statement: 'attune-event',
  version: 1,
  couple,
  event,
});

/**
 * Signs events before they leave this device — after `encryptEvents`, so that encrypted and plain
 * events (shares and erasure requests left readable for a relay) are signed alike. A device signs
 * only its own events: those its engine recorded, under its own device id and partner.
 *
 * @example
 * ```ts
 * const batch = exportEvents(ownEvents, { couple, recipient: 'kai', since });
 * const sealed = await encryptEvents(batch.events, cipher, { plainTypes: relayReadableEventTypes });
 * await post({ ...batch, events: await signEvents(sealed, signer) });
 * ```
 * @throws {@link AttuneSignatureError} `wrong-signer` when an event was recorded on another device
 *   or in another partner's name than the signer's.
 */
export async function signEvents<E extends LoggedEvent | EncryptedEvent>(
  events: readonly E[],
  signer: DeviceSigner,
): Promise<SignedEvent<E>[]> {
  for (const { id, device, partner } of events) {
    if (device !== signer.device || partner !== signer.partner) {
      throw new AttuneSignatureError(
        'wrong-signer',
        `Event "${id}" is of "${partner}" on "${device}"; this signer signs for "${signer.partner}" on "${signer.device}"`,
        'Sign only the events this device recorded',
        { eventId: id, device },
      );
    }
  }
  return Promise.all(
    events.map(async (event) => {
      const { signature: _signature, ...unsigned } = event as E & { signature?: unknown };
      const signature = await signStatement(signer, statementOf(signer.couple, unsigned));
      return { ...unsigned, signature } as unknown as SignedEvent<E>;
    }),
  );
}

async function verifyEvent(value: unknown, keyring: DeviceKeyring): Promise<void> {
  const event: Json = typeof value === 'object' && value !== null ? (value as Json) : {};
  const id = typeof event.id === 'string' ? event.id : undefined;
  const device = typeof event.device === 'string' ? event.device : undefined;
  const named = `Event "${id ?? '(no id)'}"`;
  const fail = (code: AttuneSignatureError['code'], message: string, fix: string): never => {
    throw new AttuneSignatureError(code, message, `It was not imported. ${fix}`, {
      eventId: id,
      device,
    });
  };
  if (event !== value || Array.isArray(value)) {
    fail('malformed', 'An event should be an object', 'Send what signEvents returned');
  }
  const { signature, ...unsigned } = event;
  if (typeof signature !== 'string') {
    fail(
      'unsigned',
      `${named} is not signed`,
      'Sign every event with signEvents as it leaves its device',
    );
  }
  const binding = device === undefined ? undefined : keyring.get(device);
  if (device === undefined || !binding) {
    return fail(
      'unknown-device',
      `${named} comes from device "${String(event.device)}", which is not bound here`,
      "Add the device's introduction to the keyring, or bind it when pairing",
    );
  }
  if (binding.partner !== event.partner) {
    fail(
      'device-of-other-partner',
      `${named} is in the name of "${String(event.partner)}", and its device "${device}" is bound to "${binding.partner}"`,
      "A device signs only its partner's events",
    );
  }
  if (
    !(await keyring.verifyStatement(
      device,
      statementOf(keyring.couple, unsigned),
      signature as string,
    ))
  ) {
    fail(
      'bad-signature',
      `${named} does not match its signature: it changed after signing, or another key or couple signed it`,
      'Fetch it again; if this repeats, the relay is altering events',
    );
  }
}

/**
 * Verifies events that arrived from elsewhere, before `decryptEvents` and `importEvents` (or
 * `engine.receive`): each must be signed by a device the keyring binds to the partner the event
 * names, over exactly the fields it came with. Each event that fails is refused on its own, with an
 * {@link AttuneSignatureError} saying why.
 *
 * @example
 * ```ts
 * const checked = await verifyEvents(page.events, keyring);
 * if (checked.rejected.length > 0) throw checked.rejected[0]?.error;
 * const opened = await decryptEvents(checked.verified, cipher, { allowPlain: relayReadableEventTypes });
 * ```
 */
export async function verifyEvents(
  values: readonly unknown[],
  keyring: DeviceKeyring,
): Promise<VerifyResult> {
  const outcomes = await Promise.all(
    values.map((value) =>
      verifyEvent(value, keyring).then(
        () => undefined,
        (error: unknown) => {
          if (AttuneSignatureError.isInstance(error)) return error;
          throw error;
        },
      ),
    ),
  );
  const verified: unknown[] = [];
  const rejected: { index: number; error: AttuneSignatureError }[] = [];
  outcomes.forEach((error, index) => {
    if (error) rejected.push({ index, error });
    else verified.push(values[index]);
  });
  return { verified, rejected };
}
