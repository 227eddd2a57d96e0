import { afterEach, describe, expect, it, vi } from 'vitest';
import { textDirection } from './direction.js';

describe('textDirection', () => {
  it('runs Arabic, Hebrew and Persian right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
  });

  it('runs the other shipped languages left to right', () => {
    for (const locale of ['en', 'es', 'de', 'ja', 'en-GB'])
      expect(textDirection(locale)).toBe('ltr');
  });

  it('lets an explicit script decide over the language', () => {
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('ur-Latn')).toBe('ltr');
  });

  it('falls back to left to right for a malformed tag instead of throwing', () => {
    expect(textDirection('not a locale!')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('arabic text')).toBe('ltr');
  });

  it('reads tags in any case, with underscores, regions and extensions', () => {
    expect(textDirection('AR_eg')).toBe('rtl');
    expect(textDirection('he-IL-u-ca-hebrew')).toBe('rtl');
    expect(textDirection('zh-yue-Arab')).toBe('rtl');
    expect(textDirection('pa-arab-PK')).toBe('rtl');
    expect(textDirection('sr-Latn-RS')).toBe('ltr');
    // A Unicode extension's value is not a script, though it has four letters.
    expect(textDirection('en-u-nu-arab')).toBe('ltr');
  });

  describe('where Intl.Locale is missing, as on Hermes', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('still runs Arabic right to left', () => {
      vi.stubGlobal('Intl', { ...Intl, Locale: undefined });
      expect(Intl.Locale).toBeUndefined();
      expect(textDirection('ar')).toBe('rtl');
      expect(textDirection('fa-IR')).toBe('rtl');
      expect(textDirection('az-Arab')).toBe('rtl');
      expect(textDirection('en')).toBe('ltr');
    });
  });
});
