const KEEP = 'attune:keep';

/** The app's own built files this page loaded, as paths (`/assets/…`). */
function loadedFiles(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
}

/**
 * Registers the service worker that keeps the app on the phone (offline/service-worker.js), so the
 * app opens without a network. Only in a build: the dev server serves changing source files, and a
 * worker left from a preview on the same address is removed there.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  if (!import.meta.env.PROD) {
    void workers
      .getRegistrations()
      .then((registrations) => Promise.all(registrations.map((r) => r.unregister())));
    return;
  }
  // The files this page already loaded are passed on to keep: those of its language come lazily,
  // before the worker takes over, and are not in the shell it keeps on install.
  const keepLoaded = () => workers.controller?.postMessage({ type: KEEP, paths: loadedFiles() });
  workers.addEventListener('controllerchange', keepLoaded);
  // After the page has loaded, so the worker's downloads never compete with the first screen.
  const register = () => {
    workers.register('/sw.js').then(keepLoaded, (error: unknown) => {
      // The app works without it, only not offline.
      console.warn('The app could not be kept for offline use:', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
