// The app's service worker: it keeps the app's own files on the phone, so the app opens and works
// with no network, and a couple's history (in IndexedDB) is there as always. The sync server is
// never answered from here: its requests go to the network, and the sync loop says when it is away.
//
// offline/service-worker-plugin.ts writes the build's manifest in place of the default below and
// emits this file as /sw.js. It is plain JavaScript because the browser runs it as it is.

const manifest = /* build manifest */ { version: 'unbuilt', shell: [] };

const PREFIX = 'attune-app-';
const CACHE = PREFIX + manifest.version;

/** Built files have a content hash in their names, so a cached copy never goes stale. */
const isBuiltFile = (path) => path.startsWith('/assets/');

// Servers may answer with `Vary: Origin`, and module scripts are requested with an Origin header
// that the copies kept on install were not: matching by address alone finds them all the same.
const BY_ADDRESS = { ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(manifest.shell))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The files of earlier builds go: a phone keeps one copy of the app.
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page lists the files it loaded before this worker took over (such as its language's words,
// which are not in the shell), so that they are kept too.
self.addEventListener('message', (event) => {
  const message = event.data;
  if (message?.type !== 'attune:keep' || !Array.isArray(message.paths)) return;
  event.waitUntil(
    keep(message.paths.filter((path) => typeof path === 'string' && isBuiltFile(path))),
  );
});

async function keep(paths) {
  const cache = await caches.open(CACHE);
  for (const path of paths) {
    if (await cache.match(path, BY_ADDRESS)) continue;
    // A file that cannot be fetched now is fetched, and kept, the next time the app asks for it.
    await cache.add(path).catch(() => undefined);
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (isBuiltFile(url.pathname)) event.respondWith(builtFile(request));
  // Anything else, the sync server under /relay/ above all, is left to the network.
});

/** The page from the network when there is one, so a new version arrives; else the kept one. */
async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put('/', response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match('/', BY_ADDRESS);
    if (kept) return kept;
    throw error;
  }
}

/** A built file from the phone when it is there; else from the network, kept for next time. */
async function builtFile(request) {
  const kept = await caches.match(request, BY_ADDRESS);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}
