import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Exercise } from '../program/types.js';
import { testCouple } from '../testing/test-couple.js';
import { exerciseProgress } from './exercise-progress.js';
import { createFacts } from './facts.js';

const PARTNERS = ['ana', 'kai'];
const base = {
  titleKey: 'x',
  whyKey: 'x',
  howKey: 'x',
  ifHardKey: 'x',
  minutes: 5,
  visibility: 'shared',
  needsSafety: false,
} as const;
const each = { ...base, id: 'each', kind: 'learn', sections: [], mode: 'each' } as Exercise;
const solo = { ...base, id: 'solo', kind: 'learn', sections: [], mode: 'solo' } as Exercise;
const together = {
  ...base,
  id: 'together',
  kind: 'learn',
  sections: [],
  mode: 'together',
} as Exercise;

function factsWith(fill: (facts: ReturnType<typeof createFacts>) => void) {
  const facts = createFacts();
  fill(facts);
  return facts;
}

describe('exerciseProgress', () => {
  it('is not started before anything is recorded', () => {
    expect(exerciseProgress(each, createFacts(), PARTNERS)).toEqual({
      id: 'each',
      status: 'not-started',
      partners: { ana: 'not-started', kai: 'not-started' },
      together: 0,
    });
  });

  it('is in progress once a partner started it, for them and for the couple', () => {
    const facts = factsWith((f) => f.started.set('each', new Set(['ana'])));
    const progress = exerciseProgress(each, facts, PARTNERS);
    expect(progress.status).toBe('in-progress');
    expect({ ...progress.partners }).toEqual({ ana: 'in-progress', kai: 'not-started' });
  });

  it('is done for an `each` exercise only once both did it', () => {
    const one = factsWith((f) => f.completions.set('each', new Map([['ana', [1]]])));
    expect(exerciseProgress(each, one, PARTNERS).status).toBe('in-progress');
    expect({ ...exerciseProgress(each, one, PARTNERS).partners }).toEqual({
      ana: 'done',
      kai: 'not-started',
    });
    const both = factsWith((f) =>
      f.completions.set(
        'each',
        new Map([
          ['ana', [1]],
          ['kai', [2]],
        ]),
      ),
    );
    expect(exerciseProgress(each, both, PARTNERS).status).toBe('done');
  });

  it('is done for a `solo` exercise once either did it', () => {
    const one = factsWith((f) => f.completions.set('solo', new Map([['kai', [1]]])));
    expect(exerciseProgress(solo, one, PARTNERS).status).toBe('done');
  });

  it('counts a time done together as done for both partners', () => {
    const facts = factsWith((f) => f.together.set('together', [1, 2]));
    expect(exerciseProgress(together, facts, PARTNERS)).toEqual({
      id: 'together',
      status: 'done',
      partners: { ana: 'done', kai: 'done' },
      together: 2,
    });
  });

  it('keeps a partner id such as `__proto__` as a key like any other', () => {
    const facts = factsWith((f) => f.started.set('each', new Set(['__proto__'])));
    const progress = exerciseProgress(each, facts, ['__proto__', 'kai']);
    expect(Object.entries(progress.partners)).toEqual([
      ['__proto__', 'in-progress'],
      ['kai', 'not-started'],
    ]);
  });
});

describe('the snapshot', () => {
  it("shows each exercise of a step with where it stands, and keeps the other steps' identity", () => {
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'phone',
      now: () => testCouple.startedAt + 60_000,
    });
    const first = nineStepProgram.steps[0];
    const exercise = first?.exercises[0];
    if (!first || !exercise) throw new Error('the program has no first exercise');
    const before = engine.getSnapshot();
    engine.startExercise('ana', exercise.id);
    const after = engine.getSnapshot();
    const step = after.steps.find((candidate) => candidate.id === first.id);
    expect(step?.exercises.map((each) => each.id)).toEqual(first.exercises.map((each) => each.id));
    expect(step?.exercises[0]).toMatchObject({
      status: 'in-progress',
      partners: { ana: 'in-progress', kai: 'not-started' },
    });
    expect(after.steps[1]).toBe(before.steps[1]);
  });
});
