/** Which way text runs in a locale. */
export type TextDirection = 'ltr' | 'rtl';

// Scripts written right to left, by ISO 15924 code (lower case, as tags are compared), and the
// languages whose default script is one of them.
const rtlScripts = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand']);
const rtlLanguages = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * Tells whether a locale's text runs left to right or right to left.
 * An explicit script subtag wins over the language: `az-Arab` is `rtl`, `ur-Latn` is `ltr`.
 * The tag is read by hand rather than with `Intl.Locale`, which Hermes (React Native's engine)
 * lacks, so the answer is the same on every platform.
 *
 * @example
 * ```ts
 * document.dir = textDirection('ar'); // 'rtl'
 * ```
 */
export function textDirection(locale: string): TextDirection {
  const [language = '', ...rest] = locale.toLowerCase().split(/[-_]/);
  // A script comes right after the language and its 3-letter extended subtags, such as `zh-yue-Arab`.
  const script = rest.find((subtag) => subtag.length !== 3);
  const rtl =
    script && /^[a-z]{4}$/.test(script) ? rtlScripts.has(script) : rtlLanguages.has(language);
  return rtl ? 'rtl' : 'ltr';
}
