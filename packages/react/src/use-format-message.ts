import { type AttuneMessage, formatMessage } from '@attune/core';
import { useI18n } from './use-i18n.js';
import { useTextRevision } from './use-text-revision.js';

/**
 * A function that turns the engine's messages (explanations, suggestions, reminders: a key with
 * parameters) into text in the current language. The namespaces the messages use (`common`, and the
 * steps named in them) must be loaded, for example with {@link useAttuneText}; the component
 * re-renders when they arrive, whichever component or backend loads them, and when the language
 * changes, so a message never keeps a missing or an old language's word.
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
  useTextRevision(i18n);
  return (message) => formatMessage(i18n.t, message);
}
