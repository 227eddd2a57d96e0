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

/** One of the app's own words in a locale other than English, such as `onboarding.start`. */
const appWord = (locale: string, key: string): string =>
  key
    .split('.')
    .reduce(
      (words, part) => words[part],
      JSON.parse(readFileSync(join(appDir, 'src/locales', locale, 'app.json'), 'utf8')),
    );

/** The language switch in the header, whatever the language its label is in. */
const languageSwitch = (page: Page) => page.locator('header').getByRole('combobox');

/** English labels of the path screen and the frame around it, none of which may stay on a switch. */
const englishLabels = [
  'Skip to content',
  'Language',
  'Holding the phone',
  'Pass the phone to',
  'Next for you',
  'Why is this locked?',
];

/** The path screen's own labels are in the locale, and none is left in English. */
async function expectAppWordsIn(page: Page, locale: string): Promise<void> {
  await expect
    .poll(() => page.locator('#next-title').textContent())
    .toBe(appWord(locale, 'path.next'));
  const pass = appWord(locale, 'holder.pass').replace('{{name}}', 'Kai');
  await page.getByRole('button', { name: pass, exact: true }).waitFor();
  expect(await page.locator('header label').textContent()).toBe(appWord(locale, 'language'));
  expect(await page.getByRole('list', { name: appWord(locale, 'path.steps') }).count()).toBe(1);
  const text = (await page.locator('body').textContent()) ?? '';
  expect(englishLabels.filter((label) => text.includes(label))).toEqual([]);
}

describe('languages', () => {
  it('downloads only the active locale’s content, and the new one’s on a switch', async () => {
    const page = await e2e.newPage({ locale: 'es-ES' });
    const fetched = watchLocaleFiles(page);
    await page.goto(e2e.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('es'));
    await page.waitForLoadState('networkidle');
    const spanish = [...fetched];
    expect(localesOf(spanish)).toEqual(['es']);
    // The welcome screen's words first; then, once it shows, common, the nine steps and safety
    // (every later screen shows step titles and the safety bar) and the app's own words.
    expect(spanish).toHaveLength(13);
    expect(spanish[0]).toBe('es/welcome');
    expect(spanish).toContain('es/app');

    await languageSwitch(page).selectOption('de');
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('de'));
    await page.waitForLoadState('networkidle');
    const german = fetched.slice(spanish.length);
    expect(localesOf(german)).toEqual(['de']);
    expect(german).toHaveLength(12);

    // Going on in the app fetches nothing more: the locale is all there.
    const person = (number: number) =>
      page.getByRole('group', {
        name: appWord('de', 'onboarding.partner').replace('{{number}}', String(number)),
      });
    await person(1).getByLabel(appWord('de', 'onboarding.name')).fill('Ana');
    await person(2).getByLabel(appWord('de', 'onboarding.name')).fill('Kai');
    await page.getByRole('button', { name: appWord('de', 'onboarding.start') }).click();
    await open(page, '#/exercise/dreams-deck');
    await page.waitForLoadState('networkidle');
    expect(fetched).toHaveLength(25);
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
    await languageSwitch(page).selectOption('es');
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('es'));
    await expectAppWordsIn(page, 'es');
    await languageSwitch(page).selectOption('ar');
    await expect.poll(() => page.locator('h1').textContent()).toBe(programTitle('ar'));
    await expectAppWordsIn(page, 'ar');
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
