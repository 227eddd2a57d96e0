import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type AppServer, launchChromium, resultsDir, startPreview } from './app-server.js';
import { type RelayServer, startRelay } from './relay-server.js';

/** The app served and a browser, for one test file; both stop when the file is done. */
export interface E2E {
  /** The app's address. */
  readonly url: string;
  /** Where the sync server keeps its files, when the file started one. */
  readonly relayDataDir: string;
  /** A page in a fresh browser context: its own IndexedDB, as a new device would have. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/** Options of {@link setupE2E}. */
export interface E2EOptions {
  /** Also start the example sync server, for couples with a phone each. */
  readonly relay?: boolean;
}

/**
 * Starts `vite preview` on a free port and Chromium before the file's tests (and the sync server,
 * when asked), and stops them after.
 */
export function setupE2E(options: E2EOptions = {}): E2E {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let relay: RelayServer | undefined;
  beforeAll(async () => {
    if (options.relay) relay = await startRelay();
    server = await startPreview({ ...(relay && { relayUrl: relay.url }) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await relay?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('The app server is not started yet.');
      return server.url;
    },
    get relayDataDir() {
      if (!relay) throw new Error('No sync server: pass { relay: true } to setupE2E.');
      return relay.dataDir;
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('Chromium is not started yet.');
      const context = await browser.newContext({
        locale: 'en-US',
        timezoneId: 'Europe/Berlin',
        viewport: { width: 1000, height: 900 },
        ...options,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      // Any script error fails the test that caused it, at its next check of the page.
      (page as Page & { errors?: string[] }).errors = errors;
      return page;
    },
  };
}

/** Script errors the page reported so far. */
export function pageErrors(page: Page): readonly string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Fills onboarding for two partners and starts; the first partner then holds the phone. */
export async function onboard(
  page: Page,
  url: string,
  names: readonly [string, string] = ['Ana', 'Kai'],
): Promise<void> {
  await page.goto(url);
  for (const [index, name] of names.entries()) {
    const group = page.getByRole('group', { name: `Partner ${index + 1}` });
    await group.getByLabel('Name').fill(name);
  }
  await page.getByRole('button', { name: 'Start our path' }).click();
  await expect.poll(() => page.getByTestId('active-partner').textContent()).toBe(names[0]);
}

/** Passes the phone to the other partner, as a couple on one device does. */
export async function passPhone(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: `Pass the phone to ${to}` }).click();
  await page.getByRole('button', { name: `I’m ${to}, continue` }).click();
  await expect.poll(() => page.getByTestId('active-partner').textContent()).toBe(to);
}

/** Opens a screen by its hash, as a tap on a link would, and waits until it is on screen. */
export async function open(page: Page, hash: string): Promise<void> {
  const [screen = 'path', id = ''] = hash.replace(/^#\/?/, '').split('/');
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
  // The hash changes in a later task, and screens other than the path load lazily.
  await page.waitForFunction(
    (key) =>
      document.querySelector('main')?.dataset.screen === key &&
      !document.querySelector('[aria-busy="true"]'),
    `${screen}/${id}`,
  );
}

/** Saves a screenshot under test-results/, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** Runs axe-core in the page and returns its serious and critical violations, as short lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
}
