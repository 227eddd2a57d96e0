import {
  type Couple,
  createEngine,
  type Engine,
  nineStepProgram,
  pluginResources,
  restStartAfter,
  validatePlugins,
} from '@attune/core';
import { validateProgram } from '@attune/core/validation';
import { describe, expect, it } from 'vitest';
import en from '../locales/en/question-ladder.json' with { type: 'json' };
import es from '../locales/es/question-ladder.json' with { type: 'json' };
import { questionLadderExercise } from './ladder-step.js';
import { nextLadderTurn } from './next-ladder-turn.js';
import { questionLadder, questionLadderPlugin } from './question-ladder-plugin.js';

const couple: Couple = {
  id: 'sam-and-noor',
  partners: [
    { id: 'sam', timeZone: 'Europe/Madrid' },
    { id: 'noor', timeZone: 'Asia/Dubai' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};

/** The test's clock, which a test may move on; `setup` starts it at the couple's start. */
const clock = { now: couple.startedAt };

function setup(): Engine {
  clock.now = couple.startedAt;
  // Each reading of the clock is a minute later, so every answer has a time of its own.
  const tick = () => {
    clock.now += 60_000;
    return clock.now;
  };
  return createEngine({
    program: nineStepProgram,
    couple,
    device: 'sam-phone',
    now: tick,
    plugins: [questionLadderPlugin],
  });
}

/** Completes `open-communication` for both, which opens the ladder. */
function openLadder(engine: Engine): void {
  for (const partner of ['sam', 'noor']) {
    engine.completeExercise(partner, 'weekly-check-in');
    engine.recordCheckIn(partner, 'weekly-check-in', { closeness: 4 });
  }
  engine.completeExercise('sam', 'dreams-deck', { together: true });
  for (let i = 0; i < 3; i++) engine.completeExercise('noor', 'daily-talk', { together: true });
}

const ladderStep = (engine: Engine) =>
  engine.getSnapshot().steps.find((step) => step.id === 'ladder-of-questions');

/** The leaves of a tree of strings, as dotted paths. */
const leaves = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );

describe('the question-ladder plugin', () => {
  it('registers alongside the nine-step program without a problem', () => {
    expect(validatePlugins([questionLadderPlugin], nineStepProgram)).toEqual([]);
  });

  it('adds its step after the one it waits for, opening once the couple can talk openly', () => {
    const engine = setup();
    const order = engine.program.steps.map((step) => step.id);
    expect(order[order.indexOf('open-communication') + 1]).toBe('ladder-of-questions');
    expect(order.at(-1)).toBe('professional-help');
    expect(ladderStep(engine)?.status).toBe('locked');
    openLadder(engine);
    expect(ladderStep(engine)?.status).toBe('available');
  });

  it('passes validateProgram with its kinds and checks', () => {
    const engine = setup();
    expect(validateProgram(engine.program, { plugins: engine.plugins }).problems).toEqual([]);
  });

  it('lets partners take turns reading, and is done once both answered every question', () => {
    const engine = setup();
    openLadder(engine);
    const questions = questionLadderExercise.sets.flatMap((set) => set.questions);
    questions.forEach((question, i) => {
      const turn = nextLadderTurn(engine, 'question-ladder');
      expect(turn).toMatchObject({ question, index: i, waitingFor: ['sam', 'noor'] });
      const reader = i % 2 === 0 ? 'sam' : 'noor';
      expect(turn?.reader).toBe(reader);
      engine.answer(reader, 'question-ladder', question.id, 'my answer');
      expect(nextLadderTurn(engine, 'question-ladder')?.waitingFor).toEqual(
        reader === 'sam' ? ['noor'] : ['sam'],
      );
      expect(ladderStep(engine)?.status).not.toBe('completed');
      engine.answer(reader === 'sam' ? 'noor' : 'sam', 'question-ladder', question.id, 'mine');
    });
    expect(ladderStep(engine)?.status).toBe('completed');
    // A new run starts from the first question.
    expect(nextLadderTurn(engine, 'question-ladder')?.index).toBe(0);
    expect(nextLadderTurn(engine, 'dreams-deck')).toBeUndefined();
  });

  it('keeps each answer sealed until the other partner answered the same question', () => {
    const engine = setup();
    openLadder(engine);
    const sams = engine.answer('sam', 'question-ladder', 'home-meal', 'Paella on Sundays');
    const waiting = engine.viewFor('noor').entries.at(-1);
    expect(waiting).toMatchObject({ id: sams.id, sealed: true, prompt: 'home-meal' });
    expect(waiting?.data).toBeUndefined();
    engine.answer('noor', 'question-ladder', 'home-meal', 'Machboos');
    const opened = engine.viewFor('noor').entries.find((entry) => entry.id === sams.id);
    expect(opened?.data).toMatchObject({ text: 'Paella on Sundays' });
  });

  it('rests once a partner chooses a rest after a safety check that signals risk', () => {
    const engine = setup();
    openLadder(engine);
    engine.takeSafetyCheck('noor', 'safety-check', {
      'feel-safe': false,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    });
    // The check alone rests nothing; Noor chooses the rest, which takes effect at the next quarter hour.
    expect(ladderStep(engine)?.status).toBe('available');
    engine.setRest('noor', true);
    clock.now = restStartAfter(clock.now);
    engine.refresh();
    expect(ladderStep(engine)?.status).toBe('locked');
    expect(() => engine.answer('sam', 'question-ladder', 'home-meal', 'text')).toThrow();
  });

  it('ships every key in English and Spanish, with the same placeholders', async () => {
    expect(leaves(es).sort()).toEqual(leaves(en).sort());
    const source = pluginResources([questionLadderPlugin]);
    expect(source.locales).toEqual(['en', 'es']);
    expect(await source.load('es', 'question-ladder')).toBe(es);
    const placeholders = (text: string) => text.match(/\{\{\w+\}\}/g) ?? [];
    const at = (tree: object, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
    for (const path of leaves(en)) {
      expect(placeholders(at(es, path) as string)).toEqual(placeholders(at(en, path) as string));
    }
  });
});

describe('questionLadder(options)', () => {
  const ladderIn = (engine: Engine) =>
    engine.program.steps.find((step) => step.id === 'ladder-of-questions');

  it('places the ladder after the step it waits for, for as long as it says', () => {
    const ladder = questionLadder({ after: 'empathy', minutes: 30 });
    expect(validatePlugins([ladder], nineStepProgram)).toEqual([]);
    const engine = createEngine({
      program: nineStepProgram,
      couple,
      device: 'd',
      plugins: [ladder],
    });
    const order = engine.program.steps.map((step) => step.id);
    expect(order[order.indexOf('empathy') + 1]).toBe('ladder-of-questions');
    expect(ladderIn(engine)?.unlock).toEqual({
      kind: 'all',
      rules: [{ kind: 'step-completed', step: 'empathy' }, { kind: 'safety-clear' }],
    });
    expect(ladderIn(engine)?.exercises[0]).toMatchObject({
      minutes: 30,
      mode: 'together',
      visibility: 'sealed',
      needsSafety: true,
    });
  });

  it("fills in the kind's defaults for what the plugin's ladder leaves out", () => {
    const written = questionLadderPlugin.steps?.[0]?.exercises[0];
    expect(written).not.toHaveProperty('visibility');
    expect(written).not.toHaveProperty('minutes');
    expect(ladderIn(setup())?.exercises[0]).toEqual(questionLadderExercise);
  });

  it('reports an option naming a step the engine does not run, where the ladder would wait for it', () => {
    const problems = validatePlugins([questionLadder({ after: 'nowhere' })], nineStepProgram);
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['unknown-step', 'steps[0].unlock.rules[0]'],
      ['unknown-step', 'stepsAfter'],
    ]);
    expect(problems[0]?.message).toContain('"ladder-of-questions" could never open');
  });
});
