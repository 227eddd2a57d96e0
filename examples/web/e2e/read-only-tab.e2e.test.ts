import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { markDone, stepStatus } from './flows.js';
import { onboard, open, pageErrors, setupE2E } from './helpers.js';

const e2e = setupE2E();

/** The alert under the header, where the app says why something was not saved. */
const alertText = (page: Page) => page.locator('#root > [role="alert"]').textContent();

describe('the app open in two tabs', () => {
  it('lets only one tab record; the other shows the history, says why, and records nothing', async () => {
    const writer = await e2e.newPage();
    await onboard(writer, e2e.url);
    await markDone(writer, 'safe-space-basics');

    // The same browser profile: the first tab holds the history's write lock.
    const reader = await writer.context().newPage();
    await reader.goto(e2e.url);
    await expect.poll(() => reader.getByTestId('active-partner').textContent()).toBe('Ana');
    await expect
      .poll(() => alertText(reader))
      .toContain('Nothing you do in this tab is saved: Attune is open in another tab or window');
    expect(await stepStatus(reader, 'safe-space')).toBe('in-progress');

    await open(reader, '#/exercise/what-feels-safe');
    const count = reader.getByTestId('done-count');
    const before = await count.textContent();
    await reader.locator('.completion button.primary').click();
    await expect
      .poll(() => alertText(reader))
      .toContain('Not saved: this tab only shows what you have done so far.');
    expect(await count.textContent()).toBe(before);

    // The writing tab goes on recording, and once it is closed the other one takes over.
    await markDone(writer, 'what-feels-safe');
    await writer.close();
    await reader.reload();
    await expect.poll(() => reader.getByTestId('active-partner').textContent()).toBe('Ana');
    await expect.poll(() => count.textContent()).toBe('Ana: done onceKai: not yet');
    await markDone(reader, 'what-feels-safe');
    expect(await count.textContent()).toBe('Ana: done 2×Kai: not yet');
    // (Closed at once, the first tab may not have written its index: the store then says it rebuilt it.)
    expect(await alertText(reader)).not.toContain('this tab');
    expect(pageErrors(reader)).toEqual([]);
  });
});
