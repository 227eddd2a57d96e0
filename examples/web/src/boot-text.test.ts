// @vitest-environment node

import { readFileSync } from 'node:fs';
import { shippedLocales } from '@attune/content';
import { describe, expect, it } from 'vitest';
import { bootLoadingText, bootTextLocales } from './boot-text.js';

const appWords = (locale: string) =>
  JSON.parse(readFileSync(new URL(`./locales/${locale}/app.json`, import.meta.url), 'utf8'));

describe('the text shown while the app starts', () => {
  it('is written in every shipped language, as the app’s own words say it', () => {
    expect([...bootTextLocales].sort()).toEqual([...shippedLocales].sort());
    for (const locale of shippedLocales) {
      expect(bootLoadingText(locale).text).toBe(appWords(locale).loading);
    }
  });

  it('follows the browser’s language, right to left for Arabic, English otherwise', () => {
    expect(bootLoadingText('es-MX')).toEqual({ text: 'Cargando…', lang: 'es', dir: 'ltr' });
    expect(bootLoadingText('ar-EG')).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(bootLoadingText('fi-FI')).toEqual({ text: 'Loading…', lang: 'en', dir: 'ltr' });
  });
});
