// @vitest-environment node
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorker } from './service-worker-plugin.js';

// The service worker runs here against small stand-ins for the browser's caches and network, so its
// choices (what it keeps, what it answers, what it leaves alone) are checked without a browser. The
// end-to-end tests check the same worker in Chromium.

const ORIGIN = 'https://app.test';

/** The build's files, as Vite hands them to the plugin (only the names matter). */
const builtFiles = [
  'index.html',
  'assets/index-a1.js',
  'assets/index-a1.js.map',
  'assets/index-b2.css',
  'assets/help-screen-c3.js',
  'assets/locale.en.common-d4.js',
  'assets/locale.es.common-e5.js',
];

/** What the plugin emits as `/sw.js` for a build of these files. */
function emitWorker(files: readonly string[]): string {
  let source: string | undefined;
  const plugin = serviceWorker();
  const generate = plugin.generateBundle as (
    this: { emitFile(file: { fileName: string; source: string }): void },
    options: unknown,
    bundle: Record<string, unknown>,
  ) => void;
  generate.call(
    {
      emitFile(file) {
        expect(file.fileName).toBe('sw.js');
        source = file.source;
      },
    },
    {},
    Object.fromEntries(files.map((file) => [file, {}])),
  );
  if (source === undefined) throw new Error('The plugin emitted no worker.');
  return source;
}

/** The manifest a worker's source carries. */
function manifestOf(source: string): { version: string; shell: string[] } {
  const match = /const manifest = (\{.*\});/.exec(source);
  if (!match?.[1]) throw new Error('No manifest in the worker.');
  return JSON.parse(match[1]);
}

/** Caches in memory, keyed by address, as the worker uses them. */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  keyOf = (request: Request | string) =>
    new URL(typeof request === 'string' ? request : request.url, ORIGIN).href;
  constructor(private readonly network: (url: string) => Promise<Response>) {}
  async open(name: string) {
    let store = this.stores.get(name);
    if (!store) {
      store = new Map();
      this.stores.set(name, store);
    }
    const entries = store;
    const cache = {
      put: async (request: Request | string, response: Response) => {
        entries.set(this.keyOf(request), response.clone());
      },
      add: async (request: string) => {
        const response = await this.network(this.keyOf(request));
        if (!response.ok) throw new TypeError(`${request} answered ${response.status}`);
        entries.set(this.keyOf(request), response);
      },
      addAll: async (requests: readonly string[]) => {
        for (const request of requests) await cache.add(request);
      },
      match: async (request: Request | string) => entries.get(this.keyOf(request))?.clone(),
      keys: async () => [...entries.keys()].map((url) => new Request(url)),
    };
    return cache;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  async match(request: Request | string) {
    for (const store of this.stores.values()) {
      const found = store.get(this.keyOf(request));
      if (found) return found.clone();
    }
    return undefined;
  }
}

/** A worker running against memory caches and a network that can be switched off. */
function startWorker(source: string, caches = new MemoryCaches(async () => new Response())) {
  const handlers = new Map<string, (event: unknown) => void>();
  const network = { online: true, requests: [] as string[] };
  const serve = async (url: string) => {
    network.requests.push(new URL(url).pathname);
    if (!network.online) throw new TypeError('Failed to fetch');
    return new Response(`fresh ${new URL(url).pathname}`, { status: 200 });
  };
  const memory = new MemoryCaches(serve);
  // The same stores, when the test hands in caches left by an earlier worker.
  for (const [name, store] of caches.stores) memory.stores.set(name, store);
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, handler: (event: unknown) => void) =>
      handlers.set(type, handler),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  runInNewContext(source, {
    self,
    caches: memory,
    fetch: (request: Request | string) =>
      serve(typeof request === 'string' ? request : request.url),
    URL,
    Array,
  });

  /** Dispatches a lifecycle or message event and waits for what it asked to wait for. */
  const dispatch = async (type: string, data?: unknown) => {
    const waits: Promise<unknown>[] = [];
    handlers.get(type)?.({ data, waitUntil: (promise: Promise<unknown>) => waits.push(promise) });
    await Promise.all(waits);
  };
  /** What the worker answers for a request, or `undefined` when it leaves it to the network. */
  const request = async (path: string, mode: RequestMode | 'navigate' = 'cors') => {
    let answer: Promise<Response> | undefined;
    const request = { url: `${ORIGIN}${path}`, method: 'GET', mode };
    handlers.get('fetch')?.({
      request,
      respondWith: (response: Promise<Response>) => (answer = response),
    });
    return answer;
  };
  return { dispatch, request, network, caches: memory };
}

