/** Which way text runs in a locale. */
export type TextDirection = 'ltr' | 'rtl';

// Scripts written right to left, by ISO 15924 code, and the languages whose default script is one of them.
const rtlScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand']);
const rtlLanguages = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * Tells whether a locale's text runs left to right or right to left.
 * An explicit script subtag wins over the language: `az-Arab` is `rtl`, `ur-Latn` is `ltr`.
 *
 * @example
 * ```ts
 * document.dir = textDirection('ar'); // 'rtl'
 * ```
 */
export function textDirection(locale: string): TextDirection {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale);
  } catch {
    return 'ltr';
  }
  if (parsed.script) return rtlScripts.has(parsed.script) ? 'rtl' : 'ltr';
  return rtlLanguages.has(parsed.language) ? 'rtl' : 'ltr';
}
