import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GuidedPracticeExercise, PracticePhase } from '../program/types.js';
import { practiceSchedule, practiceStateAt } from './schedule.js';

const practice = (phases: readonly PracticePhase[], rounds: number): GuidedPracticeExercise => ({
  id: 'just-validate',
  kind: 'guided-practice',
  titleKey: 'title',
  whyKey: 'why',
  howKey: 'how',
  ifHardKey: 'if-hard',
  mode: 'together',
  minutes: 10,
  visibility: 'shared',
  needsSafety: true,
  roles: [
    { id: 'speaker', labelKey: 'roles.speaker' },
    { id: 'listener', labelKey: 'roles.listener' },
  ],
  phases,
  rounds,
});
const phase = (id: string, seconds: number): PracticePhase => ({ id, key: id, seconds });

// Two rounds of share (120 s), validate (60 s) and thank (30 s): 420 s in all.
const justValidate = practice([phase('share', 120), phase('validate', 60), phase('thank', 30)], 2);
const schedule = practiceSchedule(justValidate, ['ana', 'kai']);
const roleIds = (roles: object) =>
  Object.fromEntries(Object.entries(roles).map(([partner, role]) => [partner, role.id]));

describe('practiceSchedule', () => {
  it('lays the phases of every round end to end', () => {
    expect(
      schedule.phases.map(({ phase, round, startMs, endMs }) => [phase.id, round, startMs, endMs]),
    ).toEqual([
      ['share', 0, 0, 120_000],
      ['validate', 0, 120_000, 180_000],
      ['thank', 0, 180_000, 210_000],
      ['share', 1, 210_000, 330_000],
      ['validate', 1, 330_000, 390_000],
      ['thank', 1, 390_000, 420_000],
    ]);
    expect(schedule.durationMs).toBe(420_000);
  });

  it('starts the first partner in the first role and swaps the roles every round', () => {
    expect(schedule.phases.map((each) => roleIds(each.roles))).toEqual([
      ...Array(3).fill({ ana: 'speaker', kai: 'listener' }),
      ...Array(3).fill({ ana: 'listener', kai: 'speaker' }),
    ]);
    const threeRounds = practiceSchedule({ ...justValidate, rounds: 3 }, ['kai', 'ana']);
    expect(
      threeRounds.phases.filter((_, i) => i % 3 === 0).map((each) => roleIds(each.roles)),
    ).toEqual([
      { kai: 'speaker', ana: 'listener' },
      { kai: 'listener', ana: 'speaker' },
      { kai: 'speaker', ana: 'listener' },
    ]);
  });

  it('has no phases when the practice has no rounds', () => {
    const none = practiceSchedule({ ...justValidate, rounds: 0 }, ['ana', 'kai']);
    expect(none).toEqual({ phases: [], durationMs: 0 });
    expect(practiceStateAt(none, 0)).toBeUndefined();
  });
});

describe('practiceStateAt', () => {
  const at = (ms: number) => {
    const state = practiceStateAt(schedule, ms);
    return state && [state.current.phase.id, state.current.round, state.remainingMs, state.done];
  };

  it('starts a phase at its start and ends it just before the next one starts', () => {
    expect(at(0)).toEqual(['share', 0, 120_000, false]);
    expect(at(119_999)).toEqual(['share', 0, 1, false]);
    expect(at(120_000)).toEqual(['validate', 0, 60_000, false]);
    expect(at(209_999)).toEqual(['thank', 0, 1, false]);
    expect(at(210_000)).toEqual(['share', 1, 120_000, false]);
  });

  it('counts whole seconds up, so a countdown shows 0 only once the practice is done', () => {
    expect(practiceStateAt(schedule, 0)?.secondsLeft).toBe(120);
    expect(practiceStateAt(schedule, 1)?.secondsLeft).toBe(120);
    expect(practiceStateAt(schedule, 1_000)?.secondsLeft).toBe(119);
    expect(practiceStateAt(schedule, 119_999)?.secondsLeft).toBe(1);
    expect(practiceStateAt(schedule, 419_999)?.secondsLeft).toBe(1);
    expect(practiceStateAt(schedule, 420_000)?.secondsLeft).toBe(0);
  });

  it('hands the partners the other roles in the next round', () => {
    expect(roleIds(practiceStateAt(schedule, 209_999)?.current.roles ?? {})).toEqual({
      ana: 'speaker',
      kai: 'listener',
    });
    expect(roleIds(practiceStateAt(schedule, 210_000)?.current.roles ?? {})).toEqual({
      ana: 'listener',
      kai: 'speaker',
    });
  });

  it('is done at the end of the last phase of the last round, and stays at that phase after', () => {
    expect(at(420_000)).toEqual(['thank', 1, 0, true]);
    expect(at(10 * 420_000)).toEqual(['thank', 1, 0, true]);
    expect(practiceStateAt(schedule, 420_000)?.index).toBe(5);
  });

  it('waits at the first phase, in full, before the practice starts', () => {
    expect(at(-5_000)).toEqual(['share', 0, 120_000, false]);
    expect(practiceStateAt(schedule, -5_000)?.secondsLeft).toBe(120);
  });

  it('passes over a phase of 0 seconds', () => {
    const skip = practiceSchedule(practice([phase('settle', 0), phase('share', 60)], 1), [
      'ana',
      'kai',
    ]);
    expect(practiceStateAt(skip, 0)?.current.phase.id).toBe('share');
  });

  it('always finds the phase that holds the moment, with a different role for each partner', () => {
    const phases = fc.array(
      fc.record({ id: fc.string(), key: fc.string(), seconds: fc.integer({ min: 0, max: 600 }) }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        phases,
        fc.integer({ min: 1, max: 20 }),
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 2 }),
        fc.double({ min: -1, max: 1.5, noNaN: true }),
        (phases, rounds, [a = 'a', b = 'b'], share) => {
          const exercise = practice(phases, rounds);
          const built = practiceSchedule(exercise, [a, b]);
          const elapsed = Math.round(share * built.durationMs);
          const state = practiceStateAt(built, elapsed);
          if (!state) throw new Error('a practice with phases and rounds has a state');
          const { current } = state;
          expect(built.phases[state.index]).toBe(current);
          expect(state.done).toBe(elapsed >= built.durationMs);
          if (elapsed < 0) expect(state.index).toBe(built.phases.findIndex((p) => p.endMs > 0));
          if (elapsed >= 0 && !state.done) {
            expect(current.startMs).toBeLessThanOrEqual(elapsed);
            expect(elapsed).toBeLessThan(current.endMs);
            expect(state.remainingMs).toBe(current.endMs - elapsed);
          }
          if (state.done) expect(state.index).toBe(built.phases.length - 1);
          expect(current.roles[a]).not.toBe(current.roles[b]);
          expect(current.roles[a]).toBe(exercise.roles[current.round % 2]);
        },
      ),
      { numRuns: 300, seed: 20_260_105 },
    );
  });
});
