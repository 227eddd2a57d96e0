/** A CLDR plural category, as i18next uses it in key suffixes (`notes_one`, `notes_other`). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

const categoryOrder: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A key that is one plural form of a base key, as in i18next JSON v4. */
export interface PluralKey {
  /** The key without its plural suffix: `notes` for `notes_one`. */
  readonly base: string;
  /** Whether the form is an ordinal one (`place_ordinal_two`: "2nd"). */
  readonly ordinal: boolean;
  /** The plural category of the form. */
  readonly category: PluralCategory;
}

const pluralKeyPattern = /^(.+?)_(ordinal_)?(zero|one|two|few|many|other)$/;

/** Reads the plural suffix of a key, or returns `undefined` for a key that has none. */
export function parsePluralKey(key: string): PluralKey | undefined {
  const match = pluralKeyPattern.exec(key);
  if (!match) return undefined;
  return {
    base: match[1] as string,
    ordinal: match[2] !== undefined,
    category: match[3] as PluralCategory,
  };
}

/** Writes the key of one plural form: `pluralFormKey('notes', false, 'few')` is `notes_few`. */
export function pluralFormKey(base: string, ordinal: boolean, category: PluralCategory): string {
  return `${base}_${ordinal ? 'ordinal_' : ''}${category}`;
}

/**
 * The plural categories a locale distinguishes, from the runtime's CLDR data (the same data
 * i18next uses through `Intl.PluralRules`), in CLDR order.
 */
export function pluralCategories(locale: string, ordinal: boolean): readonly PluralCategory[] {
  const rules = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' });
  const used = new Set<string>(rules.resolvedOptions().pluralCategories);
  return categoryOrder.filter((category) => used.has(category));
}

// Small counts cover most categories; the large ones catch forms such as Spanish "many"
// (a million), which only appear for big round numbers.
const sampleCounts: readonly number[] = [
  ...Array.from({ length: 201 }, (_, index) => index),
  1000,
  10000,
  100000,
  1000000,
];

/** A few counts that take a given plural form in a locale, to show a translator when it is used. */
export function exampleCounts(
  locale: string,
  category: PluralCategory,
  ordinal: boolean,
): readonly number[] {
  const rules = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' });
  return sampleCounts.filter((count) => rules.select(count) === category).slice(0, 3);
}
