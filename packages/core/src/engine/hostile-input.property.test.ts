import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { MAX_COUNTER, MAX_ID_LENGTH, MAX_TEXT_LENGTH, MAX_WALL } from '../log/bounds.js';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { importEvents } from '../sync/import-events.js';
import { testCouple } from '../testing/test-couple.js';
import { createEngine } from './create-engine.js';

const now = testCouple.startedAt + 7 * 86_400_000;

const clear = {
  'feel-safe': true,
  'can-disagree': true,
  afraid: false,
  'see-others': true,
  threatened: false,
};

const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'];
const badText = ['', 'a\u0000b', '\u0000', 'x\uD800', '\uDC00', 'x'.repeat(MAX_ID_LENGTH + 1)];

/** Strings an honest device would not send, and some it would. */
const hostileString = fc.oneof(
  fc.constantFrom(...prototypeNames, ...badText, 'ana', 'kai', 'safe-space-basics', 'safety-check'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('x'.repeat(MAX_TEXT_LENGTH + 1), '語'.repeat(MAX_TEXT_LENGTH)),
);

/** Numbers at and past every bound, and those JSON cannot hold. */
const hostileNumber = fc.oneof(
  fc.constantFrom(
    -0,
    -1,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    MAX_COUNTER,
    MAX_COUNTER + 1,
    2 ** 32,
    MAX_WALL,
    MAX_WALL + 1,
    8.64e15,
    8.64e15 + 1,
    9e15,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
  ),
  fc.double(),
  fc.integer(),
);

/** Objects or arrays nested up to thousands deep. */
const deep = fc
  .tuple(fc.integer({ min: 0, max: 5_000 }), fc.boolean(), hostileString)
  .map(([depth, asArray, key]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { [key]: value };
    return value;
  });

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  deep,
  fc.constantFrom(null, undefined, true, 1n, new Date(0), [], {}),
  fc.dictionary(hostileString, fc.oneof(hostileString, hostileNumber, fc.boolean()), {
    maxKeys: 4,
  }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
  }),
);

const wall = testCouple.startedAt + 86_400_000;

/** Data an honest device records, per type, for the nine-step program. */
const validData: Readonly<Record<string, unknown>> = {
  'exercise-started': { exercise: 'safe-space-basics', together: false },
  'exercise-completed': { exercise: 'safe-space-basics', together: true },
  'answer-recorded': { exercise: 'what-feels-safe', prompt: 'safe', text: 'A quiet evening.' },
  'entry-shared': { entry: 'kai-phone:1' },
  'check-in-recorded': { exercise: 'weekly-check-in', scores: { closeness: 4 } },
  'quiz-answered': {
    exercise: 'inner-world-quiz',
    question: 'recharge',
    self: 'alone',
    guess: 'friends',
  },
  'appreciation-sent': { exercise: 'thank-you-notes', text: 'Thank you 💛' },
  'agreement-proposed': { exercise: 'ground-rules', fields: { promises: ['listen'] } },
  'agreement-confirmed': { exercise: 'ground-rules', proposal: 'kai-phone:1' },
  'safety-check-taken': { exercise: 'safety-check', answers: { afraid: true } },
  'safety-rest': { active: true },
  'program-paused': {},
  'program-resumed': { follows: 'kai-phone:1' },
  'partner-left': {},
  'erasure-requested': { partner: 'kai', before: { wall, counter: 0 } },
  'plugin-note': { note: { nested: ['fine'] } },
};

/** Where a hostile value goes in an otherwise honest event. */
const paths = [
  'id',
  'partner',
  'device',
  'seq',
  'clock',
  'clock.wall',
  'clock.counter',
  'type',
  'visibility',
  'data',
  'data.exercise',
  'data.text',
  'data.scores',
  'data.scores.closeness',
  'data.answers',
  'data.answers.afraid',
  'data.fields',
  'data.fields.promises',
  'data.follows',
  'data.before.wall',
  'data.before.counter',
  'data.note',
  'data.extra',
  'encrypted',
] as const;

/** A value as text, as a template would show it; an object without a prototype has no text. */
function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'object';
  }
}

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) return;
    at = next as Record<string, unknown>;
  }
  at[keys[keys.length - 1] as string] = value;
}

/**
 * An honest event of kai's phone or a device named like a prototype member, with a few fields made
 * hostile; its id follows its device and sequence unless the id itself was made hostile.
 */
const hostileEvent = fc
  .record({
    type: fc.constantFrom(...Object.keys(validData)),
    device: fc.constantFrom('kai-phone', ...prototypeNames),
    seq: fc.integer({ min: 1, max: 40 }),
    tick: fc.integer({ min: 0, max: 5 * 86_400_000 }),
    partner: fc.constantFrom('ana', 'kai'),
    changes: fc.array(fc.tuple(fc.constantFrom(...paths), hostileValue), { maxLength: 2 }),
  })
  .map(({ type, device, seq, tick, partner, changes }) => {
    const event: Record<string, unknown> = {
      id: `${device}:${seq}`,
      partner,
      device,
      seq,
      clock: { wall: wall + tick, counter: 0 },
      type,
      data: structuredClone(validData[type]),
      visibility: type === 'safety-check-taken' ? 'private' : 'shared',
    };
    for (const [path, value] of changes) {
      put(event, path, value);
      if (path === 'device' || path === 'seq')
        event.id = `${asText(event.device)}:${asText(event.seq)}`;
    }
    return event;
  });

const batch = fc.oneof(
  fc.array(hostileEvent, { maxLength: 12 }),
  fc.array(fc.oneof(hostileEvent, hostileValue), { maxLength: 6 }),
);

function anaPhone(events?: readonly LoggedEvent[]) {
  return createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'ana-phone',
    now: () => now,
    maxFutureMs: Number.POSITIVE_INFINITY,
    ...(events && { events, trusted: true }),
  });
}

/** What the engine must still do, whatever it was given: show, and record. */
function stillWorks(engine: ReturnType<typeof anaPhone>): void {
  engine.getSnapshot();
  engine.viewFor('ana');
  engine.viewFor('kai');
  engine.resume('ana');
  const check = engine.takeSafetyCheck('ana', 'safety-check', clear);
  expect(engine.getEvents()).toContain(check);
  expect(engine.getSnapshot().paused).toBe(false);
}

describe('hostile input', () => {
  it('is refused one event at a time by receive, which never throws, and the engine still records', () => {
    fc.assert(
      fc.property(batch, (events) => {
        const engine = anaPhone();
        engine.completeExercise('ana', 'safe-space-basics');
        const result = engine.receive(events);
        expect(result.added + result.duplicates + result.rejected.length).toBe(events.length);
        for (const { error } of result.rejected) {
          expect(AttuneEventError.isInstance(error)).toBe(true);
          expect(typeof error.field).toBe('string');
        }
        stillWorks(engine);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('is refused one event at a time by importEvents, which keeps what is held, and the engine starts from the result', () => {
    fc.assert(
      fc.property(batch, (events) => {
        const held = anaPhone();
        held.completeExercise('ana', 'safe-space-basics');
        const local = held.getEvents();
        const result = importEvents(local, events, {
          couple: testCouple,
          device: 'ana-phone',
          self: 'ana',
        });
        for (const { error } of result.rejected) {
          expect(AttuneEventError.isInstance(error)).toBe(true);
        }
        for (const event of local) {
          expect(result.events.includes(event) || result.dropped.includes(event)).toBe(true);
        }
        stillWorks(anaPhone(result.events));
        const receiving = anaPhone(local);
        receiving.receive(result.added);
        stillWorks(receiving);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
