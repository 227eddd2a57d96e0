import { describe, expect, it } from 'vitest';
import {
  MAX_COUNTER,
  MAX_DATA_BYTES,
  MAX_DEPTH,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_WALL,
  MIN_WALL,
} from './bounds.js';
import { checkEvent } from './check-event.js';
import { AttuneEventError } from './event-error.js';

const context = { partners: ['ana', 'kai'], latestWall: Number.POSITIVE_INFINITY };
const wall = Date.UTC(2026, 0, 5, 8);

const event = (over: Record<string, unknown> = {}) => ({
  id: 'phone:1',
  partner: 'ana',
  device: 'phone',
  seq: 1,
  clock: { wall, counter: 0 },
  type: 'answer-recorded',
  data: { exercise: 'what-feels-safe', prompt: 'safe', text: 'A quiet evening.' },
  visibility: 'private',
  ...over,
});

/** The code and field of the error `checkEvent` throws for `input`, or `accepted`. */
function refusal(input: unknown, check = context): [string, string] | 'accepted' {
  try {
    checkEvent(input, check);
    return 'accepted';
  } catch (error) {
    if (!AttuneEventError.isInstance(error)) throw error;
    return [error.code, error.field];
  }
}

/** Nests `leaf` `depth` levels deep in objects under the key `a`. */
function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('the clock bounds', () => {
  it('accept every wall time from the epoch to the end of the year 9999', () => {
    expect(MIN_WALL).toBe(0);
    expect(new Date(MAX_WALL).toISOString()).toBe('9999-12-31T23:59:59.999Z');
    for (const at of [MIN_WALL, wall, MAX_WALL]) {
      expect(refusal(event({ clock: { wall: at, counter: 0 } }))).toBe('accepted');
    }
  });

  it('refuse a wall time outside them, naming clock.wall, however lenient the future limit', () => {
    for (const at of [MAX_WALL + 1, 8.64e15, 8.64e15 + 1, 9e15, Number.MAX_SAFE_INTEGER, -1]) {
      expect(refusal(event({ clock: { wall: at, counter: 0 } }))).toEqual([
        'malformed',
        'clock.wall',
      ]);
    }
  });

  it('refuse a wall time past the future limit with a message, never a RangeError', () => {
    const ahead = { ...context, latestWall: wall };
    expect(refusal(event({ clock: { wall: wall + 1, counter: 0 } }), ahead)).toEqual([
      'clock-too-far-ahead',
      'clock.wall',
    ]);
    expect(refusal(event({ clock: { wall: 9e15, counter: 0 } }), ahead)).toEqual([
      'malformed',
      'clock.wall',
    ]);
  });

  it('refuse a counter over the bound, naming clock.counter', () => {
    expect(refusal(event({ clock: { wall, counter: MAX_COUNTER } }))).toBe('accepted');
    for (const counter of [MAX_COUNTER + 1, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      expect(refusal(event({ clock: { wall, counter } }))).toEqual(['malformed', 'clock.counter']);
    }
  });

  it('bound the erasure cutoff as a clock', () => {
    const erasure = (before: unknown) =>
      event({ type: 'erasure-requested', visibility: 'shared', data: { partner: 'ana', before } });
    expect(refusal(erasure({ wall, counter: 3 }))).toBe('accepted');
    expect(refusal(erasure({ wall: 9e15, counter: 0 }))).toEqual(['malformed', 'data.before.wall']);
    expect(refusal(erasure({ wall, counter: MAX_COUNTER + 1 }))).toEqual([
      'malformed',
      'data.before.counter',
    ]);
  });
});

describe('the nesting and size bounds', () => {
  it('refuse data nested deeper than the bound without overflowing the stack', () => {
    const plugin = (data: unknown) => event({ type: 'plugin-note', data });
    expect(refusal(plugin(nested(MAX_DEPTH)))).toBe('accepted');
    expect(refusal(plugin(nested(MAX_DEPTH + 1)))[0]).toBe('malformed');
    const [code, field] = refusal(plugin(nested(10_000))) as [string, string];
    expect(code).toBe('malformed');
    expect(field).toBe(`data${'.a'.repeat(MAX_DEPTH)}`);
    let list: unknown = [];
    for (let i = 0; i < 10_000; i++) list = [list];
    expect(refusal(plugin({ list }))).toEqual([
      'malformed',
      `data.list${'[0]'.repeat(MAX_DEPTH - 1)}`,
    ]);
  });

  it('refuse a cycle as too deep instead of looping', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(refusal(event({ type: 'plugin-note', data: cycle }))[0]).toBe('malformed');
  });

  it('refuse data larger than the bound, of a known type or not, naming data', () => {
    const lines = Array.from({ length: 4 }, () => 'x'.repeat(MAX_TEXT_LENGTH));
    const agreement = event({
      type: 'agreement-proposed',
      visibility: 'shared',
      data: { exercise: 'ground-rules', fields: { promises: lines } },
    });
    expect(refusal(agreement)).toEqual(['malformed', 'data']);
    const wide = Object.fromEntries(
      Array.from({ length: 8_000 }, (_, i) => [`k${i}`, 'v'.repeat(8)]),
    );
    expect(refusal(event({ type: 'plugin-note', data: wide }))).toEqual(['malformed', 'data']);
    // The longest answer fits, even in a script of three bytes a character.
    const longest = event({
      data: { exercise: 'what-feels-safe', prompt: 'safe', text: '語'.repeat(MAX_TEXT_LENGTH) },
    });
    expect(refusal(longest)).toBe('accepted');
    expect(MAX_TEXT_LENGTH * 3).toBeLessThan(MAX_DATA_BYTES);
  });

  it('refuse a string or an id over its length, naming it', () => {
    const long = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(
      refusal(event({ data: { exercise: 'what-feels-safe', prompt: 'safe', text: long } })),
    ).toEqual(['malformed', 'data.text']);
    expect(refusal(event({ type: 'plugin-note', data: { note: long } }))).toEqual([
      'malformed',
      'data.note',
    ]);
    const id = 'x'.repeat(MAX_ID_LENGTH + 1);
    expect(refusal(event({ device: id, id: `${id}:1` }))).toEqual(['malformed', 'device']);
    expect(refusal(event({ type: id }))).toEqual(['malformed', 'type']);
    expect(refusal(event({ data: { exercise: id, prompt: 'safe', text: 'hello' } }))).toEqual([
      'malformed',
      'data.exercise',
    ]);
  });

  it('accept the longest device id, whose event id is longer than an id', () => {
    const device = 'd'.repeat(MAX_ID_LENGTH);
    expect(refusal(event({ device, id: `${device}:12345`, seq: 12345 }))).toBe('accepted');
  });
});

