import { describe, expect, it } from 'vitest';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { createEngine } from './create-engine.js';
import { manualClock, testCouple } from './fixtures.js';
import type { Engine } from './types.js';

function setup(): Engine {
  const engine = createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'phone-1',
    now: manualClock().now,
  });
  // Open the second step, where the quiz and the check-in are.
  for (const partner of ['ana', 'kai']) {
    engine.completeExercise(partner, 'safe-space-basics');
    engine.completeExercise(partner, 'what-feels-safe');
  }
  engine.completeExercise('ana', 'ground-rules', { together: true });
  return engine;
}

/** The code and field of what `attempt` throws; it must be an `AttuneEventError`. */
function refusal(attempt: () => unknown): [string, string] {
  try {
    attempt();
  } catch (error) {
    if (!AttuneEventError.isInstance(error)) throw error;
    return [error.code, error.field];
  }
  throw new Error('expected a refusal');
}

// What a JavaScript caller, or a form handler that lost track, can pass where the types say otherwise.
const loose = <T>(value: unknown): T => value as T;

describe('the typed recorders', () => {
  it('refuse what is not an object, or holds keys they do not know, with a typed error', () => {
    const engine = setup();
    const before = engine.getEvents().length;
    const cases: [() => unknown, string, string?][] = [
      [() => engine.startExercise('ana', 'dreams-deck', loose(null)), 'options'],
      [() => engine.startExercise('ana', 'dreams-deck', loose('together')), 'options'],
      [
        () => engine.startExercise('ana', 'dreams-deck', loose({ togther: true })),
        'options.togther',
      ],
      [() => engine.completeExercise('ana', 'dreams-deck', loose(null)), 'options'],
      [
        () => engine.completeExercise('ana', 'dreams-deck', loose({ together: 'yes' })),
        'data.together',
      ],
      [() => engine.startExercise('ana', loose(null)), 'data.exercise'],
      [() => engine.answer('ana', 'unsaid-things', 'bottled', loose(undefined)), 'data.text'],
      [() => engine.answer('ana', 'unsaid-things', loose(null), 'text'), 'data.prompt'],
      [() => engine.answer('ana', 'unsaid-things', 'bottled', 'a\u0000b'), 'data.text'],
      [() => engine.answer('ana', 'unsaid-things', 'bottled', 'x', loose('public')), 'visibility'],
      [() => engine.shareEntry('ana', loose(null)), 'data.entry'],
      [() => engine.shareEntry('ana', loose(42)), 'data.entry'],
      [() => engine.recordCheckIn('ana', 'weekly-check-in', loose(null)), 'data.scores'],
      [() => engine.recordCheckIn('ana', 'weekly-check-in', loose(undefined)), 'data.scores'],
      [() => engine.recordCheckIn('ana', 'weekly-check-in', loose([4])), 'data.scores'],
      [() => engine.recordCheckIn('ana', 'weekly-check-in', {}), 'data.scores'],
      [
        () => engine.recordCheckIn('ana', 'weekly-check-in', loose({ closeness: '4' })),
        'data.scores.closeness',
      ],
      [
        () => engine.recordCheckIn('ana', 'weekly-check-in', { toString: 4 }),
        'data.scores.toString',
      ],
      [
        () => engine.answerQuiz('ana', 'inner-world-quiz', 'weather', 'alone', 'alone'),
        'data.question',
      ],
      [
        () => engine.answerQuiz('ana', 'inner-world-quiz', loose(null), 'alone', 'alone'),
        'data.question',
      ],
      [
        () => engine.answerQuiz('ana', 'inner-world-quiz', 'recharge', 'sleep', 'alone'),
        'data.self',
      ],
      [
        () => engine.answerQuiz('ana', 'inner-world-quiz', 'recharge', 'alone', loose(undefined)),
        'data.guess',
      ],
      [() => engine.proposeAgreement('ana', 'ground-rules', loose(null)), 'data.fields'],
      [() => engine.proposeAgreement('ana', 'ground-rules', {}), 'data.fields'],
      [
        () => engine.proposeAgreement('ana', 'ground-rules', { weather: 'sunny' }),
        'data.fields.weather',
      ],
      [
        () => engine.proposeAgreement('ana', 'ground-rules', { promises: 'one' }),
        'data.fields.promises',
      ],
      [
        () => engine.proposeAgreement('ana', 'ground-rules', { 'pause-word': ['a'] }),
        'data.fields.pause-word',
      ],
      [() => engine.confirmAgreement('ana', 'ground-rules', loose(null)), 'data.proposal'],
      [() => engine.pause(loose(undefined)), 'partner'],
    ];
    for (const [attempt, field] of cases) {
      const [code, named] = refusal(attempt);
      expect([named, code]).toEqual([
        field,
        expect.stringMatching(/^(malformed|unknown-partner)$/),
      ]);
    }
    expect(engine.getEvents()).toHaveLength(before);
  });

  it('refuse a confirmation of another exercise’s proposal', () => {
    const engine = setup();
    const proposal = engine.proposeAgreement('ana', 'ground-rules', { promises: ['listen'] });
    expect(refusal(() => engine.confirmAgreement('kai', 'counselor-plan', proposal.id))).toEqual([
      'not-allowed',
      'data.proposal',
    ]);
    engine.confirmAgreement('kai', 'ground-rules', proposal.id);
  });

  it('record what is well formed, with only the fields they know', () => {
    const engine = setup();
    expect(engine.startExercise('ana', 'dreams-deck', { together: true }).data).toEqual({
      exercise: 'dreams-deck',
      together: true,
    });
    expect(engine.recordCheckIn('ana', 'weekly-check-in', { closeness: 4 }).data).toEqual({
      exercise: 'weekly-check-in',
      scores: { closeness: 4 },
    });
    expect(
      engine.answerQuiz('kai', 'inner-world-quiz', 'recharge', 'outdoors', 'alone').data,
    ).toMatchObject({ question: 'recharge', self: 'outdoors', guess: 'alone' });
    const fields = { promises: ['listen', 'pause'], 'pause-word': 'tea', review: '2026-03-01' };
    expect(engine.proposeAgreement('ana', 'ground-rules', fields).data).toEqual({
      exercise: 'ground-rules',
      fields,
    });
  });
});

describe('sendAppreciation', () => {
  it('refuses a starter the exercise does not offer, and text that is not text', () => {
    const engine = createEngine({
      program: { ...nineStepProgram, alwaysOpen: nineStepProgram.steps.map((step) => step.id) },
      couple: testCouple,
      device: 'phone-1',
      now: manualClock().now,
    });
    expect(
      refusal(() => engine.sendAppreciation('ana', 'thank-you-notes', 'thanks', 'weather')),
    ).toEqual(['malformed', 'data.starter']);
    expect(refusal(() => engine.sendAppreciation('ana', 'thank-you-notes', loose(null)))).toEqual([
      'malformed',
      'data.text',
    ]);
    const starter = nineStepProgram.steps
      .flatMap((step) => step.exercises)
      .find((exercise) => exercise.id === 'thank-you-notes');
    const key = starter?.kind === 'appreciation' ? starter.starters[0] : undefined;
    expect(engine.sendAppreciation('ana', 'thank-you-notes', 'thanks', key).data).toMatchObject({
      starter: key,
    });
  });
});