describe('the service worker build plugin', () => {
  it('lists the page and every built file but other languages’ words and source maps', () => {
    const { shell } = manifestOf(emitWorker(builtFiles));
    expect(shell).toEqual([
      '/',
      '/assets/help-screen-c3.js',
      '/assets/index-a1.js',
      '/assets/index-b2.css',
    ]);
  });

  it('gives each build its own version, so a new build’s worker replaces the old one', () => {
    const first = manifestOf(emitWorker(builtFiles)).version;
    expect(manifestOf(emitWorker(builtFiles)).version).toBe(first);
    const rebuilt = builtFiles.map((file) => file.replace('index-a1', 'index-f6'));
    expect(manifestOf(emitWorker(rebuilt)).version).not.toBe(first);
  });
});

describe('the service worker', () => {
  it('keeps the shell on install and answers built files from the phone once offline', async () => {
    const worker = startWorker(emitWorker(builtFiles));
    await worker.dispatch('install');
    await worker.dispatch('activate');
    worker.network.online = false;
    const script = await worker.request('/assets/help-screen-c3.js');
    expect(await script?.text()).toBe('fresh /assets/help-screen-c3.js');
    const page = await worker.request('/', 'navigate');
    expect(await page?.text()).toBe('fresh /');
  });

  it('keeps the files the page names, and only built ones', async () => {
    const worker = startWorker(emitWorker(builtFiles));
    await worker.dispatch('install');
    await worker.dispatch('message', {
      type: 'attune:keep',
      paths: ['/assets/locale.es.common-e5.js', '/relay/health', 42],
    });
    worker.network.online = false;
    const words = await worker.request('/assets/locale.es.common-e5.js');
    expect(await words?.text()).toBe('fresh /assets/locale.es.common-e5.js');
    expect(worker.network.requests).not.toContain('/relay/health');
  });

  it('leaves the sync server and other origins’ requests to the network', async () => {
    const worker = startWorker(emitWorker(builtFiles));
    await worker.dispatch('install');
    expect(await worker.request('/relay/health')).toBeUndefined();
    expect(await worker.request('/relay/couples/c-0123456789abcdef/events')).toBeUndefined();
  });

  it('takes the page from the network when there is one, and keeps it for later', async () => {
    const worker = startWorker(emitWorker(builtFiles));
    await worker.dispatch('install');
    const before = worker.network.requests.length;
    await worker.request('/', 'navigate');
    expect(worker.network.requests.length).toBe(before + 1);
  });

  it('fails offline for a file it never kept, instead of answering something else', async () => {
    const worker = startWorker(emitWorker(builtFiles));
    await worker.dispatch('install');
    worker.network.online = false;
    await expect(worker.request('/assets/locale.ja.common-z9.js')).rejects.toThrow(TypeError);
  });

  it('removes an earlier build’s files when a new build’s worker takes over, and no one else’s', async () => {
    const old = startWorker(emitWorker(builtFiles));
    await old.dispatch('install');
    await old.dispatch('activate');
    await old.caches.open('someone-elses-cache');
    const rebuilt = builtFiles.map((file) => file.replace('index-a1', 'index-f6'));
    const next = startWorker(emitWorker(rebuilt), old.caches);
    await next.dispatch('install');
    await next.dispatch('activate');
    const names = await next.caches.keys();
    expect(names).toHaveLength(2);
    expect(names).toContain('someone-elses-cache');
    expect(names).toContain(`attune-app-${manifestOf(emitWorker(rebuilt)).version}`);
  });
});
