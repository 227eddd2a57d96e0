import type { LoggedEvent } from '../events/types.js';
import type {
  EncryptedPayload,
  EventEnvelopeFields,
  PayloadCipher,
  ReadableEnvelope,
} from './cipher.js';
import { AttuneCryptoError } from './crypto-error.js';
import { MAX_PADDED_BYTES, paddedLength, padJson } from './padding.js';
import { utf8Decode, utf8Encode } from './web-crypto.js';

/**
 * An event whose type, visibility and data are encrypted together. Only its {@link ReadableEnvelope}
 * (id, author, device, sequence, clock) stays readable, for ordering, deduplication, device binding
 * and erasure; the ciphertext's length tells only the size bucket of the rest (see
 * {@link encryptEvent}).
 *
 * @example
 * ```ts
 * const sealed: EncryptedEvent = {
 *   id: 'd-0f…:7', partner: 'ana', device: 'd-0f…', seq: 7, clock: { wall: 1767600000000, counter: 0 },
 *   encrypted: { cipher: 'AES-GCM', key: 'couple', iv: '…', ciphertext: '…' },
 * };
 * ```
 */
export interface EncryptedEvent extends ReadableEnvelope {
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
 * The associated data of an encrypted event: its readable envelope in a fixed order, under format 2.
 * Changing the id, author, device, sequence or clock of an encrypted event — such as a relay passing
 * one partner's event off as the other's — therefore makes decryption fail; the type and visibility
 * are authenticated with the data, inside the ciphertext.
 */
function associatedDataOf(envelope: ReadableEnvelope): Uint8Array<ArrayBuffer> {
  return utf8Encode(
    JSON.stringify([
      'attune-event',
      2,
      envelope.id,
      envelope.partner,
      envelope.device,
      envelope.seq,
      envelope.clock.wall,
      envelope.clock.counter,
    ]),
  );
}

/**
 * The associated data of format 1, which left the type and visibility readable beside the
 * envelope and bound them here. Still read, never written: histories stored encrypted before
 * format 2 keep opening.
 */
function formatOneAssociatedDataOf(envelope: EventEnvelopeFields): Uint8Array<ArrayBuffer> {
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

const readableEnvelopeOf = (event: ReadableEnvelope): ReadableEnvelope => ({
  id: event.id,
  partner: event.partner,
  device: event.device,
  seq: event.seq,
  clock: { wall: event.clock.wall, counter: event.clock.counter },
});

/**
 * Encrypts an event with the host's cipher. The plaintext is the UTF-8 JSON
 * `{"type":…,"visibility":…,"data":…}`, padded with trailing spaces to the next power of two from
 * 256 bytes up to 128 KiB, so that events of one bucket have ciphertexts of one length; the readable
 * envelope is bound as associated data.
 *
 * @throws {@link AttuneCryptoError} `too-large` for an event over 128 KiB as JSON, which no checked
 *   event is (`checkEvent` holds data to 64 KiB).
 */
export async function encryptEvent(
  event: LoggedEvent,
  cipher: PayloadCipher,
): Promise<EncryptedEvent> {
  const readable = readableEnvelopeOf(event);
  const json = utf8Encode(
    JSON.stringify({ type: event.type, visibility: event.visibility, data: event.data ?? null }),
  );
  const size = paddedLength(json.length);
  if (size === undefined) {
    throw new AttuneCryptoError(
      'too-large',
      event.id,
      `Event "${event.id}" is ${json.length} bytes as JSON, more than the ${MAX_PADDED_BYTES} an encrypted event holds`,
      'Record events within the limits checkEvent holds them to (at most 64 KiB of data); split what is longer across several events',
    );
  }
  const encrypted = await cipher.encrypt(padJson(json, size), associatedDataOf(readable), {
    ...readable,
    type: event.type,
    visibility: event.visibility,
  });
  return { ...readable, encrypted };
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

/** What the plaintext of a format 2 event holds. */
function contentOf(parsed: unknown, id: string | undefined): Json {
  if (
    isObject(parsed) &&
    typeof parsed.type === 'string' &&
    typeof parsed.visibility === 'string' &&
    Object.hasOwn(parsed, 'data')
  ) {
    return { type: parsed.type, visibility: parsed.visibility, data: parsed.data };
  }
  throw new AttuneCryptoError(
    'malformed',
    id,
    `Event "${id ?? '(no id)'}" decrypted to JSON without its type, visibility and data`,
    'Encrypt events with encryptEvent, which puts all three inside the ciphertext',
  );
}

/**
 * Decrypts an encrypted event back to a plain one, its type and visibility restored from inside the
 * ciphertext. An event of format 1, whose type and visibility travelled readable (and were bound as
 * associated data), is still read, so histories stored encrypted before keep opening; nothing writes
 * it any more. A readable type or visibility added to a format 2 event makes it fail as `tampered`.
 * The result is not checked yet: pass it through `importEvents` (or `checkEvent`) like any event from
 * elsewhere.
 *
 * @throws {@link AttuneCryptoError}: `tampered` when the ciphertext or the readable envelope changed
 *   after encryption (or another key was used), `unknown-key`, or `malformed`.
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
  const readable = {
    id: value.id,
    partner: value.partner,
    device: value.device,
    seq: value.seq,
    clock: { wall: clock.wall, counter: clock.counter },
  } as ReadableEnvelope;
  const formatOne = Object.hasOwn(value, 'type') || Object.hasOwn(value, 'visibility');
  const formatOneEnvelope = {
    ...readable,
    type: value.type,
    visibility: value.visibility,
  } as EventEnvelopeFields;
  let plaintext: Uint8Array;
  try {
    plaintext = await cipher.decrypt(
      payload,
      formatOne ? formatOneAssociatedDataOf(formatOneEnvelope) : associatedDataOf(readable),
    );
  } catch (error) {
    if (AttuneCryptoError.isInstance(error)) throw error;
    const readableFields = formatOne
      ? 'id, author, device, sequence, clock, type or visibility; a type or visibility shown beside an event that holds them inside is such a change'
      : 'id, author, device, sequence or clock';
    throw new AttuneCryptoError(
      'tampered',
      id,
      `Event "${id ?? '(no id)'}" failed authentication: its ciphertext or its readable fields (${readableFields}) changed after it was encrypted, or it was encrypted with another key`,
      'It was not imported. Fetch it again from its author; if this repeats, the relay is altering events',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8Decode(plaintext));
  } catch {
    throw new AttuneCryptoError(
      'malformed',
      id,
      `Event "${id ?? '(no id)'}" decrypted to something that is not UTF-8 JSON`,
      'Check that the cipher decrypts what it encrypted',
    );
  }
  if (formatOne) return { ...formatOneEnvelope, data: parsed };
  const { type, visibility, data } = contentOf(parsed, id);
  return { ...readable, type, data, visibility };
}

/** Options of {@link encryptEvents}. */
export interface EncryptEventsOptions {
  /**
   * Event types to leave unencrypted, such as `relayReadableEventTypes` for a relay that honours
   * erasure requests. Only for types whose data holds nothing a partner wrote: a plain event shows
   * whoever carries it its type, visibility, data and size.
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
   * authenticated by the cipher, so allow as few as the senders need and verify their signatures
   * (`verifyEvents`): a relay could write one of its own making.
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
