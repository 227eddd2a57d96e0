import { describe, expect, it } from 'vitest';
import { localesData } from './__fixtures__/locales-data.js';
import { statsToJson } from './format-stats.js';
import { computeStats } from './stats.js';

const en = {
  common: { a: 'A', b: 'B', n_one: 'One', n_other: '{{count}}' },
  empathy: { title: 'Empathy' },
};

describe('computeStats', () => {
  it('counts plural forms per language and empty texts as missing', () => {
    const stats = computeStats(
      localesData({
        en,
        de: {
          common: { a: 'A', b: '', n_one: 'Eins', n_other: '{{count}}' },
          empathy: { title: 'Empathie' },
        },
        ar: { common: { a: 'أ' } },
        'not a locale': {},
      }),
      'en',
    );
    expect(statsToJson(stats)).toEqual({
      en: { coverage: 100, missing: 0 },
      de: { coverage: 80, missing: 1 },
      ar: { coverage: 11.1, missing: 8 },
    });
    expect(stats.get('ar')?.namespaces.get('empathy')).toEqual({
      total: 1,
      missing: 1,
      coverage: 0,
    });
  });

  it('never rounds a nearly complete locale up to 100%', () => {
    const keys = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'x']));
    const de = { common: { ...keys, k0: '' } };
    expect(computeStats(localesData({ en: { common: keys }, de }), 'en').get('de')?.coverage).toBe(
      99.9,
    );
  });

  it('returns nothing without a source locale', () => {
    expect(computeStats(localesData({ de: {} }), 'en').size).toBe(0);
  });
});
