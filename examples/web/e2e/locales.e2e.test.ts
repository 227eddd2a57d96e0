import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appDir, resultsDir } from './app-server.js';
import { markDone, stepStatus, writeReflection } from './flows.js';
import { onboard, open, pageErrors, passPhone, screenshot, setupE2E } from './helpers.js';

const e2e = setupE2E();

/** Every locale file the page fetches, as `locale/namespace`, from the build's file names. */
function watchLocaleFiles(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const match = /\/assets\/locale\.([^./]+)\.(.+)-[\w-]{8}\.js$/.exec(request.url());
    if (match) fetched.push(`${match[1]}/${match[2]}`);
  });
  return fetched;
}

const localesOf = (files: readonly string[]) => [
  ...new Set(files.map((file) => file.split('/')[0])),
];
const programTitle = (locale: string): string =>
  JSON.parse(
    readFileSync(join(appDir, '../../packages/content/locales', locale, 'common.json'), 'utf8'),
  ).program.title;

describe('languages', () => {
  it('downloads only the active locale’s content, and the new one’s on a switch', async () => {
    const page = await e2e.newPage({ locale: 'es-ES' });
    const fetched = watchLocaleFiles(page);
    await page.goto(e2e.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('es'));
    await page.waitForLoadState('networkidle');
    const spanish = [...fetched];
    expect(localesOf(spanish)).toEqual(['es']);
    // common, the nine steps and safety: every screen shows step titles and the safety bar.
    expect(spanish).toHaveLength(11);

    await page.locator('header').getByLabel('Language').selectOption('de');
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('de'));
    await page.waitForLoadState('networkidle');
    const german = fetched.slice(spanish.length);
    expect(localesOf(german)).toEqual(['de']);
    expect(german).toHaveLength(11);

    // Going on in the app fetches nothing more: the locale is all there.
    await page.getByRole('group', { name: 'Partner 1' }).getByLabel('Name').fill('Ana');
    await page.getByRole('group', { name: 'Partner 2' }).getByLabel('Name').fill('Kai');
    await page.getByRole('button', { name: 'Start our path' }).click();
    await open(page, '#/exercise/dreams-deck');
    await page.waitForLoadState('networkidle');
    expect(fetched).toHaveLength(22);
    expect(localesOf(fetched)).toEqual(['es', 'de']);

    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, 'locale-requests.json'),
      `${JSON.stringify({ firstLoadEs: spanish, afterSwitchToDe: german }, null, 2)}\n`,
    );
    expect(pageErrors(page)).toEqual([]);
  });

  it('lays Arabic out right to left, and keeps the language over a reload', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await page.locator('header').getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('ar'));
    const html = () =>
      page.evaluate(() => ({
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        direction: getComputedStyle(document.querySelector('main') as Element).direction,
      }));
    expect(await html()).toEqual({ dir: 'rtl', lang: 'ar', direction: 'rtl' });
    // The first step's card starts at the right-hand edge of the list.
    const list = await page.locator('.steps').boundingBox();
    const first = await page.locator('[data-step="safe-space"]').boundingBox();
    expect(Math.round((first?.x ?? 0) + (first?.width ?? 0))).toBe(
      Math.round((list?.x ?? 0) + (list?.width ?? 0)),
    );
    await screenshot(page, 'ar-path');
    await open(page, '#/exercise/just-validate');
    await screenshot(page, 'ar-exercise');

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).not.toBe('');
    expect(await html()).toEqual({ dir: 'rtl', lang: 'ar', direction: 'rtl' });
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('storage', () => {
  it('keeps everything over a reload: progress, entries, the screen, who holds the phone', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await markDone(page, 'safe-space-basics');
    await writeReflection(page, 'what-feels-safe', 'Kept across reloads');
    await passPhone(page, 'Kai');
    await markDone(page, 'safe-space-basics');
    await open(page, '#/step/safe-space');

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('A safe space');
    expect(await page.getByTestId('active-partner').textContent()).toBe('Kai');
    expect(await page.locator('[data-exercise="safe-space-basics"] .done-by').textContent()).toBe(
      '✓ Done by Kai and Ana',
    );
    expect(await stepStatus(page, 'safe-space')).toBe('in-progress');

    // A second load from scratch, in a new tab of the same browser profile.
    const again = await page.context().newPage();
    await page.close();
    await again.goto(e2e.url);
    await expect.poll(() => again.getByTestId('active-partner').textContent()).toBe('Kai');
    await passPhone(again, 'Ana');
    await open(again, '#/exercise/what-feels-safe');
    expect(await again.locator('.entry.own').textContent()).toContain('Kept across reloads');
    expect(pageErrors(again)).toEqual([]);
  });
});
