import { describe, expect, it } from 'vitest';
import { echoPlugin } from '../plugins/fixtures.js';
import { mergeProgram } from '../plugins/merge-program.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { ProgramProblem } from './problems.js';
import { validateProgram } from './validate-program.js';

/**
 * A copy of the nine-step program with values replaced, each at a dotted path such as
 * `steps.0.exercises.0.minutes`. The values may be of any type: these tests break the program.
 */
function draft(changes: Record<string, unknown>): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(nineStepProgram));
  for (const [path, value] of Object.entries(changes)) {
    const parts = path.split('.');
    const last = parts.pop() as string;
    let target = copy as Record<string, unknown>;
    for (const part of parts) target = target[part] as Record<string, unknown>;
    target[last] = value;
  }
  return copy;
}

const firstDeck = nineStepProgram.steps[1]?.exercises.findIndex((e) => e.kind === 'conversation');

function problemsOf(document: unknown, options?: Parameters<typeof validateProgram>[1]) {
  const result = validateProgram(document, options);
  expect(result.ok).toBe(false);
  return result.problems as readonly ProgramProblem[];
}

describe('validateProgram', () => {
  it('finds no problem in the nine-step program', () => {
    const result = validateProgram(nineStepProgram);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reports every schema problem at once, each with a path, a message and a fix', () => {
    const problems = problemsOf(
      draft({
        'steps.0.exercises.0.minutes': 'ten',
        'steps.1.id': 'Open Communication',
        'steps.2.exercises.1.colour': 'blue',
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'steps[0].exercises[0].minutes',
      'steps[1].id',
      'steps[2].exercises[1]',
    ]);
    expect(problems[0]).toMatchObject({
      code: 'invalid-value',
      message: '"steps[0].exercises[0].minutes" should be a number but is a string ("ten").',
      fix: expect.stringContaining('number'),
    });
    expect(problems[1]?.fix).toMatch(/kebab-case/);
    expect(problems[2]).toMatchObject({
      code: 'unknown-field',
      message: expect.stringContaining('"colour"'),
    });
  });

  it('names the known kinds when an exercise or rule kind is unknown', () => {
    const problems = problemsOf(
      draft({ 'steps.0.exercises.0.kind': 'meditation', 'steps.3.unlock': { kind: 'moon-phase' } }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      code: 'unknown-kind',
      path: 'steps[0].exercises[0].kind',
      message: expect.stringContaining('"meditation"'),
      fix: expect.stringContaining('"reflection"'),
    });
    expect(problems[1]).toMatchObject({ code: 'unknown-kind', path: 'steps[3].unlock.kind' });
  });

  it('accepts the kinds a plugin registers', () => {
    const document = draft({ 'steps.3.unlock': { kind: 'moon-phase', phase: 'full' } });
    expect(validateProgram(document, { ruleKinds: ['moon-phase'] }).ok).toBe(true);
    const withKind = draft({
      'steps.0.exercises.0': {
        ...nineStepProgram.steps[0]?.exercises[0],
        kind: 'question-ladder',
        rungs: 3,
      },
    });
    expect(validateProgram(withKind, { exerciseKinds: ['question-ladder'] }).ok).toBe(true);
  });

  it("accepts a plugin's kinds and runs its checks on them", () => {
    const engine = { program: mergeProgram(nineStepProgram, [echoPlugin]) };
    expect(validateProgram(engine.program, { plugins: [echoPlugin] }).problems).toEqual([]);
    expect(validateProgram(engine.program).ok).toBe(false);
    const broken = JSON.parse(JSON.stringify(engine.program));
    broken.steps[9].exercises[0].prompts = [];
    broken.steps[9].completion.rules[1] = { kind: 'not', rule: { kind: 'bell-rung' } };
    expect(problemsOf(broken, { plugins: [echoPlugin] })).toEqual([
      {
        code: 'invalid-value',
        path: 'steps[9].exercises[0].prompts',
        message: 'An echo needs prompts.',
        fix: 'Add a prompt.',
      },
      expect.objectContaining({ path: 'steps[9].completion.rules[1].rule.times' }),
    ]);
    const throwing = {
      ...echoPlugin,
      exerciseKinds: [
        {
          kind: 'echo',
          check: () => {
            throw new Error('boom');
          },
        },
      ],
    };
    expect(problemsOf(engine.program, { plugins: [throwing] })[0]?.message).toContain('boom');
  });

  it('reports duplicated step, exercise and item ids with both places', () => {
    const problems = problemsOf(
      draft({
        'steps.1.id': 'safe-space',
        'steps.2.exercises.0.id': nineStepProgram.steps[0]?.exercises[1]?.id,
        [`steps.1.exercises.${firstDeck}.prompts.1.id`]: 'same',
        [`steps.1.exercises.${firstDeck}.prompts.0.id`]: 'same',
      }),
    );
    const duplicates = problems.filter((problem) => problem.code === 'duplicate-id');
    expect(duplicates.map((problem) => problem.path)).toEqual([
      'steps[1].id',
      'steps[2].exercises[0].id',
      `steps[1].exercises[${firstDeck}].prompts[1].id`,
    ]);
    expect(duplicates[0]?.message).toContain('at "steps[0].id" and at "steps[1].id"');
  });

  it('reports rules that name unknown steps, exercises and dimensions', () => {
    const problems = problemsOf(
      draft({
        'steps.2.unlock': {
          kind: 'all',
          rules: [
            { kind: 'step-completed', step: 'step-ten' },
            { kind: 'exercise-done', exercise: 'juggling', by: 'each' },
            {
              kind: 'check-in-score',
              exercise: 'weekly-check-in',
              dimension: 'weather',
              by: 'each',
            },
            { kind: 'check-in-divergence', exercise: 'dreams-deck', dimension: 'fun', atLeast: 2 },
          ],
        },
      }),
    );
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['unknown-step', 'steps[2].unlock.rules[0]'],
      ['unknown-exercise', 'steps[2].unlock.rules[1]'],
      ['unknown-dimension', 'steps[2].unlock.rules[2]'],
      ['wrong-exercise-kind', 'steps[2].unlock.rules[3]'],
    ]);
    expect(problems[2]?.fix).toContain('feeling-heard');
  });

  it('reports conditions that can never hold', () => {
    const problems = problemsOf(
      draft({
        'steps.3.completion': {
          kind: 'all',
          rules: [
            { kind: 'exercise-done', exercise: 'safe-space-basics', by: 'both-together' },
            {
              kind: 'check-in-score',
              exercise: 'weekly-check-in',
              dimension: 'fun',
              by: 'each',
              atLeast: 6,
            },
            {
              kind: 'check-in-score',
              exercise: 'weekly-check-in',
              dimension: 'fun',
              by: 'each',
              atLeast: 4,
              atMost: 2,
            },
            {
              kind: 'check-in-divergence',
              exercise: 'weekly-check-in',
              dimension: 'fun',
              atLeast: 5,
            },
            { kind: 'not', rule: { kind: 'always' } },
          ],
        },
        'steps.4.completion': {
          kind: 'all',
          rules: [
            { kind: 'rhythm', weeks: 2 },
            { kind: 'not', rule: { kind: 'rhythm', weeks: 2 } },
          ],
        },
      }),
    );
    const impossible = problems.filter((problem) => problem.code === 'impossible-rule');
    expect(impossible.map((problem) => problem.path)).toEqual([
      'steps[3].completion.rules[0]',
      'steps[3].completion.rules[1]',
      'steps[3].completion.rules[2]',
      'steps[3].completion.rules[3]',
      'steps[3].completion.rules[4]',
      'steps[4].completion',
    ]);
    expect(impossible[0]?.message).toMatch(/solo exercise/);
    expect(impossible[3]?.message).toMatch(/at most 4/);
  });

  it('refuses rules that would reveal whether a partner took the private safety check', () => {
    const problems = problemsOf(
      draft({
        'steps.0.completion': { kind: 'exercise-done', exercise: 'safety-check', by: 'each' },
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'reveals-safety-check', path: 'steps[0].completion' }),
    ]);
  });

  it('reports steps whose unlock rules wait on each other', () => {
    const problems = problemsOf(
      draft({
        'steps.0.unlock': { kind: 'step-completed', step: 'empathy' },
        'steps.1.unlock': {
          kind: 'exercise-done',
          exercise: nineStepProgram.steps[1]?.exercises[0]?.id,
          by: 'either',
        },
      }),
    );
    const cycles = problems.filter((problem) => problem.code === 'unlock-cycle');
    expect(cycles.map((problem) => problem.path)).toEqual(['steps[0].unlock', 'steps[1].unlock']);
    expect(cycles[0]?.message).toBe(
      'Step "safe-space" can never open: "safe-space" waits for "empathy" waits for "safe-space".',
    );
    expect(cycles[1]?.message).toMatch(/waits for the step itself/);
  });

  it('does not call a dependency a cycle when another branch of an "any" avoids it', () => {
    const document = draft({
      'steps.0.unlock': {
        kind: 'any',
        rules: [{ kind: 'step-completed', step: 'empathy' }, { kind: 'always' }],
      },
    });
    expect(validateProgram(document).problems).toEqual([]);
  });

  it('keeps step 9 unlocked', () => {
    const locked = problemsOf(
      draft({ 'steps.8.unlock': { kind: 'step-completed', step: 'safe-space' } }),
    );
    expect(locked).toEqual([
      expect.objectContaining({ code: 'locked-help', path: 'steps[8].unlock' }),
    ]);
    const dropped = problemsOf(draft({ alwaysOpen: ['nowhere'] }));
    expect(dropped.map((problem) => problem.code)).toEqual(['unknown-step', 'locked-help']);
  });

  it('reports content keys without text in the source locale, with the file to add them to', () => {
    const resources = { common: { program: { title: 'Nine steps' } } };
    const problems = problemsOf(nineStepProgram, { content: { locale: 'en', resources } });
    expect(problems.every((problem) => problem.code === 'missing-content')).toBe(true);
    expect(problems[0]).toEqual({
      code: 'missing-content',
      path: 'steps[0].titleKey',
      message: '"safe-space:step.title" has no text in locale "en".',
      fix: 'Add the namespace file locales/en/safe-space.json with "step.title" in it.',
    });
    const partial = problemsOf(nineStepProgram, {
      content: {
        locale: 'en',
        resources: { ...resources, 'safe-space': { step: { title_one: 'A', title_other: 'B' } } },
      },
    });
    expect(partial.map((problem) => problem.path)).not.toContain('steps[0].titleKey');
    expect(partial[0]?.fix).toBe('Add "step.summary" to locales/en/safe-space.json.');
  });

  it('reports a format newer than the code without trying to read it', () => {
    const problems = problemsOf({ ...nineStepProgram, schemaVersion: 7 });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unsupported-version', path: 'schemaVersion' }),
    ]);
    expect(problems[0]?.fix).toMatch(/Update @attune\/core/);
  });

  it('stops at nesting deeper than any program needs', () => {
    let rule: unknown = { kind: 'always' };
    for (let depth = 0; depth < 5000; depth++) rule = { kind: 'not', rule };
    const problems = problemsOf(draft({ 'steps.2.unlock': rule }));
    expect(problems).toEqual([expect.objectContaining({ code: 'too-deep' })]);
    expect(problems[0]?.path.startsWith('steps[2].unlock.rule.rule')).toBe(true);
  });

  it('answers non-objects with a problem instead of throwing', () => {
    for (const value of [null, undefined, 42, 'program', [], Number.NaN]) {
      expect(validateProgram(value).ok).toBe(false);
    }
  });
});
