import { matchLocale, sourceLocale, textDirection } from '@attune/content';

// Shown while the app starts, before the app's words have loaded (they come with the language), so
// it is written here in every shipped language. A test keeps it the same as `loading` in each
// locale's app.json.
const loading: Readonly<Record<string, string>> = {
  en: 'Loading…',
  es: 'Cargando…',
  de: 'Wird geladen…',
  ar: 'جارٍ التحميل…',
  ja: '読み込み中…',
};

/** "Loading…" in the browser's language (the couple's choice is not read yet), with its direction. */
export function bootLoadingText(language: string = navigator.language ?? sourceLocale): {
  readonly text: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
} {
  const lang = matchLocale(language);
  const text = loading[lang];
  return text === undefined
    ? { text: loading[sourceLocale] as string, lang: sourceLocale, dir: 'ltr' }
    : { text, lang, dir: textDirection(lang) };
}

/** The locales the boot text is written in. */
export const bootTextLocales: readonly string[] = Object.keys(loading);
