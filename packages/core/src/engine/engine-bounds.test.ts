import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { MAX_COUNTER } from '../log/bounds.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { createEngine } from './create-engine.js';
import { testCouple } from './fixtures.js';
import type { EngineOptions } from './types.js';

const now = testCouple.startedAt + 60_000;
const engineWith = (options: Partial<EngineOptions> = {}) =>
  createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'me',
    now: () => now,
    ...options,
  });

const event = (seq: number, clock: { wall: number; counter: number }): LoggedEvent => ({
  id: `other:${seq}`,
  partner: 'kai',
  device: 'other',
  seq,
  clock,
  type: 'exercise-completed',
  data: { exercise: 'safe-space-basics', together: false },
  visibility: 'shared',
});

describe('the engine and clocks beyond the Date range', () => {
  const far = event(2, { wall: 9e15, counter: 0 });

  it('refuses such an event in receive, alone, instead of throwing', () => {
    for (const options of [{}, { maxFutureMs: Number.POSITIVE_INFINITY }]) {
      const engine = engineWith(options);
      const result = engine.receive([event(1, { wall: now, counter: 0 }), far]);
      expect(result.added).toBe(1);
      expect(result.rejected.map(({ index, error }) => [index, error.code, error.field])).toEqual([
        [1, 'malformed', 'clock.wall'],
      ]);
      expect(engine.getSnapshot().events).toBe(1);
      engine.completeExercise('ana', 'safe-space-basics');
    }
  });

  it('starts from trusted storage holding one, leaving it out of progress and still recording', () => {
    const engine = engineWith({
      events: [event(1, { wall: now, counter: 0 }), far],
      trusted: true,
    });
    const snapshot = engine.getSnapshot();
    expect(snapshot.steps[0]?.contributions.kai?.done).toBe(1);
    expect(engine.completeExercise('ana', 'safe-space-basics').clock.wall).toBeLessThan(9e15);
  });
});

describe('the engine and clock counters', () => {
  it('refuses a counter over the bound, and records after one at the bound', () => {
    const engine = engineWith();
    const result = engine.receive([
      event(1, { wall: now, counter: Number.MAX_SAFE_INTEGER }),
      event(2, { wall: now, counter: MAX_COUNTER }),
    ]);
    expect(result.rejected.map(({ index, error }) => [index, error.field])).toEqual([
      [0, 'clock.counter'],
    ]);
    const recorded = engine.completeExercise('ana', 'safe-space-basics');
    expect(recorded.clock).toEqual({ wall: now + 1, counter: 0 });
    expect(engine.getEvents().at(-1)).toBe(recorded);
  });

  it('records after starting from storage that holds a counter past the bound', () => {
    const engine = engineWith({
      events: [event(1, { wall: now, counter: Number.MAX_SAFE_INTEGER })],
      trusted: true,
    });
    const recorded = engine.completeExercise('ana', 'safe-space-basics');
    expect(recorded.clock).toEqual({ wall: now + 1, counter: 0 });
  });
});
