import {
  addAttuneResources,
  matchLocale,
  namespaces,
  shippedLocales,
  sourceLocale,
  textDirection,
} from '@attune/content';
import i18next, { type i18n } from 'i18next';

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

/**
 * Loads every namespace of one locale. Every screen shows step titles and the safety bar, so the
 * whole locale is loaded at once, and nothing of any other locale is.
 */
function loadLocale(instance: i18n, locale: string): Promise<unknown> {
  return addAttuneResources(instance, { locale, namespaces });
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
    ns: [...namespaces],
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
