// `pnpm bench:web`: how long the example web app takes to show its first screen, next to the
// smallest Vite + React + i18next app (bench/web/hello), on a slow phone.
//
// Both are built the same way (a production `vite build` with the example app's Vite and React
// plugin), served the same way (`vite preview` on 127.0.0.1, which gzips), and loaded cold the same
// way: a new browser context for every load (no cache, no IndexedDB, no service worker: blocked), the
// browser cache disabled, the CPU slowed 4× (`Emulation.setCPUThrottlingRate`), a phone's viewport
// and DevTools' "Fast 3G" network (`Network.emulateNetworkConditions`: 562.5 ms latency per request,
// 180 kB/s down, 84 kB/s up). The loads alternate between the two apps, after one warm-up load each
// that is not counted.
//
// "Ready" is the moment the first screen's heading is painted with its text: the example app's
// welcome heading (`h1#welcome-title`, "Nine steps closer") and the hello world's `h1#hello-title`.
// A script the page runs before its own (added by the bench, not by the apps) watches the document;
// once the heading is there with its full text, it marks it with `elementtiming`, and the browser's
// Element Timing API then reports when it was painted (`renderTime`, from the start of the
// navigation). Bytes and requests are what the page loaded from the start of the navigation until
// the network was quiet for a second after ready, as the network layer counted them (headers and
// gzipped bodies).
//
//   pnpm bench:web [--runs <n>]        (default 7 loads of each app)
//
// Writes bench/web-results.json and prints a table. Exits 1 only when something failed; the target
// (ratio of medians ≤ 1.3, stretch 1.15) is reported, not enforced: shared machines are noisy.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const appDir = join(root, 'examples', 'web');
const helloDir = join(root, 'bench', 'web', 'hello');
const resultsPath = join(root, 'bench', 'web-results.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Everything comes from the example app's own dependencies, so both apps get the same Vite, the same
// React plugin, and the very same React, React DOM and i18next files.
const appRequire = createRequire(join(appDir, 'package.json'));
const importFromApp = (name, file) =>
  import(pathToFileURL(join(appDir, 'node_modules', name, file)).href);
const { build, preview } = await importFromApp('vite', 'dist/node/index.js');
const { default: react } = await importFromApp('@vitejs/plugin-react', 'dist/index.js');
const { chromium, devices } = appRequire('playwright-core');
const viteVersion = appRequire('vite/package.json').version;

const TARGET = 1.3;
const STRETCH = 1.15;
const LOAD_TIMEOUT_MS = 60_000;
const QUIET_MS = 1000;

/** DevTools' "Fast 3G" preset (as Lighthouse and Puppeteer define it). */
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
  connectionType: 'cellular3g',
};
const CPU_SLOWDOWN = 4;
const PHONE = devices['Pixel 7'];

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('Usage: pnpm bench:web [--runs <n>]   (n ≥ 1, default 7)');
  process.exit(2);
}

const welcomeTitle = JSON.parse(
  readFileSync(join(root, 'packages', 'content', 'locales', 'en', 'common.json'), 'utf8'),
).program.title;
const helloTitle = JSON.parse(readFileSync(join(helloDir, 'src', 'en.json'), 'utf8')).hello;

const started = performance.now();
const work = mkdtempSync(join(os.tmpdir(), 'attune-bench-web-'));
const cleanups = [() => rmSync(work, { recursive: true, force: true })];

/**
 * Resolves React, React DOM and i18next for the hello world as if the example app imported them,
 * since bench/ has no dependencies of its own.
 */
