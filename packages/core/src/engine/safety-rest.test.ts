import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { createEngine } from './create-engine.js';
import { manualClock, testCouple } from './fixtures.js';
import { REST_STEP_MS, restStartAfter } from './safety-rest.js';
import type { EngineOptions } from './types.js';

const clear = {
  'feel-safe': true,
  'can-disagree': true,
  afraid: false,
  'see-others': true,
  threatened: false,
};
const risky = { ...clear, afraid: true };
const START = testCouple.startedAt;
const MINUTE = 60_000;

function setup(device = 'kai-phone', options: Partial<EngineOptions> = {}) {
  const clock = manualClock();
  const engine = createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device,
    now: clock.now,
    ...options,
  });
  return { engine, clock };
}

function refusalOf(attempt: () => unknown): [string, string] {
  try {
    attempt();
  } catch (error) {
    if (!AttuneEventError.isInstance(error)) throw error;
    return [error.code, error.field];
  }
  throw new Error('expected a refusal');
}

function fieldOf(attempt: () => unknown): string {
  const [code, field] = refusalOf(attempt);
  expect(code).toBe('malformed');
  return field;
}

/** Moves the clock to `at` and has the engine read it, as an app does on a timer. */
function at(
  setup: { engine: ReturnType<typeof createEngine>; clock: ReturnType<typeof manualClock> },
  wall: number,
) {
  setup.clock.set(wall);
  setup.engine.refresh();
}

describe('takeSafetyCheck', () => {
  it('refuses answers that are not an object of yes and no per question, recording nothing', () => {
    const { engine } = setup();
    for (const answers of [null, undefined, 'yes', [true], 5]) {
      expect(fieldOf(() => engine.takeSafetyCheck('kai', 'safety-check', answers as never))).toBe(
        'data.answers',
      );
    }
    expect(
      fieldOf(() =>
        engine.takeSafetyCheck('kai', 'safety-check', { ...clear, afraid: 'no' } as never),
      ),
    ).toBe('data.answers.afraid');
    expect(
      fieldOf(() => engine.takeSafetyCheck('kai', 'safety-check', { ...clear, weather: true })),
    ).toBe('data.answers.weather');
    expect(engine.getEvents()).toEqual([]);
  });

  it('refuses a check that leaves questions out and signals no risk: it is not clear', () => {
    const { engine } = setup();
    for (const answers of [{}, { afraid: false, 'feel-safe': true }]) {
      expect(fieldOf(() => engine.takeSafetyCheck('kai', 'safety-check', answers))).toBe(
        'data.answers',
      );
    }
    expect(engine.getEvents()).toEqual([]);
  });

  it('records a risk even when questions were left out, and recommends a rest without resting', () => {
    const { engine } = setup();
    engine.takeSafetyCheck('kai', 'safety-check', { afraid: true });
    expect(engine.getEvents().map((event) => event.type)).toEqual(['safety-check-taken']);
    expect(engine.getSnapshot().resting).toBe(false);
    expect(engine.viewFor('kai')).toMatchObject({
      ownSafetyConcern: true,
      restRecommended: true,
      ownRest: undefined,
    });
    // The other partner is recommended nothing, and told nothing.
    expect(engine.viewFor('ana')).toMatchObject({
      ownSafetyConcern: false,
      restRecommended: false,
      ownRest: undefined,
    });
  });

  it('never wakes a rest: neither a clear check, nor an empty or null one', () => {
    const kai = setup();
    kai.engine.takeSafetyCheck('kai', 'safety-check', risky);
    at(kai, kai.engine.setRest('kai', true).clock.wall);
    expect(kai.engine.getSnapshot().resting).toBe(true);
    expect(kai.engine.viewFor('kai').restRecommended).toBe(false);
    expect(() => kai.engine.takeSafetyCheck('kai', 'safety-check', null as never)).toThrow(
      AttuneEventError,
    );
    expect(() => kai.engine.takeSafetyCheck('kai', 'safety-check', {})).toThrow(/data\.answers/);
    kai.engine.takeSafetyCheck('kai', 'safety-check', clear);
    at(kai, START + 2 * 3_600_000);
    expect(kai.engine.getSnapshot().resting).toBe(true);
    expect(kai.engine.viewFor('kai')).toMatchObject({
      ownSafetyConcern: false,
      restRecommended: false,
      ownRest: { active: true },
    });
  });

  it('never counts a partial check received from elsewhere as clear', () => {
    const { engine } = setup();
    const check = engine.takeSafetyCheck('kai', 'safety-check', risky);
    const partial = {
      ...check,
      id: 'kai-tablet:1',
      device: 'kai-tablet',
      seq: 1,
      clock: { wall: check.clock.wall + 1_000, counter: 0 },
      data: { exercise: 'safety-check', answers: {} },
    };
    expect(engine.receive([partial]).added).toBe(1);
    expect(engine.viewFor('kai')).toMatchObject({
      ownSafetyConcern: false,
      restRecommended: false,
    });
  });
});

