import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { markDone, writeReflection } from './flows.js';
import { open, pageErrors, screenshot, seriousViolations, setupE2E } from './helpers.js';

// Two partners, each with their own phone (a browser context each, with its own storage), synced
// through the example sync server that the test starts.
const e2e = setupE2E({ relay: true });

/** Every body the sync server sent to this page, to search for what must never reach it. */
function relayResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/relay/')) return;
    try {
      bodies.push(await response.text());
    } catch {
      // A response the page navigated away from has no body left to read.
    }
  });
  return bodies;
}

/** Everything the sync server has written to disk (its SQLite file and journal), as text. */
function relayDisk(): string {
  const dir = e2e.relayDataDir;
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file)).toString('latin1'))
    .join('\n');
}

/**
 * Every record in every IndexedDB database of the page's origin, as JSON text: what someone with the
 * phone and the browser's developer tools could read.
 */
async function indexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const dump: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await ask(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await ask(db.transaction(store, 'readonly').objectStore(store).getAll());
        // Keys and crypto handles do not serialise; the words would be in plain records.
        dump.push(name, store, JSON.parse(JSON.stringify(records)));
      }
      db.close();
    }
    // Records that hold JSON text are searched as the JSON they hold.
    return JSON.stringify(dump).replaceAll('\\"', '"');
  });
}

/** Whether a request is an upload to the sync server (`POST`) or a pull from it (`GET`). */
const eventsOf = (method: 'GET' | 'POST') => (route: Route) =>
  route.request().method() === method &&
  /^\/relay\/couples\/[^/]+\/events$/.test(new URL(route.request().url()).pathname);

/** The events of a sync body, as JSON carries them. */
type Carried = { events: { clock: { wall: number }; signature?: string }[] };

async function chooseOwnPhones(page: Page): Promise<void> {
  await page.goto(e2e.url);
  await page.getByLabel('Each on our own phone').check();
}

async function waitForSync(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('sync-status').getAttribute('data-state'))
    .toBe('synced');
}

/**
 * Ana starts on her phone, Kai joins with the code on his; both end up on the path, and find the
 * same pairing check on both phones unless told to leave that to the test.
 */
async function pair(ana: Page, kai: Page, compare = true): Promise<void> {
  await chooseOwnPhones(ana);
  await ana.getByLabel('Your name').fill('Ana');
  await ana.getByLabel('Your partner’s name').fill('Kai');
  await ana.getByRole('button', { name: 'Get our pairing code' }).click();
  const code = await ana.getByTestId('pairing-code').textContent();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await screenshot(ana, 'two-phones-pairing-code');
  expect(await seriousViolations(ana)).toEqual([]);
  // A reload while waiting keeps the same code, so Kai never joins a couple no phone holds.
  await ana.reload();
  await ana.getByLabel('Each on our own phone').check();
  expect(await ana.getByTestId('pairing-code').textContent()).toBe(code);

  await chooseOwnPhones(kai);
  await kai.getByLabel('Join with a code').check();
  await kai.getByLabel('Pairing code').fill(code as string);
  await kai.getByLabel('Your name').fill('Kai');
  await kai.getByLabel('Your partner’s name').fill('Ana');
  expect(await seriousViolations(kai)).toEqual([]);
  await kai.getByRole('button', { name: 'Join' }).click();

  await expect.poll(() => ana.getByTestId('active-partner').textContent()).toBe('Ana');
  await expect.poll(() => kai.getByTestId('active-partner').textContent()).toBe('Kai');
  await waitForSync(ana);
  await waitForSync(kai);
  expect(await seriousViolations(kai)).toEqual([]);

  // Both phones derived their shared key; the number each shows proves they hold each other's.
  const onAna = await ana.getByTestId('pairing-check').textContent();
  expect(onAna).toMatch(/^\d{4} \d{4} \d{4}$/);
  expect(await kai.getByTestId('pairing-check').textContent()).toBe(onAna);
  expect(await seriousViolations(ana)).toEqual([]);
  await screenshot(ana, 'two-phones-pairing-check');
  if (!compare) return;
  for (const page of [ana, kai]) {
    await page.getByRole('button', { name: 'The numbers are the same' }).click();
    await expect.poll(() => page.getByTestId('pairing-check').count()).toBe(0);
  }
}

/** What the exercise screen says about one partner's completions, such as "Ana: not yet". */
async function doneLine(page: Page, exercise: string, name: string): Promise<string> {
  await open(page, `#/exercise/${exercise}`);
  const line = page.getByTestId('done-count').locator('li', { hasText: `${name}:` });
  return (await line.textContent()) ?? '';
}

