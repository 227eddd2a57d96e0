import * as z from 'zod';
import type { AttuneEvent, HybridTimestamp } from '../events/types.js';

const MAX_TEXT = 20_000;
const name = z.string().min(1).max(128);
const text = z.string().max(MAX_TEXT);
const noData = z.strictObject({});

const clockSchema: z.ZodType<HybridTimestamp> = z.strictObject({
  wall: z.int().min(0).max(8_640_000_000_000_000),
  counter: z.int().min(0).max(1_000_000),
});

const envelope = {
  id: name,
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
 * such as a sync server, to reject malformed ones with the path of the wrong field.
 */
export const eventSchema: z.ZodType<AttuneEvent> = z.discriminatedUnion('type', [
  event('exercise-started', z.strictObject({ exercise: name, together: z.boolean() })),
  event('exercise-completed', z.strictObject({ exercise: name, together: z.boolean() })),
  event('answer-recorded', z.strictObject({ exercise: name, prompt: name, text })),
  event('entry-shared', z.strictObject({ entry: name })),
  event(
    'check-in-recorded',
    z.strictObject({ exercise: name, scores: z.record(name, z.number().min(-100).max(100)) }),
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
      fields: z.record(name, z.union([text, z.array(text).max(100)])),
    }),
  ),
  event('agreement-confirmed', z.strictObject({ exercise: name, proposal: name })),
  event(
    'safety-check-taken',
    z.strictObject({ exercise: name, answers: z.record(name, z.boolean()) }),
  ),
  event('safety-rest', z.strictObject({ active: z.boolean() })),
  event('program-paused', noData),
  event('program-resumed', noData),
  event('partner-left', noData),
  event('erasure-requested', z.strictObject({ partner: name, before: clockSchema })),
]);
