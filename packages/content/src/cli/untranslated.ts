import { visibleText } from './text-tokens.js';

/** What decides whether a text identical to its source counts as untranslated. */
export interface SameTextOptions {
  /** Whether the locale is a variant of the source's language (`en-GB` for `en`). */
  readonly sameLanguage: boolean;
  /** Whether the key is a proper name, or listed in the locale's `_meta/intended-same.json`. */
  readonly intended: boolean;
}

// Addresses, e-mail addresses and phone numbers are the same in every language.
const notWords = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu;

/**
 * Tells whether a name was written: two words or more, each starting with a capital letter or a
 * digit ("Find A Helpline", "988 Suicide & Crisis Lifeline"). Attune writes its own titles and
 * sentences in sentence case, so a text in title case is the name of something outside it, such
 * as a help service.
 */
export function looksLikeProperName(text: string): boolean {
  const words = text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 2) return false;
  return words.every((word) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(word));
}

/**
 * Tells whether a text is still the source's words, and so not translated: identical to the source,
 * in another language, and made of words. Numbers, placeholders, addresses and proper names are
 * the same in every language, and so is a text a translator listed as intended.
 *
 * @example
 * ```ts
 * isUntranslated('Pause', 'Pause', { sameLanguage: false, intended: false }); // true
 * isUntranslated('{{count}}', '{{count}}', { sameLanguage: false, intended: false }); // false
 * ```
 */
export function isUntranslated(
  text: string,
  sourceText: string,
  options: SameTextOptions,
): boolean {
  if (options.sameLanguage || options.intended) return false;
  if (text.trim() !== sourceText.trim()) return false;
  const words = visibleText(sourceText).replace(notWords, ' ');
  if (!/\p{L}/u.test(words)) return false;
  return !looksLikeProperName(words.trim());
}

/**
 * Counts the numbered lines of a text, the steps of an instruction such as `1. Sit together…`: a
 * line that starts with a number in any script and a period (`1.`, `١.`, `１．`).
 */
export function numberedLines(text: string): number {
  return text.split('\n').filter((line) => /^\s*\p{Nd}+\s*[.．]/u.test(line)).length;
}