describe('the character bounds', () => {
  const nul = 'a\u0000b';
  const lone = 'a\uD800b';
  const trailing = 'a\uDC00';

  it('refuse a NUL or a lone surrogate in every id of the envelope, naming it', () => {
    for (const bad of [nul, lone, trailing]) {
      expect(refusal(event({ device: bad, id: `${bad}:1` }))).toEqual(['malformed', 'device']);
      expect(refusal(event({ type: bad }))).toEqual(['malformed', 'type']);
      expect(refusal(event({ partner: bad }))).toEqual(['malformed', 'partner']);
    }
  });

  it('refuse them in the ids and the free text of the data, and in its keys', () => {
    for (const bad of [nul, lone, trailing]) {
      expect(refusal(event({ data: { exercise: bad, prompt: 'safe', text: 'hi' } }))).toEqual([
        'malformed',
        'data.exercise',
      ]);
      expect(
        refusal(event({ data: { exercise: 'what-feels-safe', prompt: bad, text: 'hi' } })),
      ).toEqual(['malformed', 'data.prompt']);
      expect(
        refusal(event({ data: { exercise: 'what-feels-safe', prompt: 'safe', text: bad } })),
      ).toEqual(['malformed', 'data.text']);
      const checkIn = event({
        type: 'check-in-recorded',
        data: { exercise: 'weekly-check-in', scores: { [bad]: 3 } },
      });
      expect(refusal(checkIn)).toEqual(['malformed', 'data.scores key']);
      expect(refusal(event({ type: 'plugin-note', data: { list: ['ok', bad] } }))).toEqual([
        'malformed',
        'data.list[1]',
      ]);
      expect(refusal(event({ type: 'plugin-note', data: { [bad]: 1 } }))).toEqual([
        'malformed',
        'data key',
      ]);
    }
  });

  it('keep a well-formed surrogate pair, an emoji, as text', () => {
    const text = 'Thank you 💛';
    expect(
      checkEvent(event({ data: { exercise: 'what-feels-safe', prompt: 'safe', text } }), context)
        .data,
    ).toMatchObject({ text });
  });
});

describe('the data of an unknown type', () => {
  const plugin = (data: unknown) => event({ type: 'plugin-note', data });

  it('is copied as JSON would copy it', () => {
    const data = { a: [1, 'two', null, true, { b: -0 }], skipped: undefined };
    const checked = checkEvent(plugin(data), context).data;
    expect(checked).toEqual(JSON.parse(JSON.stringify(data)));
    expect(checked).not.toBe(data);
    expect(checkEvent(plugin(undefined), context).data).toBeNull();
  });

  it('refuses what JSON cannot hold, naming where it is', () => {
    expect(refusal(plugin({ n: Number.NaN }))).toEqual(['malformed', 'data.n']);
    expect(refusal(plugin({ n: [Number.POSITIVE_INFINITY] }))).toEqual(['malformed', 'data.n[0]']);
    expect(refusal(plugin({ big: 1n }))).toEqual(['malformed', 'data.big']);
    expect(refusal(plugin({ at: new Date(0) }))).toEqual(['malformed', 'data.at']);
    expect(refusal(plugin(JSON.parse('{"__proto__": {"polluted": true}}')))).toEqual([
      'malformed',
      'data.__proto__',
    ]);
  });
});