function fromExampleApp() {
  const importer = join(appDir, 'src', 'main.tsx');
  return {
    name: 'bench-resolve-from-example-app',
    enforce: 'pre',
    resolveId(id) {
      if (!/^(react|react-dom|i18next)(\/|$)/.test(id)) return null;
      return this.resolve(id, importer, { skipSelf: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// The apps, built and served alike. `inline` is what only the hello world needs: its plugins, since
// it has no config file.
const apps = [
  {
    key: 'example',
    name: 'example app (examples/web)',
    root: appDir,
    configFile: join(appDir, 'vite.config.ts'),
    inline: {},
    selector: 'h1#welcome-title',
    text: welcomeTitle,
  },
  {
    key: 'hello',
    name: 'hello world (bench/web/hello)',
    root: helloDir,
    configFile: false,
    inline: { plugins: [react(), fromExampleApp()] },
    selector: 'h1#hello-title',
    text: helloTitle,
  },
];

/** A production build into a folder of the bench's own, not the app's dist/ (the tests use it). */
async function buildApp(app) {
  const outDir = join(work, app.key);
  const from = performance.now();
  await build({
    root: app.root,
    configFile: app.configFile,
    mode: 'production',
    logLevel: 'warn',
    ...app.inline,
    build: { outDir, emptyOutDir: true },
  });
  app.outDir = outDir;
  app.buildMs = performance.now() - from;
}

async function serveApp(app) {
  const port = await freePort();
  const server = await preview({
    root: app.root,
    configFile: app.configFile,
    mode: 'production',
    logLevel: 'warn',
    ...app.inline,
    build: { outDir: app.outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  cleanups.unshift(() => server.close());
  app.url = `http://127.0.0.1:${port}/`;
}

/** Starts Chromium with the bench's flags and a fresh profile, and connects to it over CDP. */
async function startChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium), or set CHROMIUM_PATH.`,
    );
  }
  const profile = join(work, 'profile');
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.unshift(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
  });
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n')) {
    if (child.exitCode !== null) throw new Error(`Chromium exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Chromium did not start within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  cleanups.unshift(async () => {
    try {
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close');
    } catch {
      // Already gone; the cleanup above kills it otherwise.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  });
  return browser;
}

/**
 * Runs in the page before its own scripts: once the heading is in the document with its whole text,
 * marks it for Element Timing, and reports when it was painted.
 */
function readyProbe({ selector, text }) {
  const state = { dom: undefined, paint: undefined };
  window.__benchReady = state;
  const report = () => window.__benchReadyBinding?.(JSON.stringify(state));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier !== 'bench-ready' || state.paint !== undefined) continue;
      state.paint = entry.renderTime || entry.loadTime;
      report();
    }
  }).observe({ type: 'element', buffered: true });
  const observer = new MutationObserver(() => {
    const heading = document.querySelector(selector);
    if (!heading || heading.textContent.trim() !== text) return;
    observer.disconnect();
    state.dom = performance.now();
    heading.setAttribute('elementtiming', 'bench-ready');
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Loads one app cold in a new context, and measures it. */
async function load(browser, app) {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    serviceWorkers: 'block',
  });
  try {
    let resolveReady;
    const ready = new Promise((resolve) => {
      resolveReady = resolve;
    });
    await context.exposeBinding('__benchReadyBinding', (_source, state) =>
      resolveReady(JSON.parse(state)),
    );
    await context.addInitScript(readyProbe, { selector: app.selector, text: app.text });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);

    const requests = new Map();
    let lastActivity = performance.now();
    cdp.on('Network.requestWillBeSent', ({ requestId, request, type }) => {
      lastActivity = performance.now();
      if (request.url.startsWith('data:')) return;
      requests.set(requestId, { url: request.url, type, bytes: 0, done: false, status: 0 });
    });
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const request = requests.get(requestId);
      if (request) {
        request.status = response.status;
        request.encoding =
          response.headers['content-encoding'] ?? response.headers['Content-Encoding'];
      }
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      lastActivity = performance.now();
      const request = requests.get(requestId);
      if (request) Object.assign(request, { bytes: encodedDataLength, done: true });
    });
    cdp.on('Network.loadingFailed', ({ requestId, errorText }) => {
      lastActivity = performance.now();
      const request = requests.get(requestId);
      if (request) Object.assign(request, { done: true, failed: errorText });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    await page.goto(app.url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    let timer;
    const state = await Promise.race([
      ready,
      new Promise((_resolve, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`${app.name}: no "${app.text}" painted within ${seconds(LOAD_TIMEOUT_MS)}`),
            ),
          LOAD_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));

    // Then until the network is quiet, for everything the first screen loads.
    const quietBy = performance.now() + 20_000;
    while (
      performance.now() < quietBy &&
      ([...requests.values()].some((request) => !request.done) ||
        performance.now() - lastActivity < QUIET_MS)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
      finished: Object.fromEntries(
        performance.getEntriesByType('resource').map((entry) => [entry.name, entry.responseEnd]),
      ),
      started: Object.fromEntries(
        performance.getEntriesByType('resource').map((entry) => [entry.name, entry.startTime]),
      ),
      document: performance.getEntriesByType('navigation')[0]?.responseEnd,
      serviceWorker: Boolean(navigator.serviceWorker?.controller),
    }));
    if (errors.length > 0) throw new Error(`${app.name}: script errors: ${errors.join('; ')}`);
    const list = [...requests.values()];
    const failed = list.filter((request) => request.failed || request.status >= 400);
    if (failed.length > 0) {
      throw new Error(
        `${app.name}: requests failed: ${failed.map((r) => `${r.url} ${r.failed ?? r.status}`).join(', ')}`,
      );
    }
    // Finished before the heading was painted: the document, and every file whose response ended
    // by then (Resource Timing, in the page's clock).
    const beforeReady = list.filter(
      (request) =>
        request.type === 'Document' || (timing.finished[request.url] ?? Infinity) <= state.paint,
    );
    const sum = (items) => items.reduce((total, item) => total + item.bytes, 0);
    return {
      readyMs: state.paint,
      headingInDocumentMs: state.dom,
      firstContentfulPaintMs: timing.fcp,
      domContentLoadedMs: timing.domContentLoaded,
      requests: list.length,
      bytes: sum(list),
      requestsBeforeReady: beforeReady.length,
      bytesBeforeReady: sum(beforeReady),
      uncompressed: list
        .filter((request) => !request.encoding && request.bytes > 1500)
        .map((request) => new URL(request.url).pathname),
      serviceWorker: timing.serviceWorker,
      files: list.map((request) => ({
        path: new URL(request.url).pathname,
        type: request.type,
        bytes: request.bytes,
        encoding: request.encoding ?? null,
        // When the page asked for it and when its last byte came, from the start of the navigation.
        startMs: request.type === 'Document' ? 0 : round(timing.started[request.url]),
        endMs: round(request.type === 'Document' ? timing.document : timing.finished[request.url]),
      })),
    };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 0) =>
  value === undefined ? undefined : Number(value.toFixed(digits));

function summarize(app) {
  const of = (key) => app.loads.map((load) => load[key]);
  const ready = of('readyMs');
  return {
    name: app.name,
    url: app.url,
    readyText: app.text,
    readySelector: app.selector,
    buildSeconds: round(app.buildMs / 1000, 1),
    readyMs: {
      median: round(median(ready)),
      min: round(Math.min(...ready)),
      max: round(Math.max(...ready)),
      all: ready.map((value) => round(value)),
    },
    headingInDocumentMs: { median: round(median(of('headingInDocumentMs'))) },
    firstContentfulPaintMs: { median: round(median(of('firstContentfulPaintMs').filter(Boolean))) },
    requests: median(of('requests')),
    bytes: median(of('bytes')),
    requestsBeforeReady: median(of('requestsBeforeReady')),
    bytesBeforeReady: median(of('bytesBeforeReady')),
    // The files of the load whose ready time is nearest the median, with when each came.
    medianLoadFiles: app.loads.reduce((best, load) =>
      Math.abs(load.readyMs - median(ready)) < Math.abs(best.readyMs - median(ready)) ? load : best,
    ).files,
  };
}

let exitCode = 0;
try {
  // Vite bundles React's development build unless told this is production.
  process.env.NODE_ENV = 'production';
  const loadAverageBefore = os.loadavg();
  for (const app of apps) {
    await buildApp(app);
    console.log(`built ${app.name} in ${seconds(app.buildMs)}`);
  }
  for (const app of apps) await serveApp(app);
  const browser = await startChromium();
  const chromiumVersion = browser.version();

  for (const app of apps) {
    await load(browser, app); // warm-up: the server and Chromium's first context, not counted
    app.loads = [];
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternating, so that the machine's noise falls on both alike.
    for (const app of run % 2 ? [...apps].reverse() : apps) {
      const result = await load(browser, app);
      if (result.serviceWorker) throw new Error(`${app.name}: a service worker controlled a load`);
      app.loads.push(result);
      console.log(
        `  ${app.key.padEnd(8)} run ${run + 1}/${RUNS}: ready ${result.readyMs.toFixed(0)} ms, ` +
          `${result.requests} requests, ${(result.bytes / 1000).toFixed(1)} kB`,
      );
    }
  }

  const [example, hello] = apps.map(summarize);
  const ratio = example.readyMs.median / hello.readyMs.median;
  const uncompressed = [
    ...new Set(apps.flatMap((app) => app.loads.flatMap((l) => l.uncompressed))),
  ];
  const report = {
    date: new Date().toISOString(),
    command: `pnpm bench:web --runs ${RUNS}`,
    machine: {
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      platform: `${os.type()} ${os.release()}`,
      loadAverage: {
        before: loadAverageBefore.map((v) => round(v, 2)),
        after: os.loadavg().map((v) => round(v, 2)),
      },
      node: process.version,
      chromium: chromiumVersion,
      vite: viteVersion,
    },
    conditions: {
      cpuSlowdown: CPU_SLOWDOWN,
      network: { preset: 'DevTools Fast 3G', ...FAST_3G },
      device: {
        name: 'Pixel 7',
        ...PHONE.viewport,
        deviceScaleFactor: PHONE.deviceScaleFactor,
        isMobile: PHONE.isMobile,
      },
      cache: 'disabled, new browser context per load, service workers blocked',
      server: 'vite preview on 127.0.0.1 (gzip)',
      runs: RUNS,
      chromiumFlags: CHROMIUM_FLAGS,
    },
    ready:
      'renderTime of the Element Timing entry of the first screen heading, from the start of the navigation; the heading is marked once it is in the document with its whole text',
    ratio: round(ratio, 2),
    target: TARGET,
    stretch: STRETCH,
    meetsTarget: ratio <= TARGET,
    meetsStretch: ratio <= STRETCH,
    uncompressedFiles: uncompressed,
    apps: { example, hello },
    seconds: round((performance.now() - started) / 1000, 1),
  };
  writeFileSync(resultsPath, `${JSON.stringify(report, null, 2)}\n`);

  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const ms = (value) => `${value} ms`;
  const rows = [
    ['', 'example app', 'hello world'],
    ['ready, median', ms(example.readyMs.median), ms(hello.readyMs.median)],
    [
      'ready, min–max',
      `${example.readyMs.min}–${example.readyMs.max} ms`,
      `${hello.readyMs.min}–${hello.readyMs.max} ms`,
    ],
    [
      'first contentful paint, median',
      ms(example.firstContentfulPaintMs.median),
      ms(hello.firstContentfulPaintMs.median),
    ],
    [
      'requests (by ready)',
      `${example.requests} (${example.requestsBeforeReady})`,
      `${hello.requests} (${hello.requestsBeforeReady})`,
    ],
    [
      'bytes transferred (by ready)',
      `${kB(example.bytes)} (${kB(example.bytesBeforeReady)})`,
      `${kB(hello.bytes)} (${kB(hello.bytesBeforeReady)})`,
    ],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(
    `\nFirst screen, cold, ${CPU_SLOWDOWN}× CPU, Fast 3G, ${PHONE.viewport.width}×${PHONE.viewport.height} phone, ${RUNS} loads each`,
  );
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) =>
          column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
        )
        .join('  '),
    );
  }
  const verdict =
    ratio <= STRETCH
      ? 'meets the stretch goal'
      : ratio <= TARGET
        ? 'meets the target'
        : 'misses the target';
  console.log(
    `\nratio of medians, example / hello world: ${ratio.toFixed(2)} (target ≤ ${TARGET}, stretch ${STRETCH}: ${verdict})`,
  );
  if (uncompressed.length > 0)
    console.log(`served without compression: ${uncompressed.join(', ')}`);
  console.log(`wrote ${resultsPath} in ${seconds(performance.now() - started)}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup:', error);
    }
  }
}
process.exit(exitCode);