describe('setRest', () => {
  it('takes effect at the next quarter hour, on every device, not at the moment it is chosen', () => {
    expect(restStartAfter(START)).toBe(START + REST_STEP_MS);
    expect(restStartAfter(START + 7 * MINUTE + 33_000)).toBe(START + REST_STEP_MS);
    expect(restStartAfter(START + REST_STEP_MS - 1)).toBe(START + REST_STEP_MS);
    expect(restStartAfter(START + REST_STEP_MS)).toBe(START + 2 * REST_STEP_MS);

    const kai = setup();
    const ana = setup('ana-phone');
    kai.clock.set(START + 7 * MINUTE + 33_000);
    ana.clock.set(START + 7 * MINUTE + 34_000);
    const rest = kai.engine.setRest('kai', true);
    expect(rest).toMatchObject({
      partner: 'kai',
      clock: { wall: START + REST_STEP_MS, counter: 0 },
      type: 'safety-rest',
      data: { active: true },
      visibility: 'shared',
    });
    expect(ana.engine.receive([rest]).added).toBe(1);
    for (const device of [kai, ana]) {
      expect(device.engine.getSnapshot().resting).toBe(false);
      at(device, START + REST_STEP_MS - 1);
      expect(device.engine.getSnapshot().resting).toBe(false);
      at(device, START + REST_STEP_MS);
      expect(device.engine.getSnapshot().resting).toBe(true);
    }
    expect(kai.engine.viewFor('kai').ownRest).toEqual({
      active: true,
      from: START + REST_STEP_MS,
      inEffect: true,
    });
    expect(ana.engine.viewFor('ana').ownRest).toBeUndefined();
    // The exercises that need safety rest from then on: the default program's guards hold.
    expect(refusalOf(() => ana.engine.startExercise('ana', 'fears-hopes-deck'))).toEqual([
      'not-allowed',
      'data.exercise',
    ]);
  });

  it('records the same event after a risk as for a slower pace: same id, clock, data and size', () => {
    const afterRisk = setup();
    const slower = setup();
    for (const { engine } of [afterRisk, slower])
      engine.completeExercise('kai', 'safe-space-basics');
    afterRisk.engine.takeSafetyCheck('kai', 'safety-check', risky);
    const fromRisk = afterRisk.engine.setRest('kai', true);
    const fromPace = slower.engine.setRest('kai', true);
    expect(fromRisk).toEqual(fromPace);
    expect(JSON.stringify(fromRisk)).toBe(JSON.stringify(fromPace));
    // One sequence number before it is never sent to Ana either way: the check's, or one unused.
    expect(fromPace.seq).toBe(3);
    expect(Object.keys(fromPace.data)).toEqual(['active']);
  });

  it('leaves one sequence number unused before a rest unless the last one went to a safety check', () => {
    const { engine } = setup();
    expect(engine.setRest('kai', true).seq).toBe(2);
    expect(engine.setRest('kai', false).seq).toBe(4);
    engine.takeSafetyCheck('kai', 'safety-check', clear);
    expect(engine.setRest('kai', true).seq).toBe(6);
    engine.answer('kai', 'what-feels-safe', 'safe', 'private words', 'private');
    expect(engine.setRest('kai', false).seq).toBe(9);
    expect(engine.completeExercise('kai', 'safe-space-basics').seq).toBe(10);
  });

  it('keeps what a partner chose last, even twice within a quarter hour', () => {
    const kai = setup();
    const first = kai.engine.setRest('kai', true);
    const second = kai.engine.setRest('kai', false);
    const third = kai.engine.setRest('kai', true);
    const fourth = kai.engine.setRest('kai', false);
    expect([first, second, third, fourth].map((event) => event.clock)).toEqual([
      { wall: START + REST_STEP_MS, counter: 0 },
      { wall: START + REST_STEP_MS, counter: 1 },
      { wall: START + REST_STEP_MS, counter: 2 },
      { wall: START + REST_STEP_MS, counter: 3 },
    ]);
    expect(kai.engine.viewFor('kai').ownRest).toMatchObject({ active: false });
    at(kai, START + REST_STEP_MS);
    expect(kai.engine.getSnapshot().resting).toBe(false);
    // A later choice, on another device of Kai's whose rest reached this one, comes after it too.
    const tablet = setup('kai-tablet');
    tablet.engine.receive(kai.engine.getEvents());
    expect(tablet.engine.setRest('kai', true).clock).toEqual({
      wall: START + REST_STEP_MS,
      counter: 4,
    });
  });

  it('lets each partner change only their own rest, whatever order the events arrive in', () => {
    // Issue 17: Ana rests while Kai is offline; Kai rests, takes a clear check and wakes his own.
    const ana = setup('ana-phone');
    const kai = setup('kai-phone');
    ana.engine.takeSafetyCheck('ana', 'safety-check', risky);
    ana.engine.setRest('ana', true);
    kai.clock.advance(MINUTE);
    kai.engine.takeSafetyCheck('kai', 'safety-check', risky);
    kai.engine.setRest('kai', true);
    kai.clock.advance(REST_STEP_MS);
    kai.engine.takeSafetyCheck('kai', 'safety-check', clear);
    kai.engine.setRest('kai', false);
    // Ana wakes nothing of Kai's, and Kai's wake wakes nothing of Ana's.
    const anas = ana.engine.getEvents();
    const kais = kai.engine.getEvents();
    ana.engine.receive(kais.filter((event) => event.type !== 'safety-check-taken').reverse());
    kai.engine.receive(anas.filter((event) => event.type !== 'safety-check-taken'));
    for (const device of [ana, kai]) {
      at(device, START + 3_600_000);
      expect(device.engine.getSnapshot().resting).toBe(true);
    }
    expect(ana.engine.viewFor('ana').ownRest).toMatchObject({ active: true });
    expect(kai.engine.viewFor('kai').ownRest).toMatchObject({ active: false });
    expect(refusalOf(() => ana.engine.setRest('stranger', true))).toEqual([
      'unknown-partner',
      'partner',
    ]);
    ana.engine.setRest('ana', false);
    at(ana, START + 2 * 3_600_000);
    expect(ana.engine.getSnapshot().resting).toBe(false);
  });

  it('refuses a rest that is neither on nor off, recording nothing', () => {
    const { engine } = setup();
    for (const active of ['yes', null, undefined, 1, {}]) {
      expect(fieldOf(() => engine.setRest('kai', active as never))).toBe('data.active');
    }
    expect(engine.getEvents()).toEqual([]);
  });

  it('follows a rest stamped ahead by another device of the partner, but not a clock gone wrong', () => {
    const ahead = (wall: number, seq: number): LoggedEvent => ({
      id: `kai-tablet:${seq}`,
      partner: 'kai',
      device: 'kai-tablet',
      seq,
      clock: { wall, counter: 7 },
      type: 'safety-rest',
      data: { active: true },
      visibility: 'shared',
    });
    const kai = setup();
    kai.engine.receive([ahead(START + 3 * 3_600_000, 1)]);
    expect(kai.engine.setRest('kai', false).clock).toEqual({
      wall: START + 3 * 3_600_000,
      counter: 8,
    });
    // A tablet whose clock reads a year ahead: the phone's wake takes effect at its quarter hour,
    // and holds until that far moment, instead of waiting for it.
    const wrong = setup('kai-phone', { maxFutureMs: Number.POSITIVE_INFINITY });
    const far = START + 365 * 86_400_000;
    wrong.engine.receive([ahead(far, 1)]);
    expect(wrong.engine.setRest('kai', false).clock).toEqual({
      wall: START + REST_STEP_MS,
      counter: 0,
    });
    at(wrong, START + REST_STEP_MS);
    expect(wrong.engine.getSnapshot().resting).toBe(false);
    at(wrong, far);
    expect(wrong.engine.getSnapshot().resting).toBe(true);
    // As far as an engine that accepts clocks only a few minutes ahead allows, and no further.
    const short = setup('kai-phone', { maxFutureMs: 5 * MINUTE });
    expect(short.engine.setRest('kai', true).clock).toEqual({
      wall: START + 5 * MINUTE,
      counter: 0,
    });
    short.engine.receive([ahead(START + 4 * MINUTE, 1)]);
    expect(short.engine.setRest('kai', false).clock).toEqual({
      wall: START + 5 * MINUTE,
      counter: 1,
    });
  });
});
