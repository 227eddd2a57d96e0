import type { RuleExplanation } from '@attune/core';
import { describe, expect, it } from 'vitest';
import { createCliI18n } from '../text/create-cli-i18n.js';
import { textOf } from '../text/text.js';
import { formatExplanation } from './format-explanation.js';

const explanation: RuleExplanation = {
  kind: 'all',
  holds: false,
  key: 'common:explain.all',
  params: {},
  children: [
    {
      kind: 'exercise-done',
      holds: false,
      key: 'common:explain.exercise-done.each',
      params: {
        exercise: 'daily-talk',
        exerciseKey: 'open-communication:daily-talk.title',
        times: 3,
      },
      partners: {
        Ana: { done: 3, needed: 3, holds: true },
        Kai: { done: 1, needed: 3, holds: false },
      },
    },
    { kind: 'safety-clear', holds: true, key: 'common:explain.safety-clear', params: {} },
    {
      kind: 'step-completed',
      holds: true,
      key: 'common:explain.step-completed',
      params: { step: 'safe-space', stepKey: 'safe-space:step.title' },
    },
  ],
};

describe('formatExplanation', () => {
  it('marks each condition, and says how far each partner is, "you" for the reader', async () => {
    const t = textOf(await createCliI18n('en'));
    expect(formatExplanation(explanation, { t, partner: 'Kai' })).toEqual([
      '○ All of these:',
      '  ○ Each of you finishes “Ten minutes a day” 3 times',
      '      Ana has (3 of 3)',
      '      You have not yet (1 of 3)',
      '  ✓ Finish the step “A safe space”',
    ]);
  });

  it('keeps a safety condition that does not hold, in the same neutral words for both partners', async () => {
    const t = textOf(await createCliI18n('ar'));
    const resting: RuleExplanation = {
      ...explanation,
      children: [
        { kind: 'safety-clear', holds: false, key: 'common:explain.safety-clear', params: {} },
      ],
    };
    const lines = formatExplanation(resting, { t, partner: 'Ana' });
    expect(lines).toEqual(['○ كل ما يلي:', '  ○ لا توجد تمارين في استراحة مؤقتة']);
    expect(formatExplanation(resting, { t, partner: 'Kai' })).toEqual(lines);
  });
});
