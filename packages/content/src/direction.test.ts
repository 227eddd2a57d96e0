import { describe, expect, it } from 'vitest';
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
  });
});
