import { describe, expect, it } from 'vitest';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { createEngine } from './create-engine.js';
import { manualClock, testCouple } from './fixtures.js';

const clear = {
  'feel-safe': true,
  'can-disagree': true,
  afraid: false,
  'see-others': true,
  threatened: false,
};
const risky = { ...clear, afraid: true };

function setup() {
  return createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'kai-phone',
    now: manualClock().now,
  });
}

function fieldOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    expect(AttuneEventError.isInstance(error) && error.code).toBe('malformed');
    return (error as AttuneEventError).field;
  }
  throw new Error('expected a refusal');
}

describe('takeSafetyCheck', () => {
  it('refuses answers that are not an object of yes and no per question, recording nothing', () => {
    const engine = setup();
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
    const engine = setup();
    for (const answers of [{}, { afraid: false, 'feel-safe': true }]) {
      expect(fieldOf(() => engine.takeSafetyCheck('kai', 'safety-check', answers))).toBe(
        'data.answers',
      );
    }
    expect(engine.getEvents()).toEqual([]);
  });

  it('records a risk even when questions were left out, and rests the exercises', () => {
    const engine = setup();
    engine.takeSafetyCheck('kai', 'safety-check', { afraid: true });
    expect(engine.getSnapshot().resting).toBe(true);
  });

  it('wakes a rest only with a check that answers every question and signals no risk', () => {
    const engine = setup();
    engine.takeSafetyCheck('kai', 'safety-check', risky);
    expect(engine.getSnapshot().resting).toBe(true);
    expect(() => engine.takeSafetyCheck('kai', 'safety-check', null as never)).toThrow(
      AttuneEventError,
    );
    expect(() => engine.takeSafetyCheck('kai', 'safety-check', {})).toThrow(/data\.answers/);
    expect(engine.getSnapshot().resting).toBe(true);
    engine.takeSafetyCheck('kai', 'safety-check', clear);
    expect(engine.getSnapshot().resting).toBe(false);
  });

  it('never counts a partial check received from elsewhere as clear', () => {
    const engine = setup();
    const rest = engine.takeSafetyCheck('kai', 'safety-check', risky);
    const partial = {
      ...rest,
      id: 'kai-tablet:1',
      device: 'kai-tablet',
      seq: 1,
      clock: { wall: rest.clock.wall + 1_000, counter: 0 },
      data: { exercise: 'safety-check', answers: {} },
    };
    expect(engine.receive([partial]).added).toBe(1);
    expect(engine.getSnapshot().resting).toBe(true);
    expect(engine.viewFor('kai').ownSafetyConcern).toBe(false);
  });
});
