import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultsDir } from './app-server.js';
import { eagerScripts, gzipSize, isLocaleFile } from './first-screen-size.js';
import { onboard, setupE2E } from './helpers.js';

const e2e = setupE2E();

/**
 * The budgets for the first screen's JavaScript, gzipped, in bytes (kB = 1000 bytes, as Vite), with
 * locale files counted apart. A new couple's first screen, the welcome screen, loads React, i18next,
 * the text hooks and the app's frame and onboarding, and no engine, storage or sync: 93.9 kB
 * measured (a Vite + React + i18next hello world is 83.5 kB). A returning couple's first screen, the
 * path, adds the engine, the store and the hooks over them: 126.2 kB measured. It was one budget of
 * 130 kB for both, when the welcome screen loaded everything the path needs. Raised from 127 kB
 * (127.27 kB measured) by the engine's faster start for long histories and a fix to the kept view,
 * which `.size-limit.js` lists beside the engine's budget.
 */
const WELCOME_BUDGET = 95_000;
const PATH_BUDGET = 127_750;

/** The paths of the JavaScript files the page requests from now on. */
function watchScripts(page: Page, origin: string): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) && url.endsWith('.js')) paths.push(new URL(url).pathname);
  });
  return paths;
}

function weigh(paths: readonly string[]) {
  const code = paths.filter((path) => !isLocaleFile(path));
  const content = paths.filter(isLocaleFile);
  const sum = (list: readonly string[]) => list.reduce((total, path) => total + gzipSize(path), 0);
  return { code: sum(code), content: sum(content), files: code.length + content.length };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('the first screen’s weight', () => {
  it('loads at most 95 kB of gzipped JavaScript for a new couple, and 127.75 kB for a returning one', async () => {
    const page = await e2e.newPage();
    const first = watchScripts(page, e2e.url);
    await page.goto(e2e.url);
    await page.getByRole('button', { name: 'Start our path' }).waitFor();
    await page.waitForLoadState('networkidle');
    const welcomeScripts = [...first];
    const welcome = weigh(welcomeScripts);

    await onboard(page, e2e.url);
    const again = watchScripts(page, e2e.url);
    await page.reload();
    await page.locator('[data-step="safe-space"]').waitFor();
    await page.waitForLoadState('networkidle');
    const path = weigh(again);

    const eager = weigh(eagerScripts());
    const figures = {
      budgets: { welcome: kB(WELCOME_BUDGET), path: kB(PATH_BUDGET) },
      eagerFromBuild: kB(eager.code),
      welcomeScreen: { code: kB(welcome.code), localeContent: kB(welcome.content) },
      pathScreen: { code: kB(path.code), localeContent: kB(path.content) },
    };
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, 'first-screen-size.json'),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    process.stdout.write(`first screen JS (gzip): ${JSON.stringify(figures)}\n`);

    expect(eager.code).toBeLessThanOrEqual(welcome.code);
    expect(welcome.code).toBeLessThanOrEqual(WELCOME_BUDGET);
    expect(path.code).toBeLessThanOrEqual(PATH_BUDGET);
    // A couple's code comes with the couple: the welcome screen loads none of it.
    expect(welcomeScripts.filter((path) => /\/assets\/couple(-app)?-/.test(path))).toEqual([]);
  });
});
