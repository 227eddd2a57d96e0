import { useEffect, useReducer } from 'react';
import { loadText, type TextLoad } from './text-loads.js';
import { useI18n } from './use-i18n.js';
import { useLanguage } from './use-language.js';

/** Translates a key of the namespace (or a full `namespace:key`) in the current language. */
export type AttuneTranslate = (key: string, options?: Readonly<Record<string, unknown>>) => string;

/**
 * Loads a namespace in the current language, re-rendering when the load settles or the language
 * changes, and gives the load with a `t` bound to the namespace.
 */
export function useTextLoad(namespace: string): [TextLoad, AttuneTranslate] {
  const i18n = useI18n();
  useLanguage();
  const load = loadText(i18n, namespace);
  const { status } = load;
  const [, settled] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    load.promise.then(() => load.status !== status && settled());
  }, [load, status]);
  return [load, (key, options) => String(i18n.t(key, { ns: namespace, ...options } as object))];
}
