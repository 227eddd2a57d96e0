import type { ContentTree } from '../program/content-tree.js';
import type { AttunePlugin } from './types.js';

/**
 * Plugins' words in the shape `addAttuneResources` of `@attune/content` takes as options (`locales`,
 * `namespaces`, `load`), so an app adds them to its own i18next instance the way it adds Attune's.
 */
export interface PluginResourceSource {
  /** Every locale a plugin ships, `en` first. */
  readonly locales: readonly string[];
  /** Every namespace a plugin ships. */
  readonly namespaces: readonly string[];
  /** One namespace of one locale, or `undefined` when no plugin ships it. */
  load(locale: string, namespace: string): Promise<ContentTree | undefined>;
}

/**
 * Collects the plugins' translations for an app's i18next instance. Only the files asked for are
 * handed over; a locale a plugin does not ship falls back to English in `addAttuneResources`.
 *
 * @example
 * ```ts
 * import { addAttuneResources } from '@attune/content';
 *
 * await addAttuneResources(i18n, { ...pluginResources(engine.plugins), locale: 'es' });
 * ```
 */
export function pluginResources(plugins: readonly AttunePlugin[]): PluginResourceSource {
  const locales = new Set(['en']);
  const namespaces = new Set<string>();
  for (const plugin of plugins) {
    for (const [locale, trees] of Object.entries(plugin.resources ?? {})) {
      locales.add(locale);
      for (const namespace of Object.keys(trees)) namespaces.add(namespace);
    }
  }
  return {
    locales: [...locales],
    namespaces: [...namespaces],
    load: async (locale, namespace) => {
      for (const plugin of plugins) {
        const trees = plugin.resources?.[locale];
        if (trees && Object.hasOwn(trees, namespace)) return trees[namespace];
      }
      return undefined;
    },
  };
}
