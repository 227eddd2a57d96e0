import { type AttuneMessage, formatMessage } from '@attune/core';
import { useI18n } from './use-i18n.js';
import { useLanguage } from './use-language.js';

/**
 * A function that turns the engine's messages (explanations, suggestions, reminders: a key with
 * parameters) into text in the current language, re-rendering when the language changes. The
 * namespaces the messages use (`common`, and the steps named in them) must be loaded, for example
 * with {@link useAttuneText}.
 *
 * @example
 * ```tsx
 * const format = useFormatMessage();
 * const suggestion = useSuggestion();
 * return <p>{format({ key: suggestion.reasonKey, params: suggestion.params })}</p>;
 * ```
 */
export function useFormatMessage(): (message: AttuneMessage) => string {
  const i18n = useI18n();
  useLanguage();
  return (message) => formatMessage(i18n.t, message);
}
