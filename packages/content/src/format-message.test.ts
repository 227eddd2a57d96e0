import { formatMessage } from '@attune/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadResources } from './resources.js';

async function english() {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources: {} });
  for (const namespace of ['common', 'empathy', 'safe-space', 'open-communication']) {
    i18n.addResourceBundle('en', namespace, (await loadResources('en', namespace)) ?? {});
  }
  return i18n;
}

describe('formatMessage with the shipped English text', () => {
  it('puts translated titles in place of ids', async () => {
    const i18n = await english();
    const text = formatMessage(i18n.t, {
      key: 'common:explain.step-completed',
      params: { step: 'safe-space', stepKey: 'safe-space:step.title' },
    });
    expect(text).toContain(i18n.t('safe-space:step.title'));
    expect(text).not.toContain('safe-space:');
  });

  it('adds how many times and within how many days to an exercise condition', async () => {
    const i18n = await english();
    const text = formatMessage(i18n.t, {
      key: 'common:explain.exercise-done.each',
      params: {
        exercise: 'daily-talk',
        exerciseKey: 'open-communication:daily-talk.title',
        times: 3,
        days: 7,
      },
    });
    expect(text).toContain(i18n.t('open-communication:daily-talk.title'));
    expect(text).toContain(i18n.t('common:explain.exercise-done.times', { count: 3 }));
    expect(text).toContain(i18n.t('common:explain.exercise-done.within', { count: 7 }));
  });

  it('leaves the count phrase out for a single time', () => {
    const calls: string[] = [];
    const t = (key: string) => {
      calls.push(key);
      return key;
    };
    formatMessage(t, {
      key: 'common:explain.exercise-done.either',
      params: { exercise: 'x', times: 1 },
    });
    expect(calls).toEqual(['common:explain.exercise-done.either']);
  });
});
