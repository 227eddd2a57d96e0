import { loaders } from './generated/loaders.js';
import {
  bestLocale,
  type LoaderTable,
  loadFromTables,
  type ResourceTree,
} from './resource-loader.js';

export type { ResourceLoader, ResourceTree } from './resource-loader.js';

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
  return loadFromTables(loaders, deckTable, locale, namespace);
}

// The deck files' loaders are a chunk of their own, so an app that shows no deck never downloads
// their table.
const deckTable = async (): Promise<LoaderTable> =>
  (await import('./generated/deck-loaders.js')).deckLoaders;

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
  return bestLocale(requested, available);
}
