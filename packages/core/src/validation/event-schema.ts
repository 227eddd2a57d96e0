import * as z from 'zod';
import type { AttuneEvent, HybridTimestamp } from '../events/types.js';
import {
  hasForbiddenCharacter,
  MAX_COUNTER,
  MAX_DATA_BYTES,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_WALL,
  MIN_WALL,
  utf8Length,
} from '../log/bounds.js';

// The limits are those `checkEvent` holds every event to (`log/bounds.ts`), so an event one accepts
// the other accepts too.

const wellFormed = {
  message: 'Text may not hold NUL characters or lone surrogates.',
};
const name = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .refine((value) => !hasForbiddenCharacter(value), wellFormed);
const text = z
  .string()
  .max(MAX_TEXT_LENGTH)
  .refine((value) => !hasForbiddenCharacter(value), wellFormed);
// Keys that reach an object's prototype, which `checkEvent` refuses. Checked on the input: a record
// schema leaves `__proto__` out of what it returns instead of refusing it.
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const withoutPrototypeKeys = z.unknown().superRefine((value, context) => {
  if (typeof value !== 'object' || value === null) return;
  for (const key of PROTOTYPE_KEYS) {
    if (Object.hasOwn(value, key)) {
      context.addIssue({ code: 'custom', path: [key], message: `A key may not be ${key}.` });
    }
  }
});
/** A record keyed by ids, whose values all pass `item`. */
const recordOf = <Item extends z.ZodType>(item: Item) =>
  withoutPrototypeKeys.pipe(z.record(name, item));

const noData = z.strictObject({});
// A pause or resume names the one it follows in its device's log (see `ToggleData`).
const toggleData = z.strictObject({ follows: name.exactOptional() });

const clockSchema: z.ZodType<HybridTimestamp> = z.strictObject({
  wall: z.int().min(MIN_WALL).max(MAX_WALL),
  counter: z.int().min(0).max(MAX_COUNTER),
});

const envelope = {
  // Checked against the device and sequence it is built from, below.
  id: z.string(),
  partner: name,
  device: name,
  seq: z.int().min(1),
  clock: clockSchema,
  visibility: z.enum(['private', 'shared', 'sealed']),
};

const event = <Type extends string, Data extends z.ZodType>(type: Type, data: Data) =>
  z.strictObject({ ...envelope, type: z.literal(type), data });

/**
 * Schema of every built-in event, discriminated by `type`. Use it where events arrive from outside,
 * such as a sync server, to reject malformed ones with the path of the wrong field. It holds events
 * to the limits `checkEvent` does — ids of 1 to 128 characters, strings of at most 20,000, no NUL or
 * lone surrogate, clocks from 1970 to the end of 9999, counters up to a million, data of at most
 * 64 KiB as UTF-8 JSON, an id made of the device and the sequence — and refuses fields it does not
 * know, which `checkEvent` drops.
 */
export const eventSchema: z.ZodType<AttuneEvent> = z
  .discriminatedUnion('type', [
    event('exercise-started', z.strictObject({ exercise: name, together: z.boolean() })),
    event('exercise-completed', z.strictObject({ exercise: name, together: z.boolean() })),
    event('answer-recorded', z.strictObject({ exercise: name, prompt: name, text })),
    event('entry-shared', z.strictObject({ entry: name })),
    event(
      'check-in-recorded',
      // The range every program's scale lies within (see `validation/schemas.ts`).
      z.strictObject({ exercise: name, scores: recordOf(z.number().min(-100).max(100)) }),
    ),
    event(
      'quiz-answered',
      z.strictObject({ exercise: name, question: name, self: name, guess: name }),
    ),
    event(
      'appreciation-sent',
      z.strictObject({ exercise: name, starter: name.exactOptional(), text }),
    ),
    event(
      'agreement-proposed',
      z.strictObject({
        exercise: name,
        fields: recordOf(z.union([text, z.array(text)])),
      }),
    ),
    event('agreement-confirmed', z.strictObject({ exercise: name, proposal: name })),
    event('safety-check-taken', z.strictObject({ exercise: name, answers: recordOf(z.boolean()) })),
    event('safety-rest', z.strictObject({ active: z.boolean() })),
    event('program-paused', toggleData),
    event('program-resumed', toggleData),
    event('partner-left', noData),
    event('erasure-requested', z.strictObject({ partner: name, before: clockSchema })),
  ])
  .superRefine((value, context) => {
    if (value.id !== `${value.device}:${value.seq}`) {
      context.addIssue({
        code: 'custom',
        path: ['id'],
        message: `The id should be "${value.device}:${value.seq}", the device id, a colon and the sequence.`,
      });
    }
    if (utf8Length(JSON.stringify(value.data), MAX_DATA_BYTES) > MAX_DATA_BYTES) {
      context.addIssue({
        code: 'custom',
        path: ['data'],
        message: `The data should be at most ${MAX_DATA_BYTES} bytes as JSON.`,
      });
    }
  });
