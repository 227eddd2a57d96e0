import { useSyncExternalStore } from 'react';

/** A screen of the app, as the address bar's hash names it, so a reload stays on the same screen. */
export type Route =
  | { readonly screen: 'path' }
  | { readonly screen: 'step'; readonly id: string }
  | { readonly screen: 'exercise'; readonly id: string }
  | { readonly screen: 'safety' }
  | { readonly screen: 'pause' }
  | { readonly screen: 'leave' }
  | { readonly screen: 'help' };

/** Reads a hash such as `#/exercise/just-validate`; anything unknown is the path. */
export function parseRoute(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  if ((screen === 'step' || screen === 'exercise') && id) {
    return { screen, id: decodeURIComponent(id) };
  }
  if (screen === 'safety' || screen === 'pause' || screen === 'leave' || screen === 'help') {
    return { screen };
  }
  return { screen: 'path' };
}

/** The link to a screen. */
export function href(route: Route): string {
  return 'id' in route ? `#/${route.screen}/${encodeURIComponent(route.id)}` : `#/${route.screen}`;
}

const subscribe = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};
const hash = () => window.location.hash;

/** The current screen, following the hash. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, hash, () => ''));
}
