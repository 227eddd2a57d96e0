import { planKeys } from '../expected-keys.js';
import { fingerprint } from '../fingerprint.js';
import { flatten, isKeyObject } from '../flatten.js';
import { contextOf, keyId, type TranslationMeta } from '../meta.js';
import { isUntranslated } from '../untranslated.js';
import type { ExchangeNamespace, ExchangeUnit } from './exchange-unit.js';
import { unitNotes } from './unit-notes.js';

/** What {@link collectNamespace} reads. */
export interface CollectOptions {
  /** The locale the others are translated from: `en`. */
  readonly sourceLocale: string;
  /** The locale to export: `de`. */
  readonly locale: string;
  /** The namespace: `safety`. */
  readonly namespace: string;
  /** The parsed English file of the namespace. */
  readonly sourceContent: unknown;
  /** The parsed file of the locale, when it has one. */
  readonly content: unknown;
  /** The locales folder's metadata: context, texts meant to stay the same, fingerprints. */
  readonly meta: TranslationMeta;
}

/**
 * Lists the units of one namespace of a locale, in the English file's order: one per key the
 * locale needs, each plural form its language has on its own. A unit's target is the locale's
 * text, or empty where `stats` and `check` count the text as untranslated (missing, empty, or
 * still the English words), so that a tool shows it as work to do.
 *
 * @example
 * ```ts
 * const { units } = collectNamespace({ sourceLocale: 'en', locale: 'de', namespace: 'safety', … });
 * units[0]; // { key: 'check.intro', source: '…', target: '…', fingerprint: '85a39ab345', notes: […] }
 * ```
 */
export function collectNamespace(options: CollectOptions): ExchangeNamespace {
  const { sourceLocale, locale, namespace, sourceContent, content, meta } = options;
  const sourceTexts = flatten(sourceContent).texts;
  const texts = isKeyObject(content) ? flatten(content).texts : new Map<string, string>();
  const localeMeta = meta.locales.get(locale);
  const recorded = localeMeta?.fingerprints?.get(namespace);
  const sameLanguage = new Intl.Locale(locale).language === new Intl.Locale(sourceLocale).language;
  const units: ExchangeUnit[] = [];
  for (const expected of planKeys(sourceTexts, locale).expected) {
    const sourceText = sourceTexts.get(expected.sourceKey) ?? '';
    const text = texts.get(expected.key);
    const keyContext = contextOf(meta.context, namespace, expected)?.entry;
    const intended =
      keyContext?.properName === true ||
      !!localeMeta?.intendedSame.has(keyId(namespace, expected.key));
    const translated =
      text !== undefined &&
      text.trim() !== '' &&
      !isUntranslated(text, sourceText, { sameLanguage, intended });
    const current = fingerprint(sourceText);
    const before = recorded?.get(expected.key);
    units.push({
      key: expected.key,
      source: sourceText,
      target: translated ? text : '',
      fingerprint: current,
      ...(keyContext?.maxLength !== undefined && { maxLength: keyContext.maxLength }),
      notes: unitNotes({
        expected,
        sourceText,
        locale,
        context: keyContext,
        outdated: translated && before !== undefined && before !== current,
      }),
    });
  }
  return { namespace, units };
}
