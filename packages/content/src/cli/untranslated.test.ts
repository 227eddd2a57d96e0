import { describe, expect, it } from 'vitest';
import { isUntranslated, looksLikeProperName, numberedLines } from './untranslated.js';

const other = { sameLanguage: false, intended: false };

describe('isUntranslated', () => {
  it('takes words identical to the source for untranslated, short ones too', () => {
    expect(isUntranslated('Take five minutes.', 'Take five minutes.', other)).toBe(true);
    expect(isUntranslated(' No ', 'No', other)).toBe(true);
    expect(isUntranslated('Nein', 'No', other)).toBe(false);
  });

  it('lets numbers, placeholders, addresses and proper names stay the same', () => {
    for (const text of [
      '112',
      '4–5',
      '{{count}}',
      '<1>{{partner}}</1>',
      '$t(common:ok)',
      'https://findahelpline.com',
      'help@example.org',
      'Find A Helpline',
      '988 Suicide & Crisis Lifeline',
    ]) {
      expect(isUntranslated(text, text, other), text).toBe(false);
    }
  });

  it('lets a variant of the source language, or a text marked as intended, stay the same', () => {
    expect(isUntranslated('Pause', 'Pause', { sameLanguage: true, intended: false })).toBe(false);
    expect(isUntranslated('Pause', 'Pause', { sameLanguage: false, intended: true })).toBe(false);
  });
});

describe('looksLikeProperName', () => {
  it('takes two words or more in title case for a name, a sentence-case title not', () => {
    expect(looksLikeProperName('Hilfetelefon Gewalt gegen Frauen')).toBe(false);
    expect(looksLikeProperName('National Domestic Violence Hotline')).toBe(true);
    expect(looksLikeProperName('Guess my answer')).toBe(false);
    expect(looksLikeProperName('Attune')).toBe(false);
  });
});

describe('numberedLines', () => {
  it('counts lines that start with a number and a period, in any script', () => {
    expect(numberedLines('1. Sit.\n2. Talk.\nIf you only have ten minutes, talk.')).toBe(2);
    expect(numberedLines('١. اجلسا.\n٢. تحدثا.')).toBe(2);
    expect(numberedLines('1．座る。\n 2．話す。')).toBe(2);
    expect(numberedLines('It takes 2. Or 3.')).toBe(0);
  });
});
