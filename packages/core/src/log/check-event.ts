import type { AttuneEvent, AttuneEventType, UnknownEvent } from '../events/types.js';
import {
  hasForbiddenCharacter,
  MAX_COUNTER,
  MAX_DATA_BYTES,
  MAX_DEPTH,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_WALL,
  MIN_WALL,
  utf8Length,
} from './bounds.js';
import { AttuneEventError, shown } from './event-error.js';

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** What an incoming event is checked against. */
export interface EventCheckContext {
  /** The couple's two partner ids. */
  readonly partners: readonly string[];
  /**
   * The latest acceptable clock wall time, in ms. Whatever it says, a wall time must lie between the
   * epoch and the end of the year 9999.
   */
  readonly latestWall: number;
}

type Json = Record<string, unknown>;
/** Checks one value and returns it (or a fresh copy of it); throws naming the field. */
type Check = (value: unknown, field: string) => unknown;

// An upper bound on the size of the data being checked, as UTF-8 JSON: each code unit counted as the
// six bytes of its longest escape, each number as the longest a double prints, with room for quotes
// and separators. The checks add to it as they go (they never call out, so one module variable
// serves); only data whose bound passes the limit is measured exactly.
let sizeBound = 0;
const NUMBER_BYTES = 25;

function fail(field: string, expected: string, fix: string): never {
  throw new AttuneEventError('malformed', field, `${field} should be ${expected}`, fix);
}

function forbiddenKey(field: string, key: string): never {
  return fail(`${field}.${key}`, 'absent', `Rename the key "${key}".`);
}

function record(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(field, 'an object', 'Pass an object.');
  }
  sizeBound += 3;
  for (const key of FORBIDDEN_KEYS) if (Object.hasOwn(value, key)) forbiddenKey(field, key);
  return value as Json;
}

/** Refuses a string holding a NUL character or a lone surrogate, which are not text. */
function wellFormed(value: string, field: string): string {
  sizeBound += 6 * value.length + 3;
  if (hasForbiddenCharacter(value)) {
    fail(
      field,
      'text without NUL characters or lone surrogates',
      'Remove the NUL characters and unpaired surrogate halves.',
    );
  }
  return value;
}

const name: Check = (value, field) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    fail(field, `an id of 1 to ${MAX_ID_LENGTH} characters`, 'Pass the id as a string.');
  }
  return wellFormed(value, field);
};

const text: Check = (value, field) => {
  if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) {
    fail(field, `a string of at most ${MAX_TEXT_LENGTH} characters`, 'Pass a shorter string.');
  }
  return wellFormed(value, field);
};

const bool: Check = (value, field) => {
  if (typeof value !== 'boolean') fail(field, 'true or false', 'Pass a boolean.');
  sizeBound += 6;
  return value;
};

const finite: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, 'a finite number', 'Pass a number; NaN and Infinity are not allowed.');
  }
  sizeBound += NUMBER_BYTES;
  return value;
};

function integer(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    fail(field, `a whole number from ${min} to ${max}`, 'Pass a whole number within the range.');
  }
  sizeBound += NUMBER_BYTES;
  return value as number;
}

const wall: Check = (value, field) => {
  if (
    !Number.isSafeInteger(value) ||
    (value as number) < MIN_WALL ||
    (value as number) > MAX_WALL
  ) {
    fail(
      field,
      `a time in ms from ${MIN_WALL} to ${MAX_WALL} (1970 to the end of 9999)`,
      "Check the recording device's date and time.",
    );
  }
  sizeBound += NUMBER_BYTES;
  return value;
};

const counter: Check = (value, field) => integer(value, field, 0, MAX_COUNTER);

const textOrLines: Check = (value, field) => {
  if (!Array.isArray(value)) return text(value, field);
  sizeBound += 3;
  return value.map((line, i) => text(line, `${field}[${i}]`));
};

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
      sizeBound += key.length + 4;
      const given = Object.hasOwn(source, key) ? source[key] : undefined;
      if (given === undefined && optional.includes(key)) continue;
      out[key] = (fields[key] as Check)(given, `${field}.${key}`);
    }
    return out;
  };

const sealable: Check = (value, field) => {
  if (value !== 'answer-recorded' && value !== 'quiz-answered' && value !== 'check-in-recorded') {
    fail(field, '"answer-recorded", "quiz-answered" or "check-in-recorded"', 'Pass one of them.');
  }
  sizeBound += (value as string).length + 2;
  return value;
};

const none = shape({});
// A pause or resume names the pause or resume it follows, so it takes effect after it whatever the
// clocks say (see `progress/facts.ts`).
const toggle = shape({ follows: name }, ['follows']);

