import { createAttuneI18n, sourceLocale } from '@attune/content';
import type { i18n } from 'i18next';
import { cliText } from '../locales/index.js';

/** The namespace of the terminal program's own words: menus, questions, confirmations. */
export const cliNamespace = 'cli';

/**
 * An i18next instance with every Attune namespace for one locale, plus the terminal program's own
 * words in `cli`. The program's words fall back to English like Attune's own.
 */
export async function createCliI18n(locale: string): Promise<i18n> {
  const i18n = await createAttuneI18n({
    locale,
    // A terminal is not HTML: `“` and `'` must reach it as they are, not as entities.
    init: { interpolation: { escapeValue: false } },
  });
  i18n.addResourceBundle(sourceLocale, cliNamespace, cliText[sourceLocale] ?? {});
  const own = cliText[locale];
  if (own && locale !== sourceLocale) i18n.addResourceBundle(locale, cliNamespace, own);
  return i18n;
}
