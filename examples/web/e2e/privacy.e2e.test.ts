import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reachVulnerability, stepStatus, writeReflection } from './flows.js';
import { onboard, open, pageErrors, passPhone, screenshot, setupE2E } from './helpers.js';

const e2e = setupE2E();

describe('what each partner sees', () => {
  it('keeps a sealed quiz answer hidden from Kai until Kai answers', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await open(page, '#/exercise/inner-world-quiz');
    const question = page.locator('[data-question="recharge"]');
    await question.getByRole('group', { name: 'About you' }).getByLabel('Quiet time alone').check();
    await question.getByRole('group', { name: 'Your guess' }).getByLabel('Seeing friends').check();
    await question.getByRole('button', { name: 'Seal my answers' }).click();
    await expect.poll(() => question.textContent()).toContain('Your answers are sealed.');

    await passPhone(page, 'Kai');
    await open(page, '#/exercise/inner-world-quiz');
    expect(await question.textContent()).toContain(
      'Ana has answered. You see their answer only once you have answered too.',
    );
    expect(await page.getByTestId('quiz-comparison').count()).toBe(0);
    await screenshot(page, 'exercise-partner-quiz-sealed');

    await question.getByRole('group', { name: 'About you' }).getByLabel('Getting outdoors').check();
    await question
      .getByRole('group', { name: 'Your guess' })
      .getByLabel('Quiet time alone')
      .check();
    await question.getByRole('button', { name: 'Seal my answers' }).click();
    const comparison = question.getByTestId('quiz-comparison');
    await expect
      .poll(() => comparison.textContent())
      .toBe(
        'KaiGetting outdoors — Ana guessed Seeing friends ✗ a surprise' +
          'AnaQuiet time alone — Kai guessed Quiet time alone ✓ a match',
      );
    await screenshot(page, 'exercise-partner-quiz-compared');
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps Ana’s quiz answer sealed until she reveals it, when she chose to choose', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await open(page, '#/exercise/inner-world-quiz');
    await page.getByLabel('Let me choose when my answers open').check();
    const question = page.locator('[data-question="recharge"]');
    await question.getByRole('group', { name: 'About you' }).getByLabel('Quiet time alone').check();
    await question.getByRole('group', { name: 'Your guess' }).getByLabel('Seeing friends').check();
    await question.getByRole('button', { name: 'Seal my answers' }).click();

    await passPhone(page, 'Kai');
    await open(page, '#/exercise/inner-world-quiz');
    await question.getByRole('group', { name: 'About you' }).getByLabel('Getting outdoors').check();
    await question
      .getByRole('group', { name: 'Your guess' })
      .getByLabel('Quiet time alone')
      .check();
    await question.getByRole('button', { name: 'Seal my answers' }).click();
    // Both answered: Kai's opened for Ana at once, Ana's waits for her.
    await expect.poll(() => question.textContent()).toContain('Your answers are sealed.');
    expect(await page.getByTestId('quiz-comparison').count()).toBe(0);

    await passPhone(page, 'Ana');
    await open(page, '#/exercise/inner-world-quiz');
    const choice = page.getByTestId('reveal-choice');
    await expect.poll(() => choice.textContent()).toContain('Kai has answered too.');
    await screenshot(page, 'exercise-reveal-choice');
    await choice.getByRole('button', { name: 'Reveal this one' }).click();
    await expect.poll(() => choice.textContent()).not.toContain('Kai has answered too.');

    await passPhone(page, 'Kai');
    await open(page, '#/exercise/inner-world-quiz');
    await expect.poll(() => page.getByTestId('quiz-comparison').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens a sealed answer to Kai only once Kai has answered the same question', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await reachVulnerability(page);
    expect(await stepStatus(page, 'vulnerability')).toBe('available');

    await open(page, '#/exercise/sealed-answers');
    const fear = page.locator('[data-prompt="fear"]');
    await fear.locator('textarea').fill('Ana: spiders, a little.');
    await fear.getByRole('button', { name: 'Seal my answer' }).click();
    await expect.poll(() => fear.textContent()).toContain('Ana: spiders, a little.');

    await passPhone(page, 'Kai');
    await open(page, '#/exercise/sealed-answers');
    expect(await fear.getByTestId('their-answer').textContent()).toBe(
      'Ana has answered. You see their answer only once you have answered too.',
    );
    expect(await page.locator('main').textContent()).not.toContain('spiders');
    await screenshot(page, 'exercise-sealed-answers');

    await fear.locator('textarea').fill('Kai: the dark.');
    await fear.getByRole('button', { name: 'Seal my answer' }).click();
    await expect
      .poll(() => fear.getByTestId('their-answer').textContent())
      .toBe('Ana: Ana: spiders, a little.');
    expect(pageErrors(page)).toEqual([]);
  });

  it('never shows Ana’s private reflection to Kai, and shows what Ana chose to share', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await writeReflection(page, 'what-feels-safe', 'PRIVATE: only for Ana');
    await writeReflection(page, 'unsaid-things', 'SHARED: for Kai too');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.locator('.entry.own .meta').textContent()).toBe('Shared with Kai');

    await passPhone(page, 'Kai');
    for (const screen of [
      '#/path',
      '#/step/safe-space',
      '#/exercise/what-feels-safe',
      '#/step/open-communication',
      '#/exercise/unsaid-things',
    ]) {
      await open(page, screen);
      expect(await page.content()).not.toContain('PRIVATE');
    }
    expect(await page.locator('.entry.theirs').textContent()).toContain('SHARED: for Kai too');

    // Nor after a reload, from what the device stored.
    await page.reload();
    await open(page, '#/exercise/what-feels-safe');
    expect(await page.getByTestId('active-partner').textContent()).toBe('Kai');
    expect(await page.content()).not.toContain('PRIVATE');
    await screenshot(page, 'exercise-reflection-other-partner');

    // Ana still finds her entry.
    await passPhone(page, 'Ana');
    await open(page, '#/exercise/what-feels-safe');
    expect(await page.locator('.entry.own').textContent()).toContain('PRIVATE: only for Ana');
    expect(pageErrors(page)).toEqual([]);
  });

  it('rests joint exercises when Ana chooses to after her private check signals risk, telling Kai nothing of why', async () => {
    const page = await e2e.newPage();
    // Time runs as usual, and can jump: a rest takes effect at the next quarter hour.
    await page.clock.install();
    await onboard(page, e2e.url);
    await open(page, '#/safety');
    const afraid = page.getByRole('group', { name: 'Are you ever afraid of your partner?' });
    await afraid.getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('[data-result]').getAttribute('data-result')).toBe('risk');
    // Nothing rests by itself: the rest is recommended, and Ana chooses.
    expect(await page.locator('.banners').count()).toBe(0);
    await screenshot(page, 'screen-safety-rest-offer');
    await page.getByRole('button', { name: 'Rest the deeper exercises (recommended)' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'rest for both of you from' }).count())
      .toBe(1);
    await screenshot(page, 'screen-safety-result');
    expect(await page.locator('.banners').count()).toBe(0);
    await page.clock.fastForward('15:00');
    await expect
      .poll(() => page.locator('.banners').textContent())
      .toContain('Some exercises are resting for now.');

    await passPhone(page, 'Kai');
    expect(await page.locator('.banners').textContent()).toBe(
      'Some exercises are resting for now.',
    );
    for (const screen of ['#/path', '#/safety', '#/step/safe-space', '#/exercise/safety-check']) {
      await open(page, screen);
      const text = await page.locator('body').textContent();
      expect(text).not.toContain('Thank you for being honest');
      expect(await page.locator('[data-result]').count()).toBe(0);
    }
    // Kai can choose a slower pace too, and sees nothing of Ana's.
    await open(page, '#/pause');
    expect(await page.locator('main').textContent()).not.toContain('You chose');
    await page.getByRole('button', { name: 'Choose a slower pace' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'You chose a slower pace' }).count())
      .toBe(1);
    await screenshot(page, 'screen-pause-slower-pace');
    expect(pageErrors(page)).toEqual([]);
  });

  it('pauses for both, and lets Ana leave with her own data only', async () => {
    const page = await e2e.newPage();
    await onboard(page, e2e.url);
    await writeReflection(page, 'what-feels-safe', 'ANA-OWN-ENTRY');
    await passPhone(page, 'Kai');
    await writeReflection(page, 'what-feels-safe', 'KAI-PRIVATE-ENTRY');
    await open(page, '#/pause');
    await page.getByRole('button', { name: 'Pause for now' }).click();

    await passPhone(page, 'Ana');
    expect(await page.locator('.banners').textContent()).toContain('The program is paused.');
    await open(page, '#/exercise/safe-space-basics');
    expect(await page.locator('.completion button').isDisabled()).toBe(true);
    await open(page, '#/pause');
    await page.getByRole('button', { name: 'Resume the program' }).click();
    await expect.poll(() => page.locator('.banners').count()).toBe(0);

    await open(page, '#/leave');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a copy of my data first' }).click(),
    ]);
    const saved = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(saved)).toMatchObject({
      format: 'attune-partner-export',
      partner: 'partner-1',
    });
    expect(saved).toContain('ANA-OWN-ENTRY');
    expect(saved).not.toContain('KAI-PRIVATE-ENTRY');

    await page.getByRole('button', { name: 'Leave the program' }).click();
    await page
      .getByRole('group', { name: 'Are you sure?' })
      .getByRole('button', {
        name: 'Leave the program',
      })
      .click();
    await expect
      .poll(() => page.locator('.banners').textContent())
      .toContain('You have left the program.');
    await screenshot(page, 'screen-leave-done');

    // Erasing takes Ana's entries off this device for good, and leaves Kai's.
    await page.getByRole('button', { name: 'Erase my entries…' }).click();
    await page.getByRole('button', { name: 'Yes, erase my entries' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'erased' }).count()).toBe(1);
    await page.reload();
    await open(page, '#/exercise/what-feels-safe');
    expect(await page.locator('main').textContent()).not.toContain('ANA-OWN-ENTRY');
    await passPhone(page, 'Kai');
    await open(page, '#/exercise/what-feels-safe');
    expect(await page.locator('.entry.own').textContent()).toContain('KAI-PRIVATE-ENTRY');
    expect(pageErrors(page)).toEqual([]);
  });
});
