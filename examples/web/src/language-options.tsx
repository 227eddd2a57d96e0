import { localeName, locales } from './i18n.js';

/** Every shipped locale as an `<option>`, each named in its own language so anyone finds theirs. */
export function LanguageOptions() {
  return locales.map((locale) => (
    <option key={locale} value={locale} lang={locale}>
      {localeName(locale)}
    </option>
  ));
}
