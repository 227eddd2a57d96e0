import { useSyncExternalStore } from 'react';
import type { AttuneI18n } from './attune-i18n.js';
import { textStore } from './text-store.js';

/**
 * Re-renders whenever the instance's text may have changed: words arrived, however they were
 * added, or the language changed. Returns the revision of {@link textStore}.
 */
export function useTextRevision(i18n: AttuneI18n): number {
  const { subscribe, getSnapshot } = textStore(i18n);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
