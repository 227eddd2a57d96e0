import { sourceLocale } from '@attune/content';
import { useSyncExternalStore } from 'react';
import { textStore } from './text-store.js';
import { useI18n } from './use-i18n.js';

/**
 * The language of the app's i18next instance (given to `AttuneProvider`), re-rendering when it
 * changes; the source locale until one is set.
 */
export function useLanguage(): string {
  const i18n = useI18n();
  const language = () => i18n.language ?? sourceLocale;
  return useSyncExternalStore(textStore(i18n).subscribe, language, language);
}
