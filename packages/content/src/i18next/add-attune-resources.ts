import { loadResources, shippedLocales } from '../resources.js';
import {
  type AddAttuneResourcesOptions,
  type AddedAttuneResources,
  addResourcesFrom,
  type I18nextTarget,
} from './add-resources.js';

export type {
  AddAttuneResourcesOptions,
  AddedAttuneResources,
  I18nextTarget,
} from './add-resources.js';

/**
 * Adds Attune's namespaces for one locale to an app's own i18next instance, loading only the
 * files asked for: the program's namespaces by default, deck namespaces when listed. The best
 * shipped match of the locale is used (`es` for `es-MX`, the source locale for one not shipped).
 * Each namespace added for another locale is added in the source locale too, so a key the
 * translation lacks falls back to English key by key, never to the raw key: this needs the
 * instance's `fallbackLng` to include `en`, which `createAttuneI18n` sets (i18next 27 sets none by
 * default). Keys the app already set are kept, so an app can override any text.
 *
 * @example
 * ```ts
 * await addAttuneResources(i18n, { locale: 'de', namespaces: ['common', 'empathy'] });
 * await i18n.changeLanguage('de');
 *
 * // A deck's words, when a screen shows the deck:
 * await addAttuneResources(i18n, { namespaces: ['deck-empathy'] });
 * ```
 */
export function addAttuneResources(
  i18n: I18nextTarget,
  options: AddAttuneResourcesOptions = {},
): Promise<AddedAttuneResources> {
  return addResourcesFrom({ load: loadResources, locales: shippedLocales }, i18n, options);
}
