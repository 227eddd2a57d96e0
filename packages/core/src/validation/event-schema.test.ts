import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import {
  MAX_COUNTER,
  MAX_DATA_BYTES,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_WALL,
} from '../log/bounds.js';
import { checkEvent } from '../log/check-event.js';
import { AttuneEventError } from '../log/event-error.js';
import { eventSchema } from './event-schema.js';

const context = { partners: ['ana', 'kai'], latestWall: Number.MAX_SAFE_INTEGER };

const base = (type: string, data: unknown, changes: Partial<LoggedEvent> = {}): unknown => ({
  id: 'kai-phone:1',
  partner: 'kai',
  device: 'kai-phone',
  seq: 1,
  clock: { wall: Date.UTC(2026, 0, 5), counter: 0 },
  type,
  data,
  visibility: 'shared',
  ...changes,
});
const answer = (text: string) =>
  base('answer-recorded', { exercise: 'what-feels-safe', prompt: 'safe', text });
const longDevice = 'd'.repeat(MAX_ID_LENGTH);

/** What `checkEvent` says of a value: accepted, or the field it refuses. */
function checked(value: unknown): true | string {
  try {
    checkEvent(value, context);
    return true;
  } catch (error) {
    if (!AttuneEventError.isInstance(error)) throw error;
    return error.field;
  }
}

/** What `eventSchema` says of a value: accepted, or the path of its first issue. */
function parsed(value: unknown): true | string {
  const result = eventSchema.safeParse(value);
  return result.success || (result.error.issues[0]?.path.join('.') ?? '');
}

// Each is an event `checkEvent` accepts or refuses, and the field it names when it refuses.
const samples: readonly (readonly [string, unknown])[] = [
  ['an answer with a surrogate pair', answer('held 🤝 close')],
  ['a pause that names the one it follows', base('program-paused', { follows: 'ana-phone:3' })],
  ['a resume that names nothing', base('program-resumed', {})],
  [
    'an event of the longest device id',
    base('partner-left', {}, { id: `${longDevice}:1`, device: longDevice }),
  ],
  ['text at the longest', answer('x'.repeat(MAX_TEXT_LENGTH))],
  [
    'a clock at the last millisecond of 9999',
    base('partner-left', {}, { clock: { wall: MAX_WALL, counter: MAX_COUNTER } }),
  ],
  ['a NUL in text', answer('safe\u0000space')],
  ['a lone surrogate in text', answer('half \uD83E of a pair')],
  ['a NUL in an id', base('exercise-started', { exercise: 'safe\u0000space', together: false })],
  ['a lone surrogate in a partner id', base('partner-left', {}, { partner: 'kai\uDC00' })],
  [
    'a lone surrogate in a key',
    base('safety-check-taken', { exercise: 'safety-check', answers: { '\uD800': true } }),
  ],
  ['a NUL in the name of the one it follows', base('program-resumed', { follows: 'a\u0000:1' })],
  ['a follows that is not an id', base('program-paused', { follows: '' })],
  ['text past the longest', answer('x'.repeat(MAX_TEXT_LENGTH + 1))],
  ['an id past the longest', base('entry-shared', { entry: 'e'.repeat(MAX_ID_LENGTH + 1) })],
  ['a clock past 9999', base('partner-left', {}, { clock: { wall: MAX_WALL + 1, counter: 0 } })],
  [
    'a counter past the bound',
    base('partner-left', {}, { clock: { wall: 0, counter: MAX_COUNTER + 1 } }),
  ],
  ['an id that is not its device and sequence', base('partner-left', {}, { id: 'ana-phone:1' })],
  [
    'a __proto__ key',
    base('check-in-recorded', {
      exercise: 'weekly-check-in',
      scores: JSON.parse('{"__proto__":3}'),
    }),
  ],
  [
    'data past 64 KiB',
    base('agreement-proposed', {
      exercise: 'ground-rules',
      fields: { rules: Array.from({ length: 4 }, () => 'x'.repeat(MAX_TEXT_LENGTH)) },
    }),
  ],
];

describe('eventSchema', () => {
  it('accepts and refuses what checkEvent does, on hostile samples', () => {
    const outcomes = samples.map(([what, value]) => [what, checked(value) === true]);
    expect(samples.map(([what, value]) => [what, parsed(value) === true])).toEqual(outcomes);
    // The samples do both.
    expect(new Set(outcomes.map(([, accepted]) => accepted))).toEqual(new Set([true, false]));
  });

  it('names the field checkEvent names, for a refused sample whose field is a path', () => {
    for (const [, value] of samples) {
      const field = checked(value);
      if (field !== true && !field.includes(' ')) expect(parsed(value)).toBe(field);
    }
  });

  it('refuses data past the size limit as checkEvent does, on data', () => {
    const big = samples.find(([what]) => what === 'data past 64 KiB')?.[1];
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_DATA_BYTES);
    expect([checked(big), parsed(big)]).toEqual(['data', 'data']);
  });
});
