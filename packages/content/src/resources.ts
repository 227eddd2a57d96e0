import { loaders } from './generated/loaders.js';
import { isDeckNamespace, sourceLocale } from './namespaces.js';

/** A tree of translated strings, as in an i18next JSON v4 namespace file. */
export interface ResourceTree {
  readonly [key: string]: string | ResourceTree;
}

/**
 * Loads one namespace of one locale, resolving to `undefined` when there is no such file. The
 * default is {@link loadResources}; an app can pass its own to fetch from a CDN, or a test can
 * count calls.
 */
export type ResourceLoader = (
  locale: string,
  namespace: string,
) => Promise<ResourceTree | undefined>;

/** Locales that ship with the package, the source locale first. */
export const shippedLocales: readonly string[] = Object.keys(loaders);

/**
 * Loads one namespace of one locale, a deck namespace such as `deck-empathy` included. Only that
 * file is fetched (with, for the first deck, the small table of where the deck files are).
 *
 * @returns the namespace's strings, or `undefined` when the package has no such locale or namespace.
 * @example
 * ```ts
 * const strings = await loadResources('en', 'safe-space');
 * i18n.addResourceBundle('en', 'safe-space', strings);
 * ```
 */
export async function loadResources(
  locale: string,
  namespace: string,
): Promise<ResourceTree | undefined> {
  // The deck files' loaders are a chunk of their own, so an app that shows no deck never
  // downloads their table.
  const table = isDeckNamespace(namespace)
    ? (await import('./generated/deck-loaders.js')).deckLoaders
    : loaders;
  // Own-property checks keep `__proto__` or `constructor` from reaching the prototype.
  const forLocale = Object.hasOwn(table, locale) ? table[locale] : undefined;
  const load = forLocale && Object.hasOwn(forLocale, namespace) ? forLocale[namespace] : undefined;
  if (!load) return undefined;
  // `attune-content check` guarantees the shape; the JSON's own type is not worth checking here.
  return (await load()).default as ResourceTree;
}

/**
 * Picks the shipped locale that best serves a requested one: the locale itself, else the locale
 * with its last subtags dropped (`zh-Hant` for `zh-Hant-TW`, `es` for `es-MX`), else the source
 * locale. Case and `_` separators do not matter.
 *
 * @example
 * ```ts
 * matchLocale('es-MX'); // 'es'
 * matchLocale('fr'); // 'en' while French is not shipped
 * ```
 */
export function matchLocale(
  requested: string,
  available: readonly string[] = shippedLocales,
): string {
  const lower = available.map((code) => code.toLowerCase());
  for (let parts = requested.toLowerCase().split(/[-_]/); parts.length > 0; parts.pop()) {
    const index = lower.indexOf(parts.join('-'));
    if (index !== -1) return available[index] as string;
  }
  return sourceLocale;
}
