import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { open } from './helpers.js';

// Steps of a couple's journey, done through the screens as a couple would, for the tests to share.

/** The status a step's card shows on the path, such as "Done" or "Not open yet". */
export async function stepStatus(page: Page, step: string): Promise<string | null> {
  await open(page, '#/path');
  return page.locator(`[data-step="${step}"] .status`).getAttribute('data-status');
}

/** Marks an exercise done for the partner holding the phone, or together. */
export async function markDone(page: Page, exercise: string, times = 1): Promise<void> {
  await open(page, `#/exercise/${exercise}`);
  const button = page.locator('.completion button.primary');
  for (let i = 0; i < times; i++) {
    const before = await page.getByTestId('done-count').textContent();
    await button.click();
    await expect.poll(() => page.getByTestId('done-count').textContent()).not.toBe(before);
  }
}

/** Writes an answer to the first prompt of a reflection, privately. */
export async function writeReflection(page: Page, exercise: string, text: string): Promise<void> {
  await open(page, `#/exercise/${exercise}`);
  const form = page.locator('.prompt form').first();
  await form.locator('textarea').fill(text);
  await form.getByRole('button', { name: 'Save privately' }).click();
  await expect.poll(() => page.locator('.entry.own').last().textContent()).toContain(text);
}

/** Proposes an agreement (the partner holding the phone) and confirms it. */
export async function proposeAndConfirm(
  page: Page,
  exercise: string,
  fields: Readonly<Record<string, string>>,
): Promise<void> {
  await open(page, `#/exercise/${exercise}`);
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await page.getByRole('button', { name: /^Confirm/ }).click();
}

/** Confirms the agreement proposed last, for the partner holding the phone. */
export async function confirmAgreement(page: Page, exercise: string): Promise<void> {
  await open(page, `#/exercise/${exercise}`);
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await expect
    .poll(() => page.locator('.agreement h2').first().textContent())
    .toBe('Agreed by both of you');
}

/** Records a check-in with the same score on every dimension. */
export async function checkIn(page: Page, exercise: string, score: number): Promise<void> {
  await open(page, `#/exercise/${exercise}`);
  const fieldsets = page.locator('form.check-in fieldset');
  for (let i = 0; i < (await fieldsets.count()); i++) {
    await fieldsets.nth(i).getByLabel(String(score), { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save my check-in' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
}

/**
 * Takes a couple through the two foundation steps and empathy, the shortest way the rules allow, so
 * a test can start at vulnerability. Ana holds the phone at the end.
 */
export async function reachVulnerability(page: Page): Promise<void> {
  for (const partner of ['Ana', 'Kai']) {
    if (partner === 'Kai') await passPhoneTo(page, 'Kai');
    await markDone(page, 'safe-space-basics');
    await markDone(page, 'what-feels-safe');
    await checkIn(page, 'weekly-check-in', 3);
  }
  await passPhoneTo(page, 'Ana');
  await proposeAndConfirm(page, 'ground-rules', { 'Our pause word': 'Pause' });
  await passPhoneTo(page, 'Kai');
  await confirmAgreement(page, 'ground-rules');
  await markDone(page, 'dreams-deck');
  await markDone(page, 'daily-talk', 3);
  await markDone(page, 'mirror-validate-empathise');
  await markDone(page, 'their-shoes');
  await passPhoneTo(page, 'Ana');
  await markDone(page, 'their-shoes');
}

async function passPhoneTo(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: `Pass the phone to ${to}` }).click();
  await page.getByRole('button', { name: `I’m ${to}, continue` }).click();
  await expect.poll(() => page.getByTestId('active-partner').textContent()).toBe(to);
}
