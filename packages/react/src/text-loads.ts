import { addAttuneResources, matchLocale } from '@attune/content';
import type { AttuneI18n } from './attune-i18n.js';
import { textStore } from './text-store.js';

/** Whether a namespace's text is loaded. */
export type TextStatus = 'loading' | 'ready' | 'error';

/** One namespace being loaded in one language. */
export interface TextLoad {
  status: TextStatus;
  error?: unknown;
  /** Settles, never rejects, once `status` is final; thrown for Suspense while loading. */
  readonly promise: Promise<unknown>;
}

// Kept outside components, so that a component suspended before its first commit finds the same
// load when React retries it; per instance, so nothing is global.
const loads = new WeakMap<AttuneI18n, Map<string, TextLoad>>();

/**
 * Whether the instance already holds the namespace in its language, under the shipped locale that
 * `addAttuneResources` adds it as (`es` for `es-MX`), however it got there.
 */
function holdsText(i18n: AttuneI18n, namespace: string): boolean {
  // No language yet matches the source locale, as `addAttuneResources` does.
  return i18n.hasResourceBundle?.(matchLocale(i18n.language ?? ''), namespace) ?? false;
}

/**
 * Starts loading a namespace in the instance's current language, once, and returns the load. It is
 * ready at once when the instance already holds the namespace, so nothing flashes a loading state
 * and a server renders the text; it is loaded all the same, since what is there may be only the
 * app's own texts, or lack the English that keys fall back to.
 */
export function loadText(i18n: AttuneI18n, namespace: string): TextLoad {
  const byKey = loads.get(i18n) ?? new Map<string, TextLoad>();
  loads.set(i18n, byKey);
  const key = `${i18n.language} ${namespace}`;
  let load = byKey.get(key);
  if (!load) {
    const started: TextLoad = {
      status: 'loading',
      promise: addAttuneResources(i18n, { namespaces: [namespace] }).then(
        () => settle('ready'),
        (error: unknown) => settle('error', error),
      ),
    };
    // Words already shown stay shown; the store's own events re-render for what the load added.
    const settle = (status: TextStatus, error?: unknown) => {
      if (started.status !== 'loading') return;
      started.status = status;
      started.error = error;
      textStore(i18n).changed();
    };
    load = started;
    byKey.set(key, load);
  }
  // The words may have come another way meanwhile: the app's own load, a backend, another hook.
  if (load.status === 'loading' && holdsText(i18n, namespace)) load.status = 'ready';
  return load;
}
