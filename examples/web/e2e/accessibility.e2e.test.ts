import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkIn, reachVulnerability } from './flows.js';
import { onboard, open, pageErrors, screenshot, seriousViolations, setupE2E } from './helpers.js';

const e2e = setupE2E();

/** Checks the screen with axe-core, then saves its screenshot. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect({ screen: name, violations: await seriousViolations(page) }).toEqual({
    screen: name,
    violations: [],
  });
  await screenshot(page, name);
}

/** One exercise of each kind, by id, and something to do in it first so its screen is not empty. */
const exercises: readonly [string, ((page: Page) => Promise<void>)?][] = [
  ['safe-space-basics'],
  ['what-feels-safe'],
  ['dreams-deck'],
  ['just-validate'],
  ['daily-talk'],
  ['weekly-check-in'],
  ['inner-world-quiz'],
  [
    'thank-you-notes',
    async (page) => {
      await page.getByLabel('Your note').fill('Thank you for the tea this morning.');
      await page.getByRole('button', { name: /^Send to/ }).click();
    },
  ],
  ['ground-rules'],
  ['sealed-answers'],
  ['when-to-seek-help'],
  ['safety-check'],
];

describe('accessibility', () => {
  it('has no serious or critical axe violation on any main screen', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url);
    await page.getByRole('button', { name: 'Start our path' }).waitFor();
    await check(page, 'screen-onboarding');
    await open(page, '#/help');
    await check(page, 'screen-help-before-onboarding');

    await onboard(page, e2e.url);
    await check(page, 'screen-path-new');
    await reachVulnerability(page);
    await checkIn(page, 'weekly-check-in', 5);
    await check(page, 'screen-path');
    await open(page, '#/step/safe-space');
    await check(page, 'screen-step');
    await open(page, '#/step/conflict');
    await check(page, 'screen-step-locked');
    for (const [exercise, prepare] of exercises) {
      await open(page, `#/exercise/${exercise}`);
      await prepare?.(page);
      await check(page, `exercise-${exercise}`);
    }
    for (const screen of ['safety', 'pause', 'leave', 'help']) {
      await open(page, `#/${screen}`);
      await check(page, `screen-${screen}`);
    }
    await page.getByRole('button', { name: 'Pass the phone to Kai' }).click();
    await check(page, 'screen-pass-the-phone');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.locator('header').getByLabel('Language').selectOption('ar');
    await open(page, '#/path');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await check(page, 'screen-path-ar');
    expect(pageErrors(page)).toEqual([]);
  });
});
