import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message.js';

/** A stand-in for i18next's `t` that shows what it was asked. */
const t = (key: string, options: Record<string, unknown> = {}) =>
  `${key}${Object.keys(options).length > 0 ? JSON.stringify(options) : ''}`;

describe('formatMessage', () => {
  it('translates title keys and passes them in place of the ids', () => {
    const text = formatMessage(t, {
      key: 'common:explain.step-completed',
      params: { step: 'safe-space', stepKey: 'safe-space:step.title' },
    });
    expect(text).toBe(
      'common:explain.step-completed{"step":"safe-space:step.title","stepKey":"safe-space:step.title"}',
    );
  });

  it('adds the times and within-days phrases of an exercise condition', () => {
    const text = formatMessage(t, {
      key: 'common:explain.exercise-done.each',
      params: { exercise: 'x', times: 3, days: 7 },
    });
    expect(text).toBe(
      'common:explain.exercise-done.each{"exercise":"x","times":3,"days":7} common:explain.exercise-done.times{"count":3} common:explain.exercise-done.within{"count":7}',
    );
  });

  it('leaves the count phrase out for a single time', () => {
    const text = formatMessage(t, {
      key: 'common:explain.exercise-done.either',
      params: { exercise: 'x', times: 1 },
    });
    expect(text).toBe('common:explain.exercise-done.either{"exercise":"x","times":1}');
  });
});
