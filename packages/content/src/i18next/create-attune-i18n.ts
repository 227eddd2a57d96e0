import type { i18n } from 'i18next';
import { loadResources, shippedLocales } from '../resources.js';
import { type CreateAttuneI18nOptions, createI18nFrom } from './create-i18n.js';

export type { CreateAttuneI18nOptions } from './create-i18n.js';

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
export function createAttuneI18n(options: CreateAttuneI18nOptions): Promise<i18n> {
  return createI18nFrom({ load: loadResources, locales: shippedLocales }, options);
}
