import { useLanguage } from '@attune/react/text';
import { useDeferredValue } from 'react';
import { localeName, locales } from './i18n.js';

/**
 * Every shipped locale as an `<option>`, each named in its own language so anyone finds theirs, for
 * a select on the current language. The first render lists only that one: laying out the others'
 * scripts (Arabic, Japanese) means finding fonts for them, which the first paint does without; they
 * follow straight after.
 */
export function LanguageOptions() {
  const language = useLanguage();
  const listed = useDeferredValue(true, false);
  return (listed ? locales : locales.filter((locale) => locale === language)).map((locale) => (
    <option key={locale} value={locale} lang={locale}>
      {localeName(locale)}
    </option>
  ));
}