// The data of every built-in event type. Fields not listed are dropped, so a newer device's extra
// fields never reach the fold.
const dataShapes: { readonly [T in AttuneEventType]: Check } = {
  'exercise-started': shape({ exercise: name, together: bool }),
  'exercise-completed': shape({ exercise: name, together: bool }),
  'answer-recorded': shape({ exercise: name, prompt: name, text }),
  'entry-shared': shape({ entry: name }),
  'answer-sealed': shape({ entry: name, answer: sealable, exercise: name, prompt: name }),
  'check-in-recorded': shape({ exercise: name, scores: recordOf(finite) }),
  'quiz-answered': shape({ exercise: name, question: name, self: name, guess: name }),
  'appreciation-sent': shape({ exercise: name, text, starter: name }, ['starter']),
  'agreement-proposed': shape({ exercise: name, fields: recordOf(textOrLines) }),
  'agreement-confirmed': shape({ exercise: name, proposal: name }),
  'safety-check-taken': shape({ exercise: name, answers: recordOf(bool) }),
  'safety-rest': shape({ active: bool }),
  'program-paused': toggle,
  'program-resumed': toggle,
  'partner-left': none,
  'erasure-requested': shape({ partner: name, before: shape({ wall, counter }) }),
};

/** Where a value sits in the data being copied; the path is built only for an error. */
interface Place {
  readonly parent: Place | undefined;
  readonly step: string;
  readonly depth: number;
}

function pathOf(place: Place): string {
  const steps: string[] = [];
  for (let at: Place | undefined = place; at; at = at.parent) steps.push(at.step);
  return steps.reverse().join('');
}

/**
 * Checks data of a type this code does not know and copies it as JSON would — `undefined` left out of
 * objects and `null` in arrays, `-0` as `0` — walking it without recursion. Refuses what JSON cannot
 * hold (NaN, Infinity, bigints, functions, dates and other objects that are not plain), nesting
 * deeper than {@link MAX_DEPTH}, strings longer than {@link MAX_TEXT_LENGTH} or not well formed, and
 * keys that are not ids.
 */
function plainJson(data: unknown, field: string): unknown {
  const root = { value: undefined as unknown };
  const work: { value: unknown; into: Json | unknown[]; key: string | number; at: Place }[] = [
    {
      value: data ?? null,
      into: root,
      key: 'value',
      at: { parent: undefined, step: field, depth: 0 },
    },
  ];
  // A lower bound on the JSON's size, so that data far too large is refused before it is all copied.
  let size = 0;
  while (work.length > 0) {
    const { value, into, key, at } = work.pop() as (typeof work)[number];
    const put = (copy: unknown) => {
      (into as Json)[key as string] = copy;
    };
    // The path is built only to name a value at fault.
    if (value === null || typeof value === 'boolean') {
      put(value);
      sizeBound += 6;
    } else if (typeof value === 'string') {
      if (value.length > MAX_TEXT_LENGTH || hasForbiddenCharacter(value)) text(value, pathOf(at));
      put(value);
      sizeBound += 6 * value.length + 3;
      size += value.length + 2;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) finite(value, pathOf(at));
      put(value === 0 ? 0 : value);
      sizeBound += NUMBER_BYTES;
      size += 1;
    } else if (value === undefined) {
      if (Array.isArray(into)) put(null);
    } else if (Array.isArray(value) || isPlainObject(value)) {
      sizeBound += 3;
      if (at.depth >= MAX_DEPTH) {
        fail(pathOf(at), `nested at most ${MAX_DEPTH} deep`, 'Flatten the data.');
      }
      const depth = at.depth + 1;
      if (Array.isArray(value)) {
        const copy: unknown[] = [];
        put(copy);
        for (let i = value.length - 1; i >= 0; i--) {
          work.push({
            value: value[i],
            into: copy,
            key: i,
            at: { parent: at, step: `[${i}]`, depth },
          });
        }
        size += value.length + 2;
      } else {
        const copy: Json = {};
        put(copy);
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          const child = keys[i] as string;
          if (child.length > MAX_ID_LENGTH || hasForbiddenCharacter(child)) {
            fail(
              `${pathOf(at)} key`,
              `an id of at most ${MAX_ID_LENGTH} characters`,
              'Rename the key.',
            );
          }
          if ((FORBIDDEN_KEYS as readonly string[]).includes(child))
            forbiddenKey(pathOf(at), child);
          sizeBound += 6 * child.length + 4;
          const step = `.${child}`;
          work.push({
            value: value[child],
            into: copy,
            key: child,
            at: { parent: at, step, depth },
          });
          size += child.length + 3;
        }
        size += 2;
      }
    } else {
      fail(
        pathOf(at),
        'JSON: null, a boolean, a number, a string, an array or a plain object',
        'Pass plain JSON data.',
      );
    }
    if (size > MAX_DATA_BYTES) tooLarge(field);
  }
  return root.value;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]';
}

function tooLarge(field: string): never {
  return fail(
    field,
    `at most ${MAX_DATA_BYTES} bytes as JSON`,
    'Keep each event small; split what is long across several events.',
  );
}

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
      `"${shown(partner)}" is not one of this couple's partners`,
      `Use one of: ${partners.join(', ')}.`,
    );
  }
}

