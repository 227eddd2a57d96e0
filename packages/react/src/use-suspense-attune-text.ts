import { type AttuneTranslate, useTextLoad } from './use-text-load.js';

/**
 * Like {@link useAttuneText}, for a component inside `<Suspense>`: it suspends while the namespace
 * loads (never when it is already loaded, so a server renders the text), throws the load's error to
 * the nearest error boundary, and returns `t` once ready.
 *
 * @example
 * ```tsx
 * const t = useSuspenseAttuneText('empathy');
 * return <h1>{t('step.title')}</h1>;
 * ```
 */
export function useSuspenseAttuneText(namespace: string): AttuneTranslate {
  const [load, t] = useTextLoad(namespace);
  if (load.status === 'loading') throw load.promise;
  if (load.status === 'error') throw load.error;
  return t;
}
