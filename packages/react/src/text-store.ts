import type { AttuneI18n } from './attune-i18n.js';

/**
 * The text of one i18next instance as a store for `useSyncExternalStore`: its snapshot is a
 * revision that changes whenever the instance's text may have, through words added or removed
 * (however they were added), a namespace a backend loaded, or a change of language.
 */
export interface TextStore {
  /** Calls `listener` after each change; returns how to stop. */
  readonly subscribe: (listener: () => void) => () => void;
  /** The revision: a number that changes with each change. */
  readonly getSnapshot: () => number;
  /** Records a change that no i18next event announces, such as a load that failed. */
  readonly changed: () => void;
}

// Per instance, so nothing is global; a WeakMap keeps no instance alive.
const stores = new WeakMap<AttuneI18n, TextStore>();

/**
 * The store of an instance's text. It watches the instance from the first time a hook asks, for as
 * long as the instance lives, rather than while components subscribe: words that arrive between a
 * render and its component's subscription must still change the revision, or the component would
 * never show them.
 */
export function textStore(i18n: AttuneI18n): TextStore {
  const found = stores.get(i18n);
  if (found) return found;
  let revision = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    revision += 1;
    for (const listener of listeners) listener();
  };
  const store: TextStore = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => revision,
    changed,
  };
  stores.set(i18n, store);
  i18n.on('languageChanged', changed);
  i18n.on('loaded', changed);
  i18n.store?.on('added', changed);
  i18n.store?.on('removed', changed);
  return store;
}
