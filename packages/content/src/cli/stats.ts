import { isDeckNamespace } from '../namespaces.js';
import { planKeys } from './expected-keys.js';
import { flatten, isKeyObject } from './flatten.js';
import { isLocaleCode } from './language-name.js';
import { contextOf, keyId, noMeta, type TranslationMeta } from './meta.js';
import type { LocalesData } from './read-locales.js';
import { isUntranslated } from './untranslated.js';

/** How much of one namespace, or of a whole locale, is translated. */
export interface Coverage {
  /** Keys the locale needs, plural forms counted one by one. */
  readonly total: number;
  /**
   * Keys not translated yet: missing, empty, or still the source's words (unless a proper name or
   * listed in the locale's `_meta/intended-same.json`).
   */
  readonly missing: number;
  /** Translated share, in percent from 0 to 100, rounded down to one decimal. */
  readonly coverage: number;
}

/**
 * Coverage of one locale: of the program's words (the namespaces that are not decks), of the decks
 * together, and per namespace.
 */
export interface LocaleCoverage extends Coverage {
  /** Coverage per namespace of the source locale, deck namespaces included. */
  readonly namespaces: ReadonlyMap<string, Coverage>;
  /** Coverage of every deck namespace together; counted apart, as the decks are optional. */
  readonly decks: Coverage;
}

// Rounded down so that a locale with one key missing never shows 100%.
const percent = (done: number, total: number): number =>
  total === 0 ? 100 : Math.floor((done / total) * 1000) / 10;

/** The coverage of `total` keys of which `missing` have no translation. */
export function coverageOf(total: number, missing: number): Coverage {
  return { total, missing, coverage: percent(total - missing, total) };
}

/**
 * Counts, for each locale, how many of the keys it needs have a translation. A locale needs each
 * source key, and each plural form its language has; a key with empty text, or with the source's
 * very words, counts as missing, unless it is a number, a placeholder, a proper name or listed as
 * meant to stay the same in `meta`. The totals count the program's words; deck namespaces are
 * summed apart, in `decks`.
 *
 * @example
 * ```ts
 * const stats = computeStats(readLocalesFolder('locales'), 'en');
 * stats.get('de')?.coverage; // 100
 * ```
 */
export function computeStats(
  data: LocalesData,
  sourceLocale: string,
  meta: TranslationMeta = noMeta,
): ReadonlyMap<string, LocaleCoverage> {
  const source = data.get(sourceLocale);
  const result = new Map<string, LocaleCoverage>();
  if (!source) return result;
  for (const [locale, files] of data) {
    if (!isLocaleCode(locale)) continue;
    const sameLanguage =
      new Intl.Locale(locale).language === new Intl.Locale(sourceLocale).language;
    const intendedSame = meta.locales.get(locale)?.intendedSame;
    const perNamespace = new Map<string, Coverage>();
    const sums = { program: { total: 0, missing: 0 }, decks: { total: 0, missing: 0 } };
    for (const [namespace, sourceFile] of source) {
      if (!isKeyObject(sourceFile.content)) continue;
      const sourceTexts = flatten(sourceFile.content).texts;
      const plan = planKeys(sourceTexts, locale);
      const content = files.get(namespace)?.content;
      const texts = isKeyObject(content) ? flatten(content).texts : new Map<string, string>();
      const absent = plan.expected.filter((entry) => {
        const text = texts.get(entry.key);
        if (!text?.trim()) return true;
        const intended =
          !!intendedSame?.has(keyId(namespace, entry.key)) ||
          contextOf(meta.context, namespace, entry)?.entry.properName === true;
        return isUntranslated(text, sourceTexts.get(entry.sourceKey) ?? '', {
          sameLanguage,
          intended,
        });
      }).length;
      perNamespace.set(namespace, coverageOf(plan.expected.length, absent));
      const sum = isDeckNamespace(namespace) ? sums.decks : sums.program;
      sum.total += plan.expected.length;
      sum.missing += absent;
    }
    result.set(locale, {
      ...coverageOf(sums.program.total, sums.program.missing),
      namespaces: perNamespace,
      decks: coverageOf(sums.decks.total, sums.decks.missing),
    });
  }
  return result;
}