/** An event whose envelope is checked; its data is still as it came. */
type EnvelopeChecked = Omit<UnknownEvent, 'data'> & { data: unknown };

/** The fields an encrypted event leaves readable, checked. */
export type ReadableFieldsChecked = Pick<
  UnknownEvent,
  'id' | 'partner' | 'device' | 'seq' | 'clock'
>;

/**
 * Checks the fields of an event that stay readable when it is encrypted — id, author, device,
 * sequence and clock — and returns a fresh copy of them. Encrypted events, whose type, visibility
 * and data cannot be read, are checked with it.
 *
 * @throws {@link AttuneEventError} naming the field at fault.
 */
export function checkReadableFields(
  input: unknown,
  context: EventCheckContext,
): ReadableFieldsChecked {
  const event = record(input, 'event');
  const partner = name(event.partner, 'partner') as string;
  checkPartner(partner, context.partners);
  const device = name(event.device, 'device') as string;
  const seq = integer(event.seq, 'seq', 1, Number.MAX_SAFE_INTEGER);
  // Built from a checked device id and sequence, an id that matches them is checked too. The
  // given string is kept rather than the one built here: one string less per event held.
  const expected = `${device}:${seq}`;
  if (event.id !== expected) {
    fail('id', `"${expected}"`, 'Build event ids from the device id, a colon and the sequence.');
  }
  const id = event.id as string;
  const clock = record(event.clock, 'clock');
  const at = wall(clock.wall, 'clock.wall') as number;
  const count = counter(clock.counter, 'clock.counter') as number;
  if (at > context.latestWall) {
    throw new AttuneEventError(
      'clock-too-far-ahead',
      'clock.wall',
      `The event's clock (${new Date(at).toISOString()}) is too far in the future`,
      "Check the recording device's date and time.",
    );
  }
  return { id, partner, device, seq, clock: { wall: at, counter: count } };
}

/**
 * Checks the envelope of an event (every field but its data) and returns a fresh copy of it, with
 * the data as it came, unchecked.
 *
 * @throws {@link AttuneEventError} naming the field at fault.
 */
export function checkEnvelope(input: unknown, context: EventCheckContext): EnvelopeChecked {
  const readable = checkReadableFields(input, context);
  const event = input as Json;
  const type = name(event.type, 'type') as string;
  const visibility = event.visibility;
  if (visibility !== 'private' && visibility !== 'shared' && visibility !== 'sealed') {
    fail('visibility', '"private", "shared" or "sealed"', 'Pass one of them.');
  }
  // A literal in the order events are written: a spread of `readable` would make each stored copy
  // a dictionary-backed object, more than twice the size.
  return {
    id: readable.id,
    partner: readable.partner,
    device: readable.device,
    seq: readable.seq,
    clock: readable.clock,
    type,
    visibility,
    data: event.data,
  };
}

/**
 * The mark of a sealed answer names the previous event of its own device, the answer itself: no one
 * can mark another's event, and an answer counts once whichever of the two a device holds first.
 */
function checkSealedMarker(event: EnvelopeChecked, data: { readonly entry: string }): void {
  const entry = `${event.device}:${event.seq - 1}`;
  if (data.entry !== entry) {
    fail(
      'data.entry',
      `"${entry}", the previous event of the same device`,
      'Record it with the engine.',
    );
  }
  if (event.visibility !== 'shared') {
    fail('visibility', '"shared" for the mark of a sealed answer', 'Record it with the engine.');
  }
}

/**
 * Checks an event from anywhere — recorded here or received from another device — and returns a
 * fresh copy. Events of unknown types keep their data as it came (they are kept, not dropped), as
 * plain JSON. Every event is held to the limits in `log/bounds.ts`: clocks within the epoch and the
 * year 9999 and counters within a million, ids of at most 128 characters, strings of at most 20,000,
 * data nested at most 32 deep and at most 64 KiB as JSON, and no NUL character or lone surrogate in
 * any string.
 *
 * @throws {@link AttuneEventError} naming the field at fault.
 */
export function checkEvent(input: unknown, context: EventCheckContext): AttuneEvent | UnknownEvent {
  const event = checkEnvelope(input, context);
  const type = event.type;
  sizeBound = 0;
  const data = isKnownEventType(type)
    ? dataShapes[type](event.data, 'data')
    : plainJson(event.data, 'data');
  if (
    sizeBound > MAX_DATA_BYTES &&
    utf8Length(JSON.stringify(data), MAX_DATA_BYTES) > MAX_DATA_BYTES
  ) {
    tooLarge('data');
  }
  if (type === 'answer-sealed') checkSealedMarker(event, data as { entry: string });
  event.data = data;
  return event as AttuneEvent | UnknownEvent;
}
