import type { InitOptions, i18n } from 'i18next';
import { namespaces, sourceLocale } from '../namespaces.js';
import type { ResourceLoader } from '../resources.js';
import { addAttuneResources } from './add-attune-resources.js';

/** Options of {@link createAttuneI18n}. */
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
 * Creates a separate i18next instance with Attune's namespaces loaded for one locale, falling
 * back to the source locale. Nothing is registered on i18next's global instance. To switch
 * language, add the new locale first, then change to it.
 *
 * @example
 * ```ts
 * const i18n = await createAttuneI18n({ locale: 'de' });
 * i18n.t('program.title'); // from the `common` namespace, the default
 *
 * await addAttuneResources(i18n, { locale: 'ar' });
 * await i18n.changeLanguage('ar');
 * ```
 */
export async function createAttuneI18n(options: CreateAttuneI18nOptions): Promise<i18n> {
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
  await addAttuneResources(instance, { ...options, namespaces: used });
  return instance;
}
