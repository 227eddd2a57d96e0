import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import type { Couple } from '../program/couple.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { testCouple } from '../testing/test-couple.js';
import { computeProgress } from './compute.js';
import { createFacts, type Facts, foldEvent } from './facts.js';
import { suggestNext } from './suggest.js';

const DAY = 86_400_000;
const START = testCouple.startedAt;
const NOW = START + 41 * DAY;

// Names every plain object answers to, or that set its prototype when assigned.
const objectNames = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];
const exercises = nineStepProgram.steps.flatMap((step) => step.exercises.map((e) => e.id));

const spec = fc.record({
  author: fc.constantFrom(0, 1),
  device: fc.constantFrom('phone-a', 'phone-b'),
  wall: fc.integer({ min: START, max: START + 40 * DAY }),
  payload: fc.oneof(
    fc.record({
      type: fc.constantFrom('exercise-completed', 'exercise-started'),
      data: fc.record({ exercise: fc.constantFrom(...exercises), together: fc.boolean() }),
    }),
    fc.record({
      type: fc.constant('check-in-recorded'),
      data: fc.record({
        exercise: fc.constant('weekly-check-in'),
        scores: fc.dictionary(
          fc.constantFrom('closeness', 'stress', 'fun'),
          fc.integer({ min: 1, max: 5 }),
        ),
      }),
    }),
    fc.record({
      type: fc.constantFrom('program-paused', 'program-resumed'),
      data: fc.constant({}),
    }),
  ),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

/** The same history, recorded by the partners named `names`. */
const eventsOf = (specs: readonly Spec[], names: readonly [string, string]): LoggedEvent[] =>
  specs.map((s, i) => ({
    id: `${s.device}:${i + 1}`,
    partner: names[s.author] as string,
    device: s.device,
    seq: i + 1,
    clock: { wall: s.wall, counter: 0 },
    type: s.payload.type,
    data: s.payload.data,
    visibility: 'shared',
  }));

const coupleOf = (names: readonly [string, string]): Couple => ({
  ...testCouple,
  partners: [
    { id: names[0], timeZone: testCouple.partners[0].timeZone },
    { id: names[1], timeZone: testCouple.partners[1].timeZone },
  ],
});

function outcome(specs: readonly Spec[], names: readonly [string, string]) {
  const couple = coupleOf(names);
  const facts: Facts = createFacts();
  const context = {
    timeZones: new Map(couple.partners.map((partner) => [partner.id, partner.timeZone])),
    exercises: new Set(exercises),
  };
  for (const event of eventsOf(specs, names)) foldEvent(facts, event, context);
  const progress = computeProgress(facts, {
    program: nineStepProgram,
    couple,
    now: NOW,
    divergenceThreshold: 2,
  });
  const suggestions = names.map((partner) =>
    suggestNext({
      program: nineStepProgram,
      facts,
      progress,
      partner,
      due: [],
      ownSafetyConcern: false,
    }),
  );
  return { progress, suggestions };
}

/** A copy of a result with the partners' names given back as `ana` and `kai`, as keys and values. */
function renamed(value: unknown, names: readonly [string, string]): unknown {
  const back = (name: string) => (name === names[0] ? 'ana' : name === names[1] ? 'kai' : name);
  if (typeof value === 'string') return back(value);
  if (Array.isArray(value)) return value.map((item) => renamed(item, names));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    out[back(key)] = renamed((value as Record<string, unknown>)[key], names);
  }
  return out;
}

describe('partner ids that every plain object knows', () => {
  it('give the progress and suggestions that ana and kai get from the same history', () => {
    const names = fc
      .tuple(fc.constantFrom(...objectNames, 'ana'), fc.constantFrom(...objectNames, 'kai'))
      .filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 40 }), names, (specs, pair) => {
        const expected = outcome(specs, ['ana', 'kai']);
        expect(renamed(outcome(specs, pair), pair)).toEqual(renamed(expected, ['ana', 'kai']));
      }),
      { numRuns: 200, seed: 20_260_501 },
    );
  });

  it('give each partner their own contribution, trend and rule progress', () => {
    const specs: Spec[] = [
      {
        author: 0,
        device: 'phone-a',
        wall: START + DAY,
        payload: {
          type: 'check-in-recorded',
          data: { exercise: 'weekly-check-in', scores: { fun: 1 } },
        },
      },
      {
        author: 1,
        device: 'phone-b',
        wall: START + DAY,
        payload: {
          type: 'exercise-completed',
          data: { exercise: 'safe-space-basics', together: false },
        },
      },
    ];
    const { progress, suggestions } = outcome(specs, ['__proto__', 'constructor']);
    const safeSpace = progress.steps.find((step) => step.id === 'safe-space');
    expect(Object.keys(safeSpace?.contributions ?? {})).toEqual(['__proto__', 'constructor']);
    expect(safeSpace?.completion.children?.[0]?.partners).toHaveProperty(['__proto__']);
    const fun = progress.checkIns[0]?.dimensions.find((d) => d.dimension === 'fun');
    expect(Object.hasOwn(fun?.latest ?? {}, '__proto__')).toBe(true);
    expect(Object.hasOwn(fun?.latest ?? {}, 'constructor')).toBe(false);
    // Low scores of their own, and none for the other.
    expect(suggestions.map((s) => s.reasonKey)).toEqual([
      'common:suggest.low-scores',
      'common:suggest.next-in-step',
    ]);
  });
});
