import { isDeckNamespace, sourceLocale } from './namespaces.js';

/** A tree of translated strings, as in an i18next JSON v4 namespace file. */
export interface ResourceTree {
  readonly [key: string]: string | ResourceTree;
}

/**
 * Loads one namespace of one locale, resolving to `undefined` when there is no such file. The
 * default is `loadResources`; an app can pass its own to fetch from a CDN, or a test can
 * count calls.
 */
export type ResourceLoader = (
  locale: string,
  namespace: string,
) => Promise<ResourceTree | undefined>;

/**
 * A generated table of lazy imports, by locale then namespace.
 *
 * @internal
 */
export type LoaderTable = Readonly<
  Record<string, Readonly<Record<string, () => Promise<{ default: unknown }>>>>
>;

/**
 * The files an entry of the package bundles: the program's table, the deck table (imported with
 * the first deck, so that an app that shows no deck never downloads it) and the locales they hold.
 *
 * @internal
 */
export interface ShippedResources {
  readonly locales: readonly string[];
  readonly load: ResourceLoader;
}

/**
 * Loads one namespace of one locale from generated tables: the one file asked for, and the deck
 * table with the first deck.
 *
 * @internal
 */
export async function loadFromTables(
  program: LoaderTable,
  decks: () => Promise<LoaderTable>,
  locale: string,
  namespace: string,
): Promise<ResourceTree | undefined> {
  const table = isDeckNamespace(namespace) ? await decks() : program;
  // Own-property checks keep `__proto__` or `constructor` from reaching the prototype.
  const forLocale = Object.hasOwn(table, locale) ? table[locale] : undefined;
  const load = forLocale && Object.hasOwn(forLocale, namespace) ? forLocale[namespace] : undefined;
  if (!load) return undefined;
  // `attune-content check` guarantees the shape; the JSON's own type is not worth checking here.
  return (await load()).default as ResourceTree;
}

/**
 * The best match of a requested locale among available ones (see `matchLocale`).
 *
 * @internal
 */
export function bestLocale(requested: string, available: readonly string[]): string {
  const lower = available.map((code) => code.toLowerCase());
  for (let parts = requested.toLowerCase().split(/[-_]/); parts.length > 0; parts.pop()) {
    const index = lower.indexOf(parts.join('-'));
    if (index !== -1) return available[index] as string;
  }
  return sourceLocale;
}
