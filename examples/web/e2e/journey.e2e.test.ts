import { describe, expect, it } from 'vitest';
import {
  checkIn,
  confirmAgreement,
  markDone,
  proposeAndConfirm,
  stepStatus,
  writeReflection,
} from './flows.js';
import { onboard, open, pageErrors, passPhone, screenshot, setupE2E } from './helpers.js';

const e2e = setupE2E();

describe('a couple on one phone', () => {
  it('onboards, does a step’s exercises as both partners, and opens the next steps', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    expect(await stepStatus(page, 'safe-space')).toBe('available');
    expect(await stepStatus(page, 'empathy')).toBe('locked');

    // Why empathy is locked, as the engine explains it.
    await page.locator('[data-step="empathy"] summary').click();
    const why = page.locator('[data-step="empathy"] .explanation');
    await expect.poll(() => why.textContent()).toContain('Finish the step “A safe space”');

    // Ana's part of the first step.
    await markDone(page, 'safe-space-basics');
    await writeReflection(page, 'what-feels-safe', 'A quiet evening walk.');
    await markDone(page, 'what-feels-safe');
    await proposeAndConfirm(page, 'ground-rules', {
      'What we promise': 'Listen to the end\nAsk before advising',
      'What we agree to avoid': 'Eye-rolling',
      'Our pause word': 'Pineapple',
    });
    expect(await stepStatus(page, 'safe-space')).toBe('in-progress');

    // The step moves at the pace of the slower partner: Kai's part.
    await passPhone(page, 'Kai');
    await markDone(page, 'safe-space-basics');
    await markDone(page, 'what-feels-safe');
    await confirmAgreement(page, 'ground-rules');
    expect(await stepStatus(page, 'safe-space')).toBe('completed');
    await screenshot(page, 'journey-step-completed');

    // The second foundation step, partly together, partly each on their own.
    await markDone(page, 'dreams-deck');
    await markDone(page, 'daily-talk', 3);
    await checkIn(page, 'weekly-check-in', 4);
    expect(await stepStatus(page, 'empathy')).toBe('locked');
    await passPhone(page, 'Ana');
    await checkIn(page, 'weekly-check-in', 2);

    expect(await stepStatus(page, 'open-communication')).toBe('completed');
    expect(await stepStatus(page, 'empathy')).toBe('available');
    expect(await stepStatus(page, 'appreciation')).toBe('available');
    // Vulnerability also needs empathy; conflict needs active listening and two weeks.
    expect(await stepStatus(page, 'vulnerability')).toBe('locked');
    await screenshot(page, 'journey-steps-unlocked');

    // The check-in's trend, with both partners' scores far apart.
    await open(page, '#/exercise/weekly-check-in');
    const closeness = page.locator('[data-dimension="closeness"]');
    expect(await closeness.locator('svg[role="img"]').getAttribute('aria-label')).toBe(
      'Feeling close: Ana 2, Kai 4',
    );
    expect(await closeness.textContent()).toContain('quite different');
    await screenshot(page, 'journey-check-in-trends');
    expect(pageErrors(page)).toEqual([]);
  });

  it('runs a guided practice on a timer, and swaps roles between rounds', async () => {
    const page = await e2e.newPage();
    await page.clock.install();
    await onboard(page, e2e.url);
    await open(page, '#/exercise/just-validate');
    const roles = page.locator('.roles');
    expect(await roles.textContent()).toBe('Ana: The one speakingKai: The one listening');
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await page.getByTestId('time-left').textContent()).toBe('2:00 left');

    await page.clock.fastForward('01:00');
    await expect.poll(() => page.getByTestId('time-left').textContent()).toBe('1:00 left');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.clock.fastForward('05:00');
    expect(await page.getByTestId('time-left').textContent()).toBe('1:00 left');
    await page.getByRole('button', { name: 'Resume' }).click();

    // The rest of the first phase, then "validate": the listener's turn to speak.
    await page.clock.fastForward('01:01');
    await expect
      .poll(() => page.locator('.phases [aria-current="step"]').textContent())
      .toContain('Validate');

    // Past the first round's last phase: round two, roles swapped.
    await page.clock.fastForward('01:30');
    await expect.poll(() => page.locator('#practice-title').textContent()).toBe('Round 2 of 2');
    expect(await roles.textContent()).toBe('Ana: The one listeningKai: The one speaking');
    expect(await page.locator('.swap').textContent()).toBe('Swap roles');
    await screenshot(page, 'exercise-guided-practice');
    expect(pageErrors(page)).toEqual([]);
  });
});
