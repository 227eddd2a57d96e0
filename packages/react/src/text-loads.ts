import { addAttuneResources } from '@attune/content';
import type { AttuneI18n } from './attune-i18n.js';

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

/** Starts loading a namespace in the instance's current language, once, and returns the load. */
export function loadText(i18n: AttuneI18n, namespace: string): TextLoad {
  const byKey = loads.get(i18n) ?? new Map<string, TextLoad>();
  loads.set(i18n, byKey);
  const key = `${i18n.language} ${namespace}`;
  const found = byKey.get(key);
  if (found) return found;
  const load: TextLoad = {
    status: 'loading',
    promise: addAttuneResources(i18n, { namespaces: [namespace] }).then(
      () => {
        load.status = 'ready';
      },
      (error: unknown) => {
        load.status = 'error';
        load.error = error;
      },
    ),
  };
  byKey.set(key, load);
  return load;
}
