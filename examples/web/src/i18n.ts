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
import { LANGUAGE_KEY } from './welcome-words.js';

/** The locales the language switch offers: every one the content package ships. */
export const locales: readonly string[] = shippedLocales;

/**
 * The locale a couple who has not chosen one yet starts in: the one last used on this device (on the
 * welcome screen, say), else the best shipped match of the browser's language. The page preloads
 * its welcome words on the same choice (`preloadWelcomeWords`).
 */
export function firstLocale(): string {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // Storage can be blocked; the browser's language serves then.
  }
  return matchLocale(remembered || navigator.language || sourceLocale);
}

// Each shipped locale's name in its own language, as `Intl.DisplayNames` names it (i18n.test.ts
// holds them to it), written out: the first `Intl.DisplayNames` loads the browser's locale data,
// some 60 ms on a slow phone, which the welcome screen's language lists would wait for.
const ownNames: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'español',
  de: 'Deutsch',
  ar: 'العربية',
  ja: '日本語',
};

/** A locale's name in its own language, so anyone can find theirs in the list. */
export function localeName(locale: string): string {
  return (
    ownNames[locale] ?? new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  );
}

/** The locales whose names are written out. */
export const namedLocales: readonly string[] = Object.keys(ownNames);

// The app's own words, a file per locale like the program's, fetched when the locale is chosen.
const appWords = import.meta.glob<ResourceTree>('./locales/*/app.json', { import: 'default' });
const appWordsFile = (locale: string) => `./locales/${locale}/app.json`;

// The welcome screen's words, a small file per locale: the `?welcome-words` query has the build
// (first-screen/welcome-words-plugin.ts) give, in place of the app's words, the words of every
// namespace that src/welcome-words.ts names for the welcome screen, by namespace.
const welcomeWords = import.meta.glob<Readonly<Record<string, ResourceTree>>>(
  './locales/*/app.json',
  { query: '?welcome-words', import: 'default' },
);

// The locales whose app words each instance holds in full; the welcome words hold only some.
const appWordsAdded = new WeakMap<i18n, Set<string>>();

/**
 * Adds the app's own words in a locale, once. A locale the content ships but the app has no words
 * for gets English ones, as `fallbackLng` then reads them.
 */
async function loadAppWords(instance: i18n, locale: string): Promise<void> {
  const shipped = matchLocale(locale);
  const from = appWordsFile(shipped) in appWords ? shipped : sourceLocale;
  const load = appWords[appWordsFile(from)];
  const added = appWordsAdded.get(instance) ?? new Set<string>();
  appWordsAdded.set(instance, added);
  if (!load || added.has(from)) return;
  added.add(from);
  try {
    instance.addResourceBundle(from, APP_NAMESPACE, await load(), true, false);
  } catch (error) {
    // Offline, say: the next switch or screen tries again.
    added.delete(from);
    throw error;
  }
}

/**
 * Adds the welcome screen's words in a locale: one small file (src/welcome-words.ts says which
 * words), which the page began to fetch before this code ran. Words loaded later for the same
 * namespaces are merged in, and keep these.
 */
async function loadWelcomeWords(instance: i18n, locale: string): Promise<void> {
  const shipped = matchLocale(locale);
  const from = appWordsFile(shipped) in welcomeWords ? shipped : sourceLocale;
  const load = welcomeWords[appWordsFile(from)];
  if (!load) return;
  for (const [namespace, words] of Object.entries(await load())) {
    instance.addResourceBundle(from, namespace, words, true, false);
  }
}

/**
 * Loads every namespace of one locale, and the app's own words in it. Every screen but the welcome
 * screen shows step titles and the safety bar, so the whole locale is loaded at once, and nothing of
 * any other locale is.
 */
function loadLocale(instance: i18n, locale: string): Promise<unknown> {
  return Promise.all([
    addAttuneResources(instance, { locale, namespaces }),
    loadAppWords(instance, locale),
  ]);
}

// The instances that hold, or are loading, their whole language rather than the welcome words.
const whole = new WeakSet<i18n>();

/** Shows a locale on the page (`lang`, and `dir`: Arabic runs right to left), and notes it. */
function applyLanguage(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // Only the next visit's first fetch is slower for it.
  }
}

/** Which words a new i18next instance starts with. */
export type FirstWords = 'welcome' | 'whole-language';

/**
 * Creates the app's own i18next instance, with one locale loaded: only what the welcome screen shows,
 * or the whole language. Nothing is registered globally.
 */
export async function createAppI18n(
  locale: string,
  words: FirstWords = 'whole-language',
): Promise<i18n> {
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
  if (words === 'whole-language') whole.add(instance);
  await (words === 'welcome' ? loadWelcomeWords : loadLocale)(instance, locale);
  applyLanguage(locale);
  return instance;
}

/**
 * Loads the whole of a language, the instance's own unless another is given, and switches to it:
 * every screen after the welcome screen needs it, and the service worker keeps what has loaded for
 * use offline. From then on, a language switch loads the whole new language.
 */
export function loadWholeLanguage(
  instance: i18n,
  locale: string = instance.language,
): Promise<void> {
  whole.add(instance);
  return switchLanguage(instance, locale);
}

/**
 * Switches language once the new locale's files are in (the welcome words on the welcome screen,
 * else the whole language), so no screen shows keys in between, and sets `lang` and `dir` on
 * `<html>` (Arabic runs right to left).
 */
export async function switchLanguage(instance: i18n, locale: string): Promise<void> {
  await (whole.has(instance) ? loadLocale : loadWelcomeWords)(instance, locale);
  await instance.changeLanguage(locale);
  applyLanguage(locale);
}
