import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { markDone, stepStatus } from './flows.js';
import { onboard, open, pageErrors, setupE2E } from './helpers.js';

// With the sync server, whose answers a careless worker would keep and replay.
const e2e = setupE2E({ relay: true });

/** Waits until the service worker controls the page and keeps the words of the page's language. */
async function waitUntilKept(page: Page, language: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async (prefix) => {
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      if (requests.some((request) => new URL(request.url).pathname.startsWith(prefix))) {
        return true;
      }
    }
    return false;
  }, `/assets/locale.${language}.common-`);
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
