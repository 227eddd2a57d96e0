import type { InitOptions, i18n } from 'i18next';
import { namespaces, sourceLocale } from '../namespaces.js';
import type { ResourceLoader, ShippedResources } from '../resource-loader.js';
import { addResourcesFrom } from './add-resources.js';

/** Options of `createAttuneI18n`. */
export interface CreateAttuneI18nOptions {
  /** The locale to start in, such as `de` or `es-MX`. */
  readonly locale: string;
  /** Attune namespaces to load; the program's by default, deck namespaces only when listed. */
  readonly namespaces?: readonly string[];
  /** More i18next options; `fallbackLng` stays the source locale unless set here. */
  readonly init?: InitOptions;
  /** How to load one file; Attune's bundled files by default. */
  readonly load?: ResourceLoader;
  /** The locales `load` can serve; the shipped ones by default. */
  readonly locales?: readonly string[];
}

/**
 * Creates an i18next instance with Attune's namespaces from the files an entry ships (see
 * `createAttuneI18n`, which every entry of the package wraps with its own files).
 *
 * @internal
 */
export async function createI18nFrom(
  shipped: ShippedResources,
  options: CreateAttuneI18nOptions,
): Promise<i18n> {
  // Imported when called, so that apps using only `loadResources` need not install i18next.
  const { createInstance } = await import('i18next');
  const instance = createInstance();
  const used = options.namespaces ?? namespaces;
  await instance.init({
    defaultNS: 'common',
    ns: [...used],
    ...options.init,
    // i18next 27 no longer falls back by default; Attune's source locale is always complete.
    fallbackLng: options.init?.fallbackLng ?? sourceLocale,
    lng: options.locale,
  });
  await addResourcesFrom(shipped, instance, { ...options, namespaces: used });
  return instance;
}
