/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckNamespaces } from '../namespaces.js';
import { fixtureDecks } from './__fixtures__/decks-data.js';
import { localesData } from './__fixtures__/locales-data.js';
import { coreDecks } from './core-decks.js';
import { computeDeckStats } from './deck-stats.js';
import { statsToJson } from './format-stats.js';
import { noMeta, type TranslationMeta } from './meta.js';
import { readLocalesFolder } from './read-locales.js';
import { computeStats } from './stats.js';

const deckFixtures = fileURLToPath(new URL('./__fixtures__/decks', import.meta.url));
const shipped = fileURLToPath(new URL('../../locales', import.meta.url));

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
          common: { a: 'Ä', b: '', n_one: 'Eins', n_other: '{{count}}' },
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

  it("counts deck files apart from the program's words", () => {
    const deck = {
      deck: { title: 'Talk', about: 'About' },
      'talk-one': 'One?',
      'talk-two': 'Two?',
    };
    const stats = computeStats(
      localesData({
        en: { ...en, 'deck-talk': deck },
        de: {
          common: { a: 'Ä', b: 'Be', n_one: 'Eins', n_other: '{{count}}' },
          empathy: { title: 'Empathie' },
          'deck-talk': { deck: { title: 'Reden', about: 'Über' } },
        },
      }),
      'en',
    );
    expect(stats.get('de')).toMatchObject({
      coverage: 100,
      missing: 0,
      decks: { total: 4, missing: 2, coverage: 50 },
    });
    expect(stats.get('de')?.namespaces.get('deck-talk')?.coverage).toBe(50);
  });

  it('never rounds a nearly complete locale up to 100%', () => {
    const keys = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'x']));
    const translated = Object.fromEntries(Object.keys(keys).map((key) => [key, 'y']));
    const de = { common: { ...translated, k0: '' } };
    expect(computeStats(localesData({ en: { common: keys }, de }), 'en').get('de')?.coverage).toBe(
      99.9,
    );
  });

  it('returns nothing without a source locale', () => {
    expect(computeStats(localesData({ de: {} }), 'en').size).toBe(0);
  });

  it('counts a text still in English as not translated, unless it is meant to be', () => {
    const source = {
      en: {
        common: {
          title: 'Nine steps closer',
          no: 'No',
          count: '{{count}}',
          number: '112',
          name: 'Find A Helpline',
          brand: 'Attune',
        },
      },
    };
    const fr = { common: { ...source.en.common } };
    const untouched = computeStats(localesData({ ...source, fr }), 'en').get('fr');
    // The title, "No" and the one-word name are words; a count, a number and a name in title
    // case are the same in every language.
    expect(untouched).toMatchObject({ total: 6, missing: 3, coverage: 50 });
    const meta: TranslationMeta = {
      ...noMeta,
      context: new Map([['common:brand', { properName: true }]]),
      locales: new Map([['fr', { intendedSame: new Map([['common:no', 'Shown as is.']]) }]]),
    };
    expect(computeStats(localesData({ ...source, fr }), 'en', meta).get('fr')).toMatchObject({
      missing: 1,
    });
    // A variant of English is not a translation; its texts may all be the same.
    expect(computeStats(localesData({ ...source, 'en-GB': fr }), 'en').get('en-GB')?.missing).toBe(
      0,
    );
  });
});

describe('computeDeckStats', () => {
  it('counts prompts per deck and depth, a quiz question with its options as one prompt', () => {
    const data = readLocalesFolder(deckFixtures);
    const decks = computeDeckStats(data, 'en', fixtureDecks);
    expect(decks.map(({ locales: _, ...deck }) => deck)).toEqual([
      {
        id: 'daily',
        namespaces: ['deck-daily-1', 'deck-daily-2'],
        prompts: 3,
        depths: { light: 1, medium: 1, deep: 1, unknown: 0 },
      },
      {
        id: 'quiz',
        namespaces: ['deck-quiz-1'],
        prompts: 2,
        depths: { light: 1, medium: 1, deep: 0, unknown: 0 },
      },
    ]);
  });

  it('gives each locale its translated share of each deck', () => {
    const daily = { 'deck-daily-1': { deck: { title: 'Täglich' }, 'daily-dream': 'Traum?' } };
    const data = localesData({
      en: {
        'deck-daily-1': { deck: { title: 'Daily' }, 'daily-breakfast': 'B?', 'daily-dream': 'D?' },
        'deck-daily-2': { 'daily-fear': 'F?' },
      },
      de: daily,
    });
    const [deck] = computeDeckStats(data, 'en', fixtureDecks);
    expect(deck?.locales.get('de')).toEqual({ total: 4, missing: 2, coverage: 50 });
    expect(deck?.locales.get('en')).toEqual({ total: 4, missing: 0, coverage: 100 });
  });

  it('lists deck files no core deck uses after the others, their prompts without a depth', () => {
    const data = localesData({
      en: {
        'deck-extra-1': { 'extra-one': 'One?' },
        'deck-quiz-1': {
          'quiz-comfort': { question: 'Comfort?' },
          'quiz-new': { question: 'New?' },
        },
      },
    });
    const decks = computeDeckStats(data, 'en', fixtureDecks);
    expect(decks.map((deck) => [deck.id, deck.depths])).toEqual([
      ['quiz', { light: 0, medium: 1, deep: 0, unknown: 1 }],
      ['extra-1', { light: 0, medium: 0, deep: 0, unknown: 1 }],
    ]);
  });

  it("finds the depth of every shipped English prompt in @attune/core's decks", () => {
    const decks = computeDeckStats(readLocalesFolder(shipped), 'en', coreDecks);
    expect(decks.flatMap((deck) => deck.namespaces)).toEqual(deckNamespaces);
    for (const deck of decks) {
      const core = coreDecks.find((candidate) => candidate.id === deck.id);
      expect(deck.depths.unknown, deck.id).toBe(0);
      expect(deck.prompts, deck.id).toBe(core?.prompts.length);
    }
  });

  it('returns nothing without a source locale or without deck files', () => {
    expect(computeDeckStats(localesData({ de: {} }), 'en', fixtureDecks)).toEqual([]);
    expect(computeDeckStats(localesData({ en }), 'en', fixtureDecks)).toEqual([]);
  });
});
