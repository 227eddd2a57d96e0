import type { TextStatus } from './text-loads.js';
import { type AttuneTranslate, useTextLoad } from './use-text-load.js';

/** The text of one namespace: whether it is loaded, and how to translate its keys. */
export interface AttuneText {
  /** `loading` until the namespace is in the i18next instance for the current language. */
  readonly status: TextStatus;
  /** Why loading failed, when `status` is `error`. */
  readonly error?: unknown;
  /** Translates a key of the namespace, or any `namespace:key` such as a step's `titleKey`. */
  readonly t: AttuneTranslate;
}

/**
 * The localized text of a step or exercise: loads the namespace (the step's id, or `common`) into
 * the app's i18next instance for the current language, lazily and once; it is `ready` at once when
 * the namespace is already there, on a server too. It re-renders when words of any namespace
 * arrive, whoever adds them, and when the language changes, so a `t('common:…')` or another step's
 * `titleKey` completes itself. For Suspense, see {@link useSuspenseAttuneText}.
 *
 * @example
 * ```tsx
 * const { status, t } = useAttuneText('empathy');
 * if (status !== 'ready') return <Spinner />;
 * return <h1>{t('step.title')}</h1>;
 * ```
 */
export function useAttuneText(namespace: string): AttuneText {
  const [load, t] = useTextLoad(namespace);
  return { status: load.status, error: load.error, t };
}