describe('a couple with a phone each, through the sync server', () => {
  it('shares progress and sealed answers, and never sends a private reflection', async () => {
    const ana = await e2e.newPage({ timezoneId: 'Europe/Berlin' });
    const kai = await e2e.newPage({ timezoneId: 'America/New_York' });
    const kaiReceived = relayResponses(kai);
    await pair(ana, kai);
    // No pass-the-phone on a phone of one's own.
    expect(await ana.getByRole('button', { name: /Pass the phone/ }).count()).toBe(0);

    await markDone(ana, 'safe-space-basics');
    await expect.poll(() => doneLine(kai, 'safe-space-basics', 'Ana')).not.toContain('not yet');

    // A sealed quiz answer: Kai learns only that Ana answered, until Kai answers too.
    await open(ana, '#/exercise/inner-world-quiz');
    const anaQuestion = ana.locator('[data-question="recharge"]');
    await anaQuestion
      .getByRole('group', { name: 'About you' })
      .getByLabel('Quiet time alone')
      .check();
    await anaQuestion
      .getByRole('group', { name: 'Your guess' })
      .getByLabel('Seeing friends')
      .check();
    await anaQuestion.getByRole('button', { name: 'Seal my answers' }).click();
    await waitForSync(ana);

    const kaiQuestion = kai.locator('[data-question="recharge"]');
    await expect
      .poll(async () => {
        await open(kai, '#/exercise/inner-world-quiz');
        return kaiQuestion.textContent();
      })
      .toContain('Ana has answered. You see their answer only once you have answered too.');
    expect(await kai.getByTestId('quiz-comparison').count()).toBe(0);
    expect(kaiReceived.join('\n')).not.toContain('Quiet time alone');
    // Sealed by construction: Kai's phone holds only the mark of Ana's answer, not her picks.
    const kaiStorage = await indexedDbText(kai);
    expect(kaiStorage).toContain('"answer-sealed"');
    expect(kaiStorage).not.toContain('"type":"quiz-answered"');
    expect(kaiStorage).not.toMatch(/"self":"alone"|"guess":"friends"/);
    await kaiQuestion
      .getByRole('group', { name: 'About you' })
      .getByLabel('Getting outdoors')
      .check();
    await kaiQuestion
      .getByRole('group', { name: 'Your guess' })
      .getByLabel('Quiet time alone')
      .check();
    await kaiQuestion.getByRole('button', { name: 'Seal my answers' }).click();
    await expect.poll(() => kai.getByTestId('quiz-comparison').count()).toBe(1);
    await expect
      .poll(async () => {
        await open(ana, '#/exercise/inner-world-quiz');
        return ana.getByTestId('quiz-comparison').count();
      })
      .toBe(1);
    // Once both answered, Ana's phone revealed hers: now Kai's phone holds it.
    expect(await indexedDbText(kai)).toMatch(/"self":"alone"/);
    await screenshot(ana, 'two-phones-quiz-revealed');

    // A private reflection stays on Ana's phone: not on Kai's screen, not in anything Kai received.
    await writeReflection(ana, 'what-feels-safe', 'ANA-PRIVATE-ON-HER-PHONE');
    await markDone(ana, 'what-feels-safe');
    await waitForSync(ana);
    await expect.poll(() => doneLine(kai, 'what-feels-safe', 'Ana')).not.toContain('not yet');
    expect(await kai.content()).not.toContain('ANA-PRIVATE-ON-HER-PHONE');
    expect(kaiReceived.length).toBeGreaterThan(0);
    expect(kaiReceived.join('\n')).not.toContain('ANA-PRIVATE-ON-HER-PHONE');
    await screenshot(kai, 'two-phones-kai-path');

    // Shared, it reaches Kai's screen; the server carried it without being able to read it.
    await writeReflection(ana, 'what-feels-safe', 'ANA-SHARED-WITH-KAI');
    await ana
      .locator('.entry.own', { hasText: 'ANA-SHARED-WITH-KAI' })
      .getByRole('button', { name: 'Share' })
      .click();
    await waitForSync(ana);
    await expect
      .poll(async () => {
        await open(kai, '#/exercise/what-feels-safe');
        return kai.locator('.entries').allTextContents();
      })
      .toContainEqual(expect.stringContaining('ANA-SHARED-WITH-KAI'));
    const disk = relayDisk();
    // The server did store the couple's events (their ids are readable)…
    expect(disk).toContain('"encrypted"');
    // …but not which kind of event each is, nor what anyone wrote.
    expect(disk).not.toContain('entry-shared');
    expect(disk).not.toContain('ANA-SHARED-WITH-KAI');
    expect(kaiReceived.join('\n')).not.toContain('ANA-SHARED-WITH-KAI');
    expect(disk).not.toContain('ANA-PRIVATE-ON-HER-PHONE');

    expect(pageErrors(ana)).toEqual([]);
    expect(pageErrors(kai)).toEqual([]);
  });

  it('gives a waiting couple a new code once the first runs out, and refuses the old one', async () => {
    const ana = await e2e.newPage();
    const kai = await e2e.newPage();
    await chooseOwnPhones(ana);
    await ana.getByLabel('Your name').fill('Ana');
    await ana.getByLabel('Your partner’s name').fill('Kai');
    await ana.getByRole('button', { name: 'Get our pairing code' }).click();
    const first = await ana.getByTestId('pairing-code').textContent();

    // A day and an hour on, past the code's day, on Ana's phone; its timers keep running.
    await ana.clock.setFixedTime(Date.now() + 25 * 3_600_000);
    await expect.poll(() => ana.getByTestId('pairing-code').textContent()).not.toBe(first);
    const renewed = await ana.getByTestId('pairing-code').textContent();

    await chooseOwnPhones(kai);
    await kai.getByLabel('Join with a code').check();
    await kai.getByLabel('Your name').fill('Kai');
    await kai.getByLabel('Your partner’s name').fill('Ana');
    await kai.getByLabel('Pairing code').fill(first as string);
    await kai.getByRole('button', { name: 'Join' }).click();
    await expect
      .poll(() => kai.locator('form [role="alert"]').textContent())
      .toContain('No couple is waiting with this code.');
    await kai.getByLabel('Pairing code').fill(renewed as string);
    await kai.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => kai.getByTestId('active-partner').textContent()).toBe('Kai');
    await expect.poll(() => ana.getByTestId('active-partner').textContent()).toBe('Ana');
  });

  it('forgets a waiting couple when its creator starts over: the old code no longer joins', async () => {
    const ana = await e2e.newPage();
    const kai = await e2e.newPage();
    await chooseOwnPhones(ana);
    await ana.getByLabel('Your name').fill('Ana');
    await ana.getByLabel('Your partner’s name').fill('Kai');
    await ana.getByRole('button', { name: 'Get our pairing code' }).click();
    const code = await ana.getByTestId('pairing-code').textContent();
    await ana.getByRole('button', { name: 'Start over' }).click();
    await ana.getByRole('button', { name: 'Get our pairing code' }).waitFor();

    await chooseOwnPhones(kai);
    await kai.getByLabel('Join with a code').check();
    await kai.getByLabel('Your name').fill('Kai');
    await kai.getByLabel('Your partner’s name').fill('Ana');
    await kai.getByLabel('Pairing code').fill(code as string);
    await kai.getByRole('button', { name: 'Join' }).click();
    await expect
      .poll(() => kai.locator('form [role="alert"]').textContent())
      .toContain('No couple is waiting with this code.');
    expect(pageErrors(ana)).toEqual([]);
  });

  it('sends what a partner did offline once back online, and an erasure to the other phone', async () => {
    const ana = await e2e.newPage();
    const kai = await e2e.newPage({ timezoneId: 'Asia/Kolkata' });
    await pair(ana, kai);

    // The example has no service worker: the screen's code loads before the network goes.
    await open(kai, '#/exercise/safe-space-basics');
    await kai.context().setOffline(true);
    await markDone(kai, 'safe-space-basics');
    await expect
      .poll(() => kai.getByTestId('sync-status').getAttribute('data-state'))
      .toBe('offline');
    await screenshot(kai, 'two-phones-offline');
    // Only on Kai's phone for now.
    expect(await doneLine(kai, 'safe-space-basics', 'Kai')).not.toContain('not yet');
    expect(await doneLine(ana, 'safe-space-basics', 'Kai')).toContain('not yet');

    await kai.context().setOffline(false);
    await waitForSync(kai);
    await expect.poll(() => doneLine(ana, 'safe-space-basics', 'Kai')).not.toContain('not yet');

    // Kai leaves and erases his entries: they go from Ana's phone too, through the server.
    await open(kai, '#/leave');
    await kai.getByRole('button', { name: 'Leave the program' }).click();
    await kai
      .getByRole('group', { name: 'Are you sure?' })
      .getByRole('button', { name: 'Leave the program' })
      .click();
    await kai.getByRole('button', { name: 'Erase my entries…' }).click();
    await kai.getByRole('button', { name: 'Yes, erase my entries' }).click();
    await expect.poll(() => kai.getByRole('status').filter({ hasText: 'erased' }).count()).toBe(1);
    await expect.poll(() => doneLine(ana, 'safe-space-basics', 'Kai')).toContain('not yet');
    expect(pageErrors(ana)).toEqual([]);
    // Going offline makes the browser log failed requests; only script errors count here.
    expect(pageErrors(kai).filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  });

  it('signs what each phone sends, and refuses what was changed on the way, on the server and on the phone', async () => {
    // Without the service worker, whose fetches the routes below could not see.
    const ana = await e2e.newPage({ serviceWorkers: 'block' });
    const kai = await e2e.newPage({ serviceWorkers: 'block' });
    const kaiReceived = relayResponses(kai);
    await pair(ana, kai);

    // A signed event reaches Kai's phone: every event the server hands on carries its signature.
    await markDone(ana, 'safe-space-basics');
    await expect.poll(() => doneLine(kai, 'safe-space-basics', 'Ana')).not.toContain('not yet');
    const pulled = kaiReceived
      .filter((body) => body.includes('"format":"attune-sync"'))
      .flatMap((body) => (JSON.parse(body) as Carried).events);
    expect(pulled.length).toBeGreaterThan(0);
    for (const event of pulled) expect(event.signature).toMatch(/^[\w-]{86}$/);

    // On the way to Kai's phone, a page is changed: what Ana did, an hour earlier.
    const moveBack = async (route: Route) => {
      if (!eventsOf('GET')(route)) return route.fallback();
      const response = await route.fetch();
      const page = (await response.json()) as Carried;
      for (const event of page.events) event.clock.wall -= 3_600_000;
      return route.fulfill({ response, json: page });
    };
    await kai.route('**/relay/**', moveBack);
    await markDone(ana, 'what-feels-safe');
    await waitForSync(ana);
    await expect
      .poll(() => kai.getByTestId('sync-status').textContent())
      .toContain('is not signed, as it is, by your phone or Ana’s');
    expect(await doneLine(kai, 'what-feels-safe', 'Ana')).toContain('not yet');
    await screenshot(kai, 'two-phones-tampered-refused');
    // Once what arrives is what Ana's phone signed, it is taken in.
    await kai.unroute('**/relay/**', moveBack);
    await waitForSync(kai);
    await expect.poll(() => doneLine(kai, 'what-feels-safe', 'Ana')).not.toContain('not yet');

    // On the way to the server, an upload is changed: the server refuses it and stores nothing.
    const alter = async (route: Route) => {
      if (!eventsOf('POST')(route)) return route.fallback();
      const batch = route.request().postDataJSON() as Carried;
      for (const event of batch.events) event.clock.wall -= 3_600_000;
      return route.continue({ postData: JSON.stringify(batch) });
    };
    await ana.route('**/relay/**', alter);
    await markDone(ana, 'safe-space-basics');
    await expect
      .poll(() => ana.getByTestId('sync-status').textContent())
      .toContain('The sync server turned down part of what this phone sent');
    await kai.waitForTimeout(4_000);
    expect(await doneLine(kai, 'safe-space-basics', 'Ana')).not.toContain('2×');
    await ana.unroute('**/relay/**', alter);
    await waitForSync(ana);
    await expect.poll(() => doneLine(kai, 'safe-space-basics', 'Ana')).toContain('2×');
    await waitForSync(kai);
    // The browser logs the server's refusals of the altered uploads; only script errors count here.
    expect(pageErrors(ana).filter((error) => !/status of 403/.test(error))).toEqual([]);
    expect(pageErrors(kai)).toEqual([]);
  });

  it('stops syncing on a phone whose partners found different pairing checks', async () => {
    const ana = await e2e.newPage();
    const kai = await e2e.newPage();
    await pair(ana, kai, false);
    await ana.getByRole('button', { name: 'The numbers are the same' }).click();
    await kai.getByRole('button', { name: 'The numbers differ' }).click();
    await expect.poll(() => kai.getByTestId('pairing-check').count()).toBe(0);
    await expect
      .poll(() => kai.getByTestId('sync-status').textContent())
      .toContain('Syncing is off on this phone');

    // Kai's work stays on his phone, and Ana's no longer reaches it, through reloads too.
    await markDone(kai, 'safe-space-basics');
    await markDone(ana, 'what-feels-safe');
    await waitForSync(ana);
    await kai.reload();
    await expect
      .poll(() => kai.getByTestId('sync-status').getAttribute('data-state'))
      .toBe('failed');
    // Three of Ana's polls (every 3 s) would have brought it to a syncing phone.
    await ana.waitForTimeout(10_000);
    expect(await doneLine(kai, 'what-feels-safe', 'Ana')).toContain('not yet');
    expect(await doneLine(ana, 'safe-space-basics', 'Kai')).toContain('not yet');
    expect(pageErrors(kai)).toEqual([]);
  });
});
