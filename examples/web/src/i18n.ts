import {
  addAttuneResources,
  matchLocale,
  namespaces,
  type ResourceTree,
  shippedLocales,
  sourceLocale,
  textDirection,
} from '@attune/content';
import i18next, { type i18n } from 'i18next';
import { APP_NAMESPACE } from './app-text.js';

/** The locales the language switch offers: every one the content package ships. */
export const locales: readonly string[] = shippedLocales;

/** The best shipped locale for the browser's language, for a couple who has not chosen one yet. */
export function browserLocale(): string {
  return matchLocale(navigator.language ?? sourceLocale);
}

/** A locale's name in its own language, so anyone can find theirs in the list. */
export function localeName(locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
}

// The app's own words, a file per locale like the program's, fetched when the locale is chosen.
const appWords = import.meta.glob<ResourceTree>('./locales/*/app.json', { import: 'default' });
const appWordsFile = (locale: string) => `./locales/${locale}/app.json`;

/**
 * Adds the app's own words in a locale, once. A locale the content ships but the app has no words
 * for gets English ones, as `fallbackLng` then reads them.
 */
async function loadAppWords(instance: i18n, locale: string): Promise<void> {
  const shipped = matchLocale(locale);
  const from = appWordsFile(shipped) in appWords ? shipped : sourceLocale;
  const load = appWords[appWordsFile(from)];
  if (!load || instance.hasResourceBundle(from, APP_NAMESPACE)) return;
  instance.addResourceBundle(from, APP_NAMESPACE, await load(), true, false);
}

/**
 * Loads every namespace of one locale, and the app's own words in it. Every screen shows step
 * titles and the safety bar, so the whole locale is loaded at once, and nothing of any other
 * locale is.
 */
function loadLocale(instance: i18n, locale: string): Promise<unknown> {
  return Promise.all([
    addAttuneResources(instance, { locale, namespaces }),
    loadAppWords(instance, locale),
  ]);
}

function markDocument(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

/** Creates the app's own i18next instance, with one locale loaded. Nothing is registered globally. */
export async function createAppI18n(locale: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: sourceLocale,
    ns: [...namespaces, APP_NAMESPACE],
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show entities such as &quot;.
    interpolation: { escapeValue: false },
    resources: {},
  });
  await loadLocale(instance, locale);
  markDocument(locale);
  return instance;
}

/**
 * Switches language once the new locale's files are in, so no screen shows keys in between, and
 * sets `lang` and `dir` on `<html>` (Arabic runs right to left).
 */
export async function switchLanguage(instance: i18n, locale: string): Promise<void> {
  await loadLocale(instance, locale);
  await instance.changeLanguage(locale);
  markDocument(locale);
}
