import { loadText, type TextLoad } from './text-loads.js';
import { useI18n } from './use-i18n.js';
import { useTextRevision } from './use-text-revision.js';

/** Translates a key of the namespace (or a full `namespace:key`) in the current language. */
export type AttuneTranslate = (key: string, options?: Readonly<Record<string, unknown>>) => string;

/**
 * Loads a namespace in the current language and gives the load with a `t` bound to the namespace,
 * re-rendering when the load settles, when words of any namespace arrive (a `t('common:…')` or a
 * step's `titleKey` needs them) and when the language changes.
 */
export function useTextLoad(namespace: string): [TextLoad, AttuneTranslate] {
  const i18n = useI18n();
  useTextRevision(i18n);
  const load = loadText(i18n, namespace);
  return [load, (key, options) => String(i18n.t(key, { ns: namespace, ...options } as object))];
}
