import { type PluralCategory, parsePluralKey, pluralCategories, pluralFormKey } from './plural.js';

/** A plural form a locale needs for one of the source's plural keys. */
export interface ExpectedPluralForm {
  /** The key without its plural suffix. */
  readonly base: string;
  /** Whether the form is an ordinal one. */
  readonly ordinal: boolean;
  /** The plural category of the form. */
  readonly category: PluralCategory;
  /** Every form the source has for this base, to compare placeholders against. */
  readonly sourceKeys: readonly string[];
}

/** A key a locale should have, and the source key whose text it translates. */
export interface ExpectedKey {
  /** The key in the translated file. */
  readonly key: string;
  /** The source key to translate from; for a plural form the source's same form, or its `other`. */
  readonly sourceKey: string;
  /** Set when the key is one plural form of a plural key. */
  readonly plural?: ExpectedPluralForm;
}

/** A source key that varies by plural, with the forms the source has. */
interface PluralGroup {
  readonly base: string;
  readonly ordinal: boolean;
  readonly sourceForms: Map<PluralCategory, string>;
}

const groupId = (base: string, ordinal: boolean): string => `${base}\u0000${ordinal}`;

// A key ending in `_other` is plural only when the source treats it so: another form exists,
// or the text counts something. This keeps a key named `the_other` a plain key.
function pluralGroups(source: ReadonlyMap<string, string>): Map<string, PluralGroup> {
  const candidates = new Map<string, PluralGroup>();
  for (const key of source.keys()) {
    const parsed = parsePluralKey(key);
    if (!parsed) continue;
    const id = groupId(parsed.base, parsed.ordinal);
    const group = candidates.get(id) ?? {
      base: parsed.base,
      ordinal: parsed.ordinal,
      sourceForms: new Map(),
    };
    group.sourceForms.set(parsed.category, key);
    candidates.set(id, group);
  }
  const groups = new Map<string, PluralGroup>();
  for (const [id, group] of candidates) {
    const other = group.sourceForms.get('other');
    if (other === undefined) continue;
    if (group.sourceForms.size > 1 || /\{\{\s*count\b/.test(source.get(other) ?? '')) {
      groups.set(id, group);
    }
  }
  return groups;
}

/** What a locale's file should hold, worked out from the source file. */
export interface KeyPlan {
  /** Every key the locale should have, in the source's order. */
  readonly expected: readonly ExpectedKey[];
  /** The plural form a key stands for, when it belongs to one of the source's plural keys. */
  pluralFormOf(key: string): ExpectedPluralForm | undefined;
  /**
   * The source key whose text a context variant translates (`invite_female` → `invite`). i18next
   * picks a variant with `{ context }`; a translation may add variants the source does not need.
   */
  contextSourceOf(key: string): string | undefined;
}

/**
 * Works out the keys a locale needs for one namespace: every plain key of the source, and for
 * each plural key every form the locale distinguishes (Arabic needs six, Japanese one). A
 * `_zero` form the source chose to add is expected too, since i18next uses it for a count of 0.
 */
export function planKeys(source: ReadonlyMap<string, string>, locale: string): KeyPlan {
  const groups = pluralGroups(source);
  const expected: ExpectedKey[] = [];
  const emitted = new Set<string>();
  for (const key of source.keys()) {
    const parsed = parsePluralKey(key);
    const group = parsed && groups.get(groupId(parsed.base, parsed.ordinal));
    if (!group) {
      expected.push({ key, sourceKey: key });
      continue;
    }
    const id = groupId(group.base, group.ordinal);
    if (emitted.has(id)) continue;
    emitted.add(id);
    const categories = new Set(pluralCategories(locale, group.ordinal));
    if (!group.ordinal && group.sourceForms.has('zero')) categories.add('zero');
    const sourceKeys = [...group.sourceForms.values()];
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other'] as const) {
      if (!categories.has(category)) continue;
      expected.push({
        key: pluralFormKey(group.base, group.ordinal, category),
        sourceKey: group.sourceForms.get(category) ?? (group.sourceForms.get('other') as string),
        plural: { base: group.base, ordinal: group.ordinal, category, sourceKeys },
      });
    }
  }
  const pluralFormOf = (key: string): ExpectedPluralForm | undefined => {
    const parsed = parsePluralKey(key);
    const group = parsed && groups.get(groupId(parsed.base, parsed.ordinal));
    if (!parsed || !group) return undefined;
    return { ...parsed, sourceKeys: [...group.sourceForms.values()] };
  };
  // A context variant translates its base: a plain key, or the `other` form of a plural key.
  const variantSources = new Map<string, string>();
  for (const key of source.keys()) variantSources.set(key, key);
  for (const group of groups.values()) {
    if (!group.ordinal) variantSources.set(group.base, group.sourceForms.get('other') as string);
  }
  const contextSourceOf = (key: string): string | undefined => {
    const withoutPlural = parsePluralKey(key)?.base ?? key;
    let cut = withoutPlural.lastIndexOf('_');
    while (cut > 0) {
      const sourceKey = variantSources.get(withoutPlural.slice(0, cut));
      if (sourceKey !== undefined) return sourceKey;
      cut = withoutPlural.lastIndexOf('_', cut - 1);
    }
    return undefined;
  };
  return { expected, pluralFormOf, contextSourceOf };
}
