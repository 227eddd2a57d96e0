import { describe, expect, it } from 'vitest';
import { nineStepProgram } from '../program/nine-step-program.js';
import { simulateCouple } from '../testing/simulate.js';
import { createEngine } from './create-engine.js';
import { manualClock, testCouple } from './fixtures.js';

const DAY = 86_400_000;

/** An engine some weeks into the program, with trends and weeks of shared practice behind it. */
function setup(days = 28) {
  const { events } = simulateCouple({ days, seed: 3, behaviour: 'engaged' });
  const clock = manualClock(testCouple.startedAt + (days + 1) * DAY);
  const engine = createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'ana-tablet',
    now: clock.now,
    events,
    trusted: true,
  });
  return { engine, clock };
}

const indexOf = (step: string) => nineStepProgram.steps.findIndex(({ id }) => id === step);

describe('the snapshot after a change', () => {
  it('keeps every other step, the rhythm and the trends when an event touches one exercise', () => {
    const { engine } = setup(0);
    const before = engine.getSnapshot();
    engine.startExercise('ana', 'dreams-deck', { together: true });
    const after = engine.getSnapshot();

    const changed = indexOf('open-communication');
    expect(after.steps[changed]).not.toBe(before.steps[changed]);
    expect(after.steps[changed]?.status).toBe('in-progress');
    after.steps.forEach((step, i) => {
      if (i !== changed) expect(step).toBe(before.steps[i]);
    });
    expect(after.rhythm).toBe(before.rhythm);
    expect(after.checkIns).toBe(before.checkIns);
    expect(after.diagnostics).toBe(before.diagnostics);
  });

  it("gives a check-in's trends new points, and keeps the other check-in's trends", () => {
    const { engine } = setup();
    const before = engine.getSnapshot();
    const weekly = before.checkIns.findIndex((trends) => trends.exercise === 'weekly-check-in');
    const trust = before.checkIns.findIndex((trends) => trends.exercise === 'trust-check-in');
    engine.recordCheckIn('ana', 'weekly-check-in', { closeness: 2 });
    const after = engine.getSnapshot();

    expect(after.checkIns).not.toBe(before.checkIns);
    expect(after.checkIns[trust]).toBe(before.checkIns[trust]);
    const closeness = after.checkIns[weekly]?.dimensions.find((d) => d.dimension === 'closeness');
    const previous = before.checkIns[weekly]?.dimensions.find((d) => d.dimension === 'closeness');
    expect(closeness?.points).toHaveLength((previous?.points.length ?? 0) + 1);
    expect(closeness?.points.at(-1)).toMatchObject({ partner: 'ana', score: 2 });
    expect(closeness?.latest.ana).toBe(2);
    // The snapshot handed out before is left as it was.
    expect(previous?.points).toHaveLength(closeness ? closeness.points.length - 1 : 0);
  });

  it('gives the rhythm a new object once a week has shared practice, and only then', () => {
    const { engine } = setup(0);
    const first = engine.getSnapshot();
    engine.completeExercise('ana', 'safe-space-basics');
    const oneOfThem = engine.getSnapshot();
    expect(oneOfThem.rhythm).toBe(first.rhythm);

    engine.completeExercise('kai', 'safe-space-basics');
    const both = engine.getSnapshot();
    expect(both.rhythm).not.toBe(first.rhythm);
    expect(both.rhythm.weeks).toBe(1);
  });

  it("counts the mark of the other partner's sealed check-in before the check-in itself", () => {
    const clock = manualClock(testCouple.startedAt + DAY);
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'ana-tablet',
      now: clock.now,
    });
    const before = engine.getSnapshot();
    engine.receive([
      {
        id: 'kai-phone:2',
        partner: 'kai',
        device: 'kai-phone',
        seq: 2,
        clock: { wall: clock.now() - 60_000, counter: 0 },
        type: 'answer-sealed',
        data: {
          entry: 'kai-phone:1',
          answer: 'check-in-recorded',
          exercise: 'weekly-check-in',
          prompt: 'round-1',
        },
        visibility: 'shared',
      },
    ]);
    const step = engine.getSnapshot().steps[indexOf('open-communication')];
    expect(step).not.toBe(before.steps[indexOf('open-communication')]);
    expect(step?.contributions.kai?.done).toBe(1);
  });

  it('keeps the whole snapshot when the clock moves on and nothing it shows changes', () => {
    const { engine, clock } = setup();
    const before = engine.getSnapshot();
    clock.advance(60_000);
    engine.refresh();
    expect(engine.getSnapshot()).toBe(before);
  });

  it('gives the steps that wait on the days since the start new objects once enough days passed', () => {
    const clock = manualClock();
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'ana-tablet',
      now: clock.now,
    });
    const conflict = indexOf('conflict');
    const before = engine.getSnapshot();
    clock.advance(15 * DAY);
    engine.refresh();
    const after = engine.getSnapshot();
    expect(after.steps[conflict]).not.toBe(before.steps[conflict]);
    expect(after.steps[indexOf('safe-space')]).toBe(before.steps[indexOf('safe-space')]);
  });
});
