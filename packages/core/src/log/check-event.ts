import type { AttuneEvent, AttuneEventType, UnknownEvent } from '../events/types.js';
import { AttuneEventError } from './event-error.js';

const MAX_NAME = 128;
const MAX_TEXT = 20_000;
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** What an incoming event is checked against. */
export interface EventCheckContext {
  /** The couple's two partner ids. */
  readonly partners: readonly string[];
  /** The latest acceptable clock wall time, in ms. */
  readonly latestWall: number;
}

type Json = Record<string, unknown>;
/** Checks one value and returns it (or a fresh copy of it); throws naming the field. */
type Check = (value: unknown, field: string) => unknown;

function fail(field: string, expected: string, fix: string): never {
  throw new AttuneEventError('malformed', field, `${field} should be ${expected}`, fix);
}

function record(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(field, 'an object', 'Pass an object.');
  }
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(value, key)) fail(`${field}.${key}`, 'absent', `Rename the key "${key}".`);
  }
  return value as Json;
}

const name: Check = (value, field) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NAME) {
    fail(field, `an id of 1 to ${MAX_NAME} characters`, 'Pass the id as a string.');
  }
  return value;
};

const text: Check = (value, field) => {
  if (typeof value !== 'string' || value.length > MAX_TEXT) {
    fail(field, `text of at most ${MAX_TEXT} characters`, 'Pass a shorter string.');
  }
  return value;
};

const bool: Check = (value, field) => {
  if (typeof value !== 'boolean') fail(field, 'true or false', 'Pass a boolean.');
  return value;
};

const finite: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, 'a finite number', 'Pass a number; NaN and Infinity are not scores.');
  }
  return value;
};

function integer(value: unknown, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    fail(field, `a whole number of at least ${min}`, 'Pass a whole number.');
  }
  return value as number;
}

const count: Check = (value, field) => integer(value, field, 0);
const textOrLines: Check = (value, field) =>
  Array.isArray(value) ? value.map((line, i) => text(line, `${field}[${i}]`)) : text(value, field);

/** A record of any keys whose values all pass `item`, copied into a fresh object. */
const recordOf =
  (item: Check): Check =>
  (value, field) => {
    const source = record(value, field);
    const out: Json = {};
    for (const key of Object.keys(source)) {
      name(key, `${field} key`);
      out[key] = item(source[key], `${field}.${key}`);
    }
    return out;
  };

/** An object with the given fields (missing optional ones left out), copied into a fresh object. */
const shape =
  (fields: Readonly<Record<string, Check>>, optional: readonly string[] = []): Check =>
  (value, field) => {
    const source = record(value, field);
    const out: Json = {};
    for (const key of Object.keys(fields)) {
      if (source[key] === undefined && optional.includes(key)) continue;
      out[key] = (fields[key] as Check)(source[key], `${field}.${key}`);
    }
    return out;
  };

const none = shape({});

// The data of every built-in event type. Fields not listed are dropped, so a newer device's extra
// fields never reach the fold.
const dataShapes: { readonly [T in AttuneEventType]: Check } = {
  'exercise-started': shape({ exercise: name, together: bool }),
  'exercise-completed': shape({ exercise: name, together: bool }),
  'answer-recorded': shape({ exercise: name, prompt: name, text }),
  'entry-shared': shape({ entry: name }),
  'check-in-recorded': shape({ exercise: name, scores: recordOf(finite) }),
  'quiz-answered': shape({ exercise: name, question: name, self: name, guess: name }),
  'appreciation-sent': shape({ exercise: name, text, starter: name }, ['starter']),
  'agreement-proposed': shape({ exercise: name, fields: recordOf(textOrLines) }),
  'agreement-confirmed': shape({ exercise: name, proposal: name }),
  'safety-check-taken': shape({ exercise: name, answers: recordOf(bool) }),
  'safety-rest': shape({ active: bool }),
  'program-paused': none,
  'program-resumed': none,
  'partner-left': none,
  'erasure-requested': shape({ partner: name, before: shape({ wall: count, counter: count }) }),
};

/** Whether a type is one this code knows. */
export function isKnownEventType(type: string): type is AttuneEventType {
  return Object.hasOwn(dataShapes, type);
}

/**
 * Refuses a partner id that is not one of the couple's.
 *
 * @throws {@link AttuneEventError} with code `unknown-partner`.
 */
export function checkPartner(partner: string, partners: readonly string[]): void {
  if (!partners.includes(partner)) {
    throw new AttuneEventError(
      'unknown-partner',
      'partner',
      `"${partner}" is not one of this couple's partners`,
      `Use one of: ${partners.join(', ')}.`,
    );
  }
}

/** An event whose envelope is checked; its data is still as it came. */
type EnvelopeChecked = Omit<UnknownEvent, 'data'> & { data: unknown };

/**
 * Checks the envelope of an event (every field but its data) and returns a fresh copy of it, with
 * the data as it came, unchecked. Encrypted events, whose data cannot be read, are checked with it.
 *
 * @throws {@link AttuneEventError} naming the field at fault.
 */
export function checkEnvelope(input: unknown, context: EventCheckContext): EnvelopeChecked {
  const event = record(input, 'event');
  const id = name(event.id, 'id') as string;
  const partner = name(event.partner, 'partner') as string;
  checkPartner(partner, context.partners);
  const device = name(event.device, 'device') as string;
  const seq = integer(event.seq, 'seq', 1);
  if (id !== `${device}:${seq}`) {
    fail(
      'id',
      `"${device}:${seq}"`,
      'Build event ids from the device id, a colon and the sequence.',
    );
  }
  const clock = record(event.clock, 'clock');
  const wall = integer(clock.wall, 'clock.wall', 0);
  const counter = integer(clock.counter, 'clock.counter', 0);
  if (wall > context.latestWall) {
    throw new AttuneEventError(
      'clock-too-far-ahead',
      'clock.wall',
      `The event's clock (${new Date(wall).toISOString()}) is too far in the future`,
      "Check the recording device's date and time.",
    );
  }
  const type = name(event.type, 'type') as string;
  const visibility = event.visibility;
  if (visibility !== 'private' && visibility !== 'shared' && visibility !== 'sealed') {
    fail('visibility', '"private", "shared" or "sealed"', 'Pass one of them.');
  }
  return { id, partner, device, seq, clock: { wall, counter }, type, visibility, data: event.data };
}

/**
 * Checks an event from anywhere — recorded here or received from another device — and returns a
 * fresh copy. Events of unknown types keep their data as it came (they are kept, not dropped).
 *
 * @throws {@link AttuneEventError} naming the field at fault.
 */
export function checkEvent(input: unknown, context: EventCheckContext): AttuneEvent | UnknownEvent {
  const event = checkEnvelope(input, context);
  const type = event.type;
  event.data = isKnownEventType(type)
    ? dataShapes[type](event.data, 'data')
    : (JSON.parse(JSON.stringify(event.data ?? null)) as unknown);
  return event as AttuneEvent | UnknownEvent;
}
