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

function fail(field: string, message: string, fix: string): never {
  throw new AttuneEventError('malformed', field, message, fix);
}

function record(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(field, `${field} should be an object`, 'Pass an object.');
  }
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(value, key)) {
      fail(`${field}.${key}`, `"${key}" cannot be used as a key`, 'Rename the key.');
    }
  }
  return value as Json;
}

function name(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NAME) {
    fail(
      field,
      `${field} should be a non-empty string of at most ${MAX_NAME} characters`,
      'Pass the id as a string.',
    );
  }
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT) {
    fail(
      field,
      `${field} should be text of at most ${MAX_TEXT} characters`,
      'Shorten the text or pass a string.',
    );
  }
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    fail(field, `${field} should be true or false`, 'Pass a boolean.');
  return value;
}

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(
      field,
      `${field} should be a finite number`,
      'Pass a number; NaN and Infinity are not scores.',
    );
  }
  return value;
}

function integer(value: unknown, field: string, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    fail(field, `${field} should be a whole number of at least ${min}`, 'Pass a whole number.');
  }
  return value as number;
}

/** Copies a record of values, checking each key and value, into a fresh object. */
function entries<T>(
  value: unknown,
  field: string,
  item: (v: unknown, f: string) => T,
): Record<string, T> {
  const source = record(value, field);
  const out: Record<string, T> = {};
  for (const key of Object.keys(source)) {
    name(key, `${field} key`);
    out[key] = item(source[key], `${field}.${key}`);
  }
  return out;
}

const noData = (data: Json, field: string): Record<string, never> => {
  if (Object.keys(data).length > 0) fail(field, `${field} should be empty`, 'Pass {} as data.');
  return {};
};

/** The data checks of every built-in event type; each returns a fresh, checked copy. */
const dataCheckers: {
  readonly [T in AttuneEventType]: (
    data: Json,
    f: string,
  ) => Extract<AttuneEvent, { type: T }>['data'];
} = {
  'exercise-started': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    together: bool(d.together, `${f}.together`),
  }),
  'exercise-completed': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    together: bool(d.together, `${f}.together`),
  }),
  'answer-recorded': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    prompt: name(d.prompt, `${f}.prompt`),
    text: text(d.text, `${f}.text`),
  }),
  'entry-shared': (d, f) => ({ entry: name(d.entry, `${f}.entry`) }),
  'check-in-recorded': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    scores: entries(d.scores, `${f}.scores`, finite),
  }),
  'quiz-answered': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    question: name(d.question, `${f}.question`),
    self: name(d.self, `${f}.self`),
    guess: name(d.guess, `${f}.guess`),
  }),
  'appreciation-sent': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    text: text(d.text, `${f}.text`),
    ...(d.starter === undefined ? {} : { starter: name(d.starter, `${f}.starter`) }),
  }),
  'agreement-proposed': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    fields: entries(d.fields, `${f}.fields`, (value, field) =>
      Array.isArray(value)
        ? value.map((line, i) => text(line, `${field}[${i}]`))
        : text(value, field),
    ),
  }),
  'agreement-confirmed': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    proposal: name(d.proposal, `${f}.proposal`),
  }),
  'safety-check-taken': (d, f) => ({
    exercise: name(d.exercise, `${f}.exercise`),
    answers: entries(d.answers, `${f}.answers`, bool),
  }),
  'safety-rest': (d, f) => ({ active: bool(d.active, `${f}.active`) }),
  'program-paused': noData,
  'program-resumed': noData,
  'partner-left': noData,
  'erasure-requested': (d, f) => {
    const before = record(d.before, `${f}.before`);
    return {
      partner: name(d.partner, `${f}.partner`),
      before: {
        wall: integer(before.wall, `${f}.before.wall`, 0),
        counter: integer(before.counter, `${f}.before.counter`, 0),
      },
    };
  },
};

/** Whether a type is one this code knows. */
export function isKnownEventType(type: string): type is AttuneEventType {
  return Object.hasOwn(dataCheckers, type);
}

/**
 * Checks an event from anywhere — recorded here or received from another device — and returns a
 * fresh copy. Events of unknown types keep their data as it came (they are kept, not dropped).
 *
 * @throws {@link AttuneEventError} naming the field at fault.
 */
export function checkEvent(input: unknown, context: EventCheckContext): AttuneEvent | UnknownEvent {
  const event = record(input, 'event');
  const id = name(event.id, 'id');
  const partner = name(event.partner, 'partner');
  if (!context.partners.includes(partner)) {
    throw new AttuneEventError(
      'unknown-partner',
      'partner',
      `"${partner}" is not one of this couple's partners`,
      `Use one of: ${context.partners.join(', ')}.`,
    );
  }
  const device = name(event.device, 'device');
  const seq = integer(event.seq, 'seq', 1);
  if (id !== `${device}:${seq}`) {
    fail(
      'id',
      `the id should be "${device}:${seq}" (device, colon, sequence)`,
      'Build event ids from the device id and the sequence number.',
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
  const type = name(event.type, 'type');
  const visibility = event.visibility;
  if (visibility !== 'private' && visibility !== 'shared' && visibility !== 'sealed') {
    fail('visibility', 'visibility should be "private", "shared" or "sealed"', 'Pass one of them.');
  }
  const data = isKnownEventType(type)
    ? dataCheckers[type](record(event.data, 'data'), 'data')
    : (JSON.parse(JSON.stringify(event.data ?? null)) as unknown);
  return { id, partner, device, seq, clock: { wall, counter }, type, data, visibility } as
    | AttuneEvent
    | UnknownEvent;
}
