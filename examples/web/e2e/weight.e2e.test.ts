import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resultsDir } from './app-server.js';
import { eagerScripts, gzipSize, isLocaleFile } from './first-screen-size.js';
import { onboard, setupE2E } from './helpers.js';

const e2e = setupE2E();

/**
 * The budget for the first screen's JavaScript, gzipped, in bytes (kB = 1000 bytes, as Vite). Raised
 * from 120 kB when the engine took its input bounds, the store its device identity and the sync its
 * signatures (128.2 kB measured); issue 18 is to bring the first screen near a hello world's again.
 */
const BUDGET = 130_000;

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
  it('loads at most 130 kB of gzipped JavaScript, for a new couple and a returning one', async () => {
    const page = await e2e.newPage();
    const first = watchScripts(page, e2e.url);
    await page.goto(e2e.url);
    await page.getByRole('button', { name: 'Start our path' }).waitFor();
    await page.waitForLoadState('networkidle');
    const welcome = weigh(first);

    await onboard(page, e2e.url);
    const again = watchScripts(page, e2e.url);
    await page.reload();
    await page.locator('[data-step="safe-space"]').waitFor();
    await page.waitForLoadState('networkidle');
    const path = weigh(again);

    const eager = weigh(eagerScripts());
    const figures = {
      budget: kB(BUDGET),
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

    expect(eager.code).toBeLessThanOrEqual(BUDGET);
    expect(welcome.code).toBeLessThanOrEqual(BUDGET);
    expect(path.code).toBeLessThanOrEqual(BUDGET);
    // The path is the app's main screen: nothing beyond the eager bundle loads for it.
    expect(path.code).toBe(eager.code);
  });
});
