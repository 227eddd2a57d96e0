import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
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

const completion = (device: string, seq: number): LoggedEvent => ({
  id: `${device}:${seq}`,
  partner: 'kai',
  device,
  seq,
  clock: { wall: now - 1000, counter: 0 },
  type: 'exercise-completed',
  data: { exercise: 'safe-space-basics', together: false },
  visibility: 'shared',
});

describe('what an engine refuses when it starts or receives', () => {
  it.each([8.64e15, -1, 1.5, Number.NaN, '2026-01-01'])(
    'refuses a couple that starts at %s, naming couple.startedAt',
    (startedAt) => {
      expect(() =>
        engineWith({ couple: { ...testCouple, startedAt: startedAt as number } }),
      ).toThrow(expect.objectContaining({ code: 'malformed', field: 'couple.startedAt' }));
    },
  );

  it('starts from trusted storage that holds something not shaped like an event, and reports it', () => {
    const engine = engineWith({
      trusted: true,
      events: [completion('kai-phone', 1), null, 'text', { id: 'x:1', clock: null }],
    });
    expect(engine.getEvents()).toHaveLength(1);
    expect(engine.getSnapshot().diagnostics.filter((d) => d.code === 'event-skipped')).toHaveLength(
      3,
    );
    // It still records.
    expect(engine.completeExercise('ana', 'safe-space-basics').id).toBe('me:1');
  });

  it("refuses an event under this device's id beyond what its storage says it recorded", () => {
    const engine = engineWith({ sequenceFloor: 0 });
    const result = engine.receive([
      completion('me', Number.MAX_SAFE_INTEGER),
      completion('kai', 1),
    ]);
    expect(result.added).toBe(1);
    expect(result.rejected).toEqual([
      { index: 0, error: expect.objectContaining({ code: 'not-allowed', field: 'device' }) },
    ]);
    // Recording goes on from this device's own sequence.
    expect(engine.completeExercise('ana', 'safe-space-basics').id).toBe('me:1');
  });

  it('takes back its own events, as after a sync brings them home', () => {
    const first = engineWith();
    const own = first.completeExercise('ana', 'safe-space-basics');
    const again = engineWith({ events: [own] });
    expect(again.receive([own])).toMatchObject({ added: 0, duplicates: 1, rejected: [] });
  });
});
