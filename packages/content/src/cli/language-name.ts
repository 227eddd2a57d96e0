const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** The English name of a locale for messages: `German` for `de`, the code itself if unknown. */
export function languageName(locale: string): string {
  try {
    return names.of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** Tells whether a folder name is a well-formed BCP 47 locale code, such as `de` or `pt-BR`. */
export function isLocaleCode(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}
