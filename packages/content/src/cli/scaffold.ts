import { isKeyObject } from './flatten.js';
import { parsePluralKey, pluralCategories, pluralFormKey } from './plural.js';

/** What to put in a key that has no translation yet. */
export type FillMode = 'empty' | 'source';

/** Options of {@link scaffoldNamespace}. */
export interface ScaffoldOptions {
  /** The locale being scaffolded; decides which plural forms each plural key gets. */
  readonly locale: string;
  /** `empty` leaves new keys as `""` for a translation tool; `source` copies the source text. */
  readonly fill: FillMode;
}

type Tree = { [key: string]: unknown };

/**
 * Builds one namespace file for a locale from the source file: every key in the source's order,
 * plural keys with the forms the locale's language has, and existing translations kept as they
 * are, including keys the source no longer has, so that re-running never loses work.
 *
 * @example
 * ```ts
 * scaffoldNamespace({ notes_one: 'One note', notes_other: '{{count}} notes' }, undefined, {
 *   locale: 'ja',
 *   fill: 'empty',
 * }); // { notes_other: '' }
 * ```
 */
export function scaffoldNamespace(
  source: unknown,
  existing: unknown,
  options: ScaffoldOptions,
): unknown {
  return build(source, existing, options);
}

function build(source: unknown, existing: unknown, options: ScaffoldOptions): unknown {
  if (typeof source === 'string') {
    return typeof existing === 'string' && existing !== ''
      ? existing
      : options.fill === 'source'
        ? source
        : '';
  }
  if (Array.isArray(source)) {
    const current = Array.isArray(existing) ? existing : [];
    return source.map((item, index) => build(item, current[index], options));
  }
  if (!isKeyObject(source)) return existing ?? source;
  const current: Readonly<Record<string, unknown>> = isKeyObject(existing) ? existing : {};
  const result: Tree = {};
  const done = new Set<string>();
  for (const [key, value] of Object.entries(source)) {
    const plural = parsePluralKey(key);
    const otherKey = plural && pluralFormKey(plural.base, plural.ordinal, 'other');
    const isGroup =
      plural !== undefined &&
      typeof value === 'string' &&
      otherKey !== undefined &&
      typeof source[otherKey] === 'string';
    if (!isGroup) {
      result[key] = build(value, current[key], options);
      continue;
    }
    const groupId = `${plural.base}\u0000${plural.ordinal}`;
    if (done.has(groupId)) continue;
    done.add(groupId);
    const categories = new Set(pluralCategories(options.locale, plural.ordinal));
    const zeroKey = pluralFormKey(plural.base, false, 'zero');
    if (!plural.ordinal && typeof source[zeroKey] === 'string') categories.add('zero');
    for (const category of ['zero', 'one', 'two', 'few', 'many', 'other'] as const) {
      if (!categories.has(category)) continue;
      const formKey = pluralFormKey(plural.base, plural.ordinal, category);
      const sourceText = source[formKey] ?? source[otherKey];
      result[formKey] = build(sourceText, current[formKey], options);
    }
  }
  for (const [key, value] of Object.entries(current)) {
    if (!(key in result)) result[key] = value;
  }
  return result;
}
