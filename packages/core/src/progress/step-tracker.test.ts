import { describe, expect, it } from 'vitest';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Exercise, Program, Step } from '../program/types.js';
import type { Rule } from '../rules/types.js';
import { testCouple } from '../testing/test-couple.js';
import { createFacts, type Facts, foldEvent } from './facts.js';
import { createStepTracker, type StepUpdate } from './step-tracker.js';
import type { StepProgress } from './types.js';

const learn = nineStepProgram.steps[0]?.exercises.find((exercise) => exercise.kind === 'learn');
const step = (id: string, exercise: string, unlock: Rule, completion: Rule): Step => ({
  ...(nineStepProgram.steps[0] as Step),
  id,
  exercises: [{ ...(learn as Exercise), id: exercise }],
  unlock,
  completion,
});
const done = (exercise: string): Rule => ({ kind: 'exercise-done', exercise, by: 'either' });
const program = (steps: Step[]): Program => ({ ...nineStepProgram, steps, alwaysOpen: [] });

const always: Rule = { kind: 'always' };
const first = step('first', 'a', always, done('a'));
const second = step('second', 'b', { kind: 'step-completed', step: 'first' }, done('b'));
const later = step('later', 'c', { kind: 'days-since-start', atLeast: 3 }, done('c'));

let seq = 0;
function complete(facts: Facts, exercise: string): void {
  seq++;
  foldEvent(
    facts,
    {
      id: `ana-phone:${seq}`,
      partner: 'ana',
      device: 'ana-phone',
      seq,
      clock: { wall: testCouple.startedAt + seq * 60_000, counter: 0 },
      type: 'exercise-completed',
      data: { exercise, together: false },
      visibility: 'shared',
    },
    { timeZones: new Map([['ana', 'UTC']]), exercises: new Set(['a', 'b', 'c']) },
  );
}

function update(
  tracker: ReturnType<typeof createStepTracker>,
  facts: Facts,
  input: Partial<StepUpdate>,
): readonly StepProgress[] {
  return tracker.update({
    facts,
    now: testCouple.startedAt,
    daysSinceStart: 0,
    resting: false,
    rhythmWeeks: 0,
    latestScores: () => new Map(),
    ...input,
  }).steps;
}

describe('createStepTracker', () => {
  it('computes again the steps that read a changed exercise, and those waiting on them', () => {
    const facts = createFacts();
    const tracker = createStepTracker(program([first, second, later]), testCouple);
    const before = update(tracker, facts, {});
    expect(update(tracker, facts, { touched: new Set(), previous: before })).toBe(before);

    complete(facts, 'a');
    const after = update(tracker, facts, { touched: new Set(['a']), previous: before });
    expect(after[0]?.status).toBe('completed');
    // The second step waits on the first, which is completed now.
    expect(after[1]?.status).toBe('available');
    expect(after[2]).toBe(before[2]);
  });

  it('computes again a step that waits on the days since the start once a day passed', () => {
    const facts = createFacts();
    const tracker = createStepTracker(program([first, later]), testCouple);
    const before = update(tracker, facts, { daysSinceStart: 2 });
    const same = update(tracker, facts, {
      daysSinceStart: 2,
      touched: new Set(),
      previous: before,
    });
    expect(same).toBe(before);
    const after = update(tracker, facts, {
      daysSinceStart: 3,
      touched: new Set(),
      previous: before,
    });
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.status).toBe('available');
  });

  it('computes every step every time once steps wait on each other', () => {
    const facts = createFacts();
    const loop = [
      step('first', 'a', { kind: 'step-completed', step: 'second' }, done('a')),
      step('second', 'b', { kind: 'step-completed', step: 'first' }, done('b')),
    ];
    const tracker = createStepTracker(program(loop), testCouple);
    const fresh = () => update(createStepTracker(program(loop), testCouple), facts, {});
    const before = update(tracker, facts, {});
    complete(facts, 'b');
    const after = update(tracker, facts, { touched: new Set(), previous: before });
    expect(after).toEqual(fresh());
    expect(after[1]?.status).toBe('completed');
  });
});
