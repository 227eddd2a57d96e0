import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { markDone, stepStatus } from './flows.js';
import { onboard, open, pageErrors, setupE2E } from './helpers.js';

// With the sync server, whose answers a careless worker would keep and replay.
const e2e = setupE2E({ relay: true });

/**
 * Waits until the service worker controls the page and keeps every built file the page loaded, among
 * them the words of the page's language: the worker fetches them one by one in the background.
 */
async function waitUntilKept(page: Page, language: string): Promise<void> {
  // The language's files load after the first screen shows; each must be loaded to be kept.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async (words) => {
    const paths = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname);
    if (!paths.some((path) => path.startsWith(words))) return false;
    for (const path of paths) {
      if (!(await caches.match(path, { ignoreVary: true }))) return false;
    }
    return true;
  }, `/assets/locale.${language}.`);
}

describe('the app on a phone with no network', () => {
  it('opens from the phone after a visit, with the couple’s progress and every screen', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await markDone(page, 'safe-space-basics');
    await waitUntilKept(page, 'en');

    await page.context().setOffline(true);
    await page.reload();
    expect(await stepStatus(page, 'safe-space')).toBe('in-progress');
    // A screen loaded lazily, and not visited before going offline, opens too.
    await open(page, '#/exercise/what-feels-safe');
    await markDone(page, 'what-feels-safe');
    await open(page, '#/help');
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps the language in use, not only English', async () => {
    const page = await e2e.newPage({ locale: 'es-ES' });
    await page.goto(e2e.url);
    await page.getByRole('button', { name: 'Empezar nuestro camino' }).waitFor();
    await waitUntilKept(page, 'es');

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Empezar nuestro camino' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('never answers for the sync server: its requests fail offline instead of replaying old ones', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url);
    await waitUntilKept(page, 'en');
    const online = await page.evaluate(async () => (await fetch('/relay/health')).status);
    expect(online).toBe(200);

    await page.context().setOffline(true);
    const offline = await page.evaluate(async () => {
      try {
        return `answered ${(await fetch('/relay/health')).status}`;
      } catch (error) {
        return error instanceof TypeError ? 'network error' : String(error);
      }
    });
    expect(offline).toBe('network error');
  });
});
