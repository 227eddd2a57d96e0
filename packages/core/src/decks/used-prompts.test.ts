import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { testCouple } from '../testing/test-couple.js';
import type { PartnerView, ViewEntry } from '../visibility/types.js';
import { getDeck } from './all-decks.js';
import { usedDeckPrompts } from './used-prompts.js';

const daily = getDeck('daily');

describe('usedDeckPrompts', () => {
  it("counts the partner's own answers to the deck's prompts, once per answer, in the deck's order", () => {
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'phone',
      now: () => testCouple.startedAt + 60_000,
    });
    engine.answer('ana', 'what-feels-safe', 'daily-saw-today', 'A heron', 'shared');
    engine.answer('ana', 'what-feels-safe', 'daily-breakfast', 'Toast', 'shared');
    engine.answer('ana', 'what-feels-safe', 'safe', 'Not a deck prompt');
    engine.answer('ana', 'what-feels-safe', 'daily-breakfast', 'Porridge, this time', 'private');
    engine.answer('kai', 'what-feels-safe', 'daily-odd-smell', 'Rain', 'sealed');
    engine.answer('kai', 'what-feels-safe', 'daily-breakfast', 'Rice', 'shared');

    expect(usedDeckPrompts(daily, engine.viewFor('ana'))).toEqual([
      'daily-breakfast',
      'daily-breakfast',
      'daily-saw-today',
    ]);
    // Kai's own answers only: what Ana wrote does not move Kai on, so both walk one order.
    expect(usedDeckPrompts(daily, engine.viewFor('kai'))).toEqual([
      'daily-breakfast',
      'daily-odd-smell',
    ]);
  });

  it("joins the app's own list, counting a prompt in both as often as the larger says", () => {
    const view: PartnerView = {
      partner: 'ana',
      entries: [],
      suggestion: { exercise: null, step: null, reasonKey: 'common:next', params: {} },
      due: [],
      ownSafetyConcern: false,
      ownRest: undefined,
      restRecommended: false,
      toReveal: [],
    };
    const answered = (prompt: string): ViewEntry => ({
      id: `ana:${prompt}`,
      type: 'answer-recorded',
      partner: 'ana',
      at: 1,
      visibility: 'shared',
      data: { exercise: 'x', prompt, text: '' },
    });
    const withAnswers = {
      ...view,
      entries: [answered('daily-one-snack'), answered('daily-breakfast')],
    };
    expect(
      usedDeckPrompts(daily, withAnswers, [
        'daily-one-snack',
        'daily-one-snack',
        'daily-nickname',
        'nope',
      ]),
    ).toEqual(['daily-breakfast', 'daily-nickname', 'daily-one-snack', 'daily-one-snack']);
  });

  it('reads quiz questions and appreciation starters, and skips sealed entries of the other partner', () => {
    const quiz = getDeck('quiz');
    const starters = getDeck('starters');
    const [question, starter] = [quiz.prompts[0]?.id ?? '', starters.prompts[0]?.id ?? ''];
    const view: PartnerView = {
      partner: 'kai',
      entries: [
        {
          id: 'kai:1',
          type: 'quiz-answered',
          partner: 'kai',
          at: 1,
          visibility: 'sealed',
          data: { exercise: 'x', question, self: 'a', guess: 'b' },
        },
        {
          id: 'kai:2',
          type: 'appreciation-sent',
          partner: 'kai',
          at: 2,
          visibility: 'shared',
          data: { exercise: 'x', starter, text: 'Thank you' },
        },
        {
          id: 'ana:1',
          type: 'quiz-answered',
          partner: 'ana',
          at: 3,
          visibility: 'sealed',
          sealed: true,
          exercise: 'x',
          prompt: quiz.prompts[1]?.id ?? '',
        },
      ],
      suggestion: { exercise: null, step: null, reasonKey: 'common:next', params: {} },
      due: [],
      ownSafetyConcern: false,
      ownRest: undefined,
      restRecommended: false,
      toReveal: [],
    };
    expect(usedDeckPrompts(quiz, view)).toEqual([question]);
    expect(usedDeckPrompts(starters, view)).toEqual([starter]);
  });

  it('skips entries whose data is not what their type says, rather than trusting it', () => {
    const [first] = daily.prompts;
    const view: Parameters<typeof usedDeckPrompts>[1] = {
      partner: 'ana',
      entries: [
        { type: 'answer-recorded', partner: 'ana', data: null },
        { type: 'answer-recorded', partner: 'ana', data: { prompt: 42 } },
        { type: 'answer-recorded', partner: 'ana' },
        { type: '__proto__', partner: 'ana', data: { prompt: first?.id } },
        { type: 'toString', partner: 'ana', data: { toString: first?.id } },
        { type: 'safety-rest', data: { prompt: first?.id } },
        { type: 'answer-recorded', partner: 'ana', data: { prompt: first?.id } },
      ],
    };
    expect(usedDeckPrompts(daily, view)).toEqual([first?.id]);
  });
});
