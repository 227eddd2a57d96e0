import type { LoggedEvent } from '../events/types.js';
import type { EncryptedPayload, EventEnvelopeFields, PayloadCipher } from './cipher.js';
import { AttuneCryptoError } from './crypto-error.js';
import { utf8Decode, utf8Encode } from './web-crypto.js';

/** An event whose data is encrypted: the envelope stays readable (for ordering and deduplication). */
export interface EncryptedEvent extends EventEnvelopeFields {
  readonly encrypted: EncryptedPayload;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a value has the shape of an encrypted event (its payload is not checked here). */
export function isEncryptedEvent(value: unknown): value is EncryptedEvent {
  return isObject(value) && Object.hasOwn(value, 'encrypted');
}

/**
 * The associated data of an event: its envelope in a fixed order. Changing the id, author, device,
 * sequence, clock, type or visibility of an encrypted event — such as a server replaying a private
 * entry as shared — therefore makes decryption fail.
 */
export function associatedDataOf(envelope: EventEnvelopeFields): Uint8Array<ArrayBuffer> {
  return utf8Encode(
    JSON.stringify([
      'attune-event',
      1,
      envelope.id,
      envelope.partner,
      envelope.device,
      envelope.seq,
      envelope.clock.wall,
      envelope.clock.counter,
      envelope.type,
      envelope.visibility,
    ]),
  );
}

const envelopeOf = (event: EventEnvelopeFields): EventEnvelopeFields => ({
  id: event.id,
  partner: event.partner,
  device: event.device,
  seq: event.seq,
  clock: { wall: event.clock.wall, counter: event.clock.counter },
  type: event.type,
  visibility: event.visibility,
});

/** Encrypts an event's data with the host's cipher, binding its envelope as associated data. */
export async function encryptEvent(
  event: LoggedEvent,
  cipher: PayloadCipher,
): Promise<EncryptedEvent> {
  const envelope = envelopeOf(event);
  const encrypted = await cipher.encrypt(
    utf8Encode(JSON.stringify(event.data ?? null)),
    associatedDataOf(envelope),
    envelope,
  );
  return { ...envelope, encrypted };
}

function payloadOf(value: Json, id: string | undefined): EncryptedPayload {
  const payload = value.encrypted;
  if (
    isObject(payload) &&
    typeof payload.cipher === 'string' &&
    typeof payload.key === 'string' &&
    typeof payload.iv === 'string' &&
    typeof payload.ciphertext === 'string'
  ) {
    return payload as unknown as EncryptedPayload;
  }
  throw new AttuneCryptoError(
    'malformed',
    id,
    `The encrypted payload of event "${id ?? '(no id)'}" should have cipher, key, iv and ciphertext as text`,
    'Send events as encryptEvent produced them.',
  );
}

/**
 * Decrypts an encrypted event back to a plain one. The result is not checked yet: pass it through
 * `importEvents` (or `checkEvent`) like any event from elsewhere.
 *
 * @throws {@link AttuneCryptoError}: `tampered` when the ciphertext or the envelope changed after
 *   encryption (or another key was used), `unknown-key`, or `malformed`.
 */
export async function decryptEvent(
  value: unknown,
  cipher: PayloadCipher,
): Promise<Record<string, unknown>> {
  if (!isObject(value)) {
    throw new AttuneCryptoError(
      'malformed',
      undefined,
      'An encrypted event should be an object',
      'Send events as encryptEvent produced them.',
    );
  }
  const id = typeof value.id === 'string' ? value.id : undefined;
  const payload = payloadOf(value, id);
  const clock = isObject(value.clock) ? value.clock : {};
  const envelope = {
    id: value.id,
    partner: value.partner,
    device: value.device,
    seq: value.seq,
    clock: { wall: clock.wall, counter: clock.counter },
    type: value.type,
    visibility: value.visibility,
  } as EventEnvelopeFields;
  let plaintext: Uint8Array;
  try {
    plaintext = await cipher.decrypt(payload, associatedDataOf(envelope));
  } catch (error) {
    if (AttuneCryptoError.isInstance(error)) throw error;
    throw new AttuneCryptoError(
      'tampered',
      id,
      `Event "${id ?? '(no id)'}" failed authentication: its ciphertext, or its id, author, device, clock, type or visibility, changed after it was encrypted, or it was encrypted with another key`,
      'It was not imported. Fetch it again from its author; if this repeats, the relay is altering events',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(utf8Decode(plaintext));
  } catch {
    throw new AttuneCryptoError(
      'malformed',
      id,
      `Event "${id ?? '(no id)'}" decrypted to something that is not UTF-8 JSON`,
      'Check that the cipher decrypts what it encrypted',
    );
  }
  return { ...envelope, data };
}

/** Options of {@link encryptEvents}. */
export interface EncryptEventsOptions {
  /**
   * Event types to leave unencrypted, such as `relayReadableEventTypes` for a relay that reads shares
   * and erasure requests. Only for types whose data holds nothing a partner wrote.
   */
  readonly plainTypes?: readonly string[];
}

/** Encrypts events for sending or storing, in the order given. */
export function encryptEvents(
  events: readonly LoggedEvent[],
  cipher: PayloadCipher,
): Promise<EncryptedEvent[]>;
/** Encrypts events for sending, in the order given, leaving those of `plainTypes` as they are. */
export function encryptEvents(
  events: readonly LoggedEvent[],
  cipher: PayloadCipher,
  options: EncryptEventsOptions,
): Promise<(EncryptedEvent | LoggedEvent)[]>;
export function encryptEvents(
  events: readonly LoggedEvent[],
  cipher: PayloadCipher,
  options: EncryptEventsOptions = {},
): Promise<(EncryptedEvent | LoggedEvent)[]> {
  const plain = new Set(options.plainTypes);
  return Promise.all(
    events.map((event) => (plain.has(event.type) ? event : encryptEvent(event, cipher))),
  );
}

/** The outcome of {@link decryptEvents}. */
export interface DecryptResult {
  /** Decrypted (and plain, where allowed) events, unchecked, in the order they came. */
  readonly events: readonly unknown[];
  /** Events that could not be decrypted, by their index in the input. */
  readonly rejected: readonly { readonly index: number; readonly error: AttuneCryptoError }[];
}

/** Options of {@link decryptEvents}. */
export interface DecryptEventsOptions {
  /**
   * Lets unencrypted events through (default false): all of them, or those of the types listed (such
   * as `relayReadableEventTypes`, when the sender left them plain). Plain events are not
   * authenticated, so allow as few as the senders need: a relay could write one of its own making.
   */
  readonly allowPlain?: boolean | readonly string[];
}

/**
 * Decrypts events received from elsewhere. Each event that fails is refused on its own, with an
 * {@link AttuneCryptoError} saying why; the others go on to `importEvents`.
 */
export async function decryptEvents(
  values: readonly unknown[],
  cipher: PayloadCipher,
  options: DecryptEventsOptions = {},
): Promise<DecryptResult> {
  type Outcome = { value: unknown } | { index: number; error: AttuneCryptoError };
  const outcomes = await Promise.all(
    values.map(async (value, index): Promise<Outcome> => {
      if (!isEncryptedEvent(value)) {
        const type = isObject(value) ? value.type : undefined;
        const allowed = options.allowPlain;
        if (allowed === true || (Array.isArray(allowed) && allowed.includes(type))) {
          return { value };
        }
        const id = isObject(value) && typeof value.id === 'string' ? value.id : undefined;
        return {
          index,
          error: new AttuneCryptoError(
            'not-encrypted',
            id,
            `Event "${id ?? '(no id)'}" arrived unencrypted where every event should be encrypted`,
            'It was not imported. Make every sender encrypt, or pass allowPlain while migrating',
          ),
        };
      }
      try {
        return { value: await decryptEvent(value, cipher) };
      } catch (error) {
        return { index, error: error as AttuneCryptoError };
      }
    }),
  );
  const events: unknown[] = [];
  const rejected: { index: number; error: AttuneCryptoError }[] = [];
  for (const outcome of outcomes) {
    if ('error' in outcome) rejected.push({ index: outcome.index, error: outcome.error });
    else events.push(outcome.value);
  }
  return { events, rejected };
}
