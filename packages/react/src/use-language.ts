import { sourceLocale } from '@attune/content';
import { useCallback, useSyncExternalStore } from 'react';
import { useI18n } from './use-i18n.js';

/**
 * The language of the app's i18next instance (given to `AttuneProvider`), re-rendering when it
 * changes; the source locale until one is set.
 */
export function useLanguage(): string {
  const i18n = useI18n();
  const subscribe = useCallback(
    (notify: () => void) => {
      i18n.on('languageChanged', notify);
      return () => i18n.off('languageChanged', notify);
    },
    [i18n],
  );
  const language = () => i18n.language ?? sourceLocale;
  return useSyncExternalStore(subscribe, language, language);
}
