import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appDir } from './app-server.js';
import { open, pageErrors, setupE2E } from './helpers.js';

// Two couples, each partner with a phone of their own, synced through the example sync server. In
// one, a partner rests the deeper exercises after a safety check that signalled risk; in the other, a
// partner chooses a slower pace for no stated reason. What the server stores, and what the other
// partner's phone shows, must not tell the two apart.
const e2e = setupE2E({ relay: true });

/** The little of better-sqlite3 this file uses, to read the database as its owner could. */
interface ReadOnlyDatabase {
  prepare(sql: string): { all(): unknown[] };
  close(): void;
}

// The sync server's own driver: the web app does not depend on it.
const Database = createRequire(join(appDir, '..', 'sync-server', 'package.json'))(
  'better-sqlite3',
) as new (
  path: string,
  options: { readonly readonly: boolean },
) => ReadOnlyDatabase;

interface Row {
  readonly couple: string;
  readonly type: string | null;
  readonly body: string;
}

/** Every event row the sync server holds, in the order it stored them. */
function storedRows(): Row[] {
  const db = new Database(join(e2e.relayDataDir, 'attune-relay.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT couple_id AS couple, type, body FROM events ORDER BY position')
      .all() as Row[];
  } finally {
    db.close();
  }
}

/**
 * What the server can read of an event row: every field with the kind of value it holds, the
 * sequence number and clock counter, whether the clock sits on a quarter hour, and the sizes of the
 * encrypted payload. Not the values that differ from any couple to the next (ids, times, bytes).
 */
function readableShape(row: Row) {
  const body = JSON.parse(row.body) as Record<string, unknown> & {
    seq: number;
    clock: { wall: number; counter: number };
    encrypted?: Record<string, string>;
  };
  return {
    type: row.type,
    fields: Object.entries(body).map(([key, value]) => [key, typeof value]),
    seq: body.seq,
    counter: body.clock.counter,
    onQuarterHour: body.clock.wall % (15 * 60_000) === 0,
    payload: Object.entries(body.encrypted ?? {}).map(([key, value]) => [
      key,
      key === 'cipher' ? value : value.length,
    ]),
    signature: typeof body.signature === 'string' ? body.signature.length : undefined,
  };
}

/** Pairs a couple with a phone each: `first` creates the couple, `second` joins with the code. */
async function pair(first: Page, second: Page): Promise<void> {
  await first.goto(e2e.url);
  await first.getByLabel('Each on our own phone').check();
  await first.getByLabel('Your name').fill('Ana');
  await first.getByLabel('Your partner’s name').fill('Kai');
  await first.getByRole('button', { name: 'Get our pairing code' }).click();
  const code = await first.getByTestId('pairing-code').textContent();
  await second.goto(e2e.url);
  await second.getByLabel('Each on our own phone').check();
  await second.getByLabel('Join with a code').check();
  await second.getByLabel('Pairing code').fill(code as string);
  await second.getByLabel('Your name').fill('Kai');
  await second.getByLabel('Your partner’s name').fill('Ana');
  await second.getByRole('button', { name: 'Join' }).click();
  for (const page of [first, second]) {
    await waitForSync(page);
    await page.getByRole('button', { name: 'The numbers are the same' }).click();
    await expect.poll(() => page.getByTestId('pairing-check').count()).toBe(0);
  }
}

async function waitForSync(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('sync-status').getAttribute('data-state'))
    .toBe('synced');
}

/** A new couple, its phones' clocks running as usual but able to jump to the rest's quarter hour. */
async function newCouple(): Promise<{ ana: Page; kai: Page }> {
  const ana = await e2e.newPage({ timezoneId: 'Europe/Berlin', serviceWorkers: 'block' });
  const kai = await e2e.newPage({ timezoneId: 'America/New_York', serviceWorkers: 'block' });
  await ana.clock.install();
  await kai.clock.install();
  await pair(ana, kai);
  return { ana, kai };
}

/** The other partner's phone, once the rest is in effect: its banners and what its screens say. */
async function whatThePartnerSees(page: Page): Promise<{ banner: string; screens: string[] }> {
  await page.clock.fastForward('16:00');
  await expect
    .poll(() => page.locator('.banners').textContent())
    .toBe('Some exercises are resting for now.');
  const screens: string[] = [];
  for (const screen of ['#/path', '#/safety', '#/pause']) {
    await open(page, screen);
    screens.push((await page.locator('main').textContent()) ?? '');
  }
  return { banner: (await page.locator('.banners').textContent()) ?? '', screens };
}

/**
 * The rows of the couple paired since `before`. Only the partner who rests has recorded anything
 * there: pairing records no event, and a safety check never leaves the phone.
 */
const rowsSince = (before: readonly Row[]) => {
  const known = new Set(before.map((row) => row.couple));
  return storedRows().filter((row) => !known.has(row.couple));
};

describe('a rest through the sync server', () => {
  it('is stored and shown alike after a safety check that signalled risk and for a slower pace', async () => {
    // Ana takes the check, which signals risk, and chooses the recommended rest.
    const risk = await newCouple();
    await open(risk.ana, '#/safety');
    const afraid = risk.ana.getByRole('group', { name: 'Are you ever afraid of your partner?' });
    await afraid.getByLabel('Yes').check();
    await risk.ana.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => risk.ana.locator('[data-result]').getAttribute('data-result'))
      .toBe('risk');
    await risk.ana.getByRole('button', { name: 'Rest the deeper exercises (recommended)' }).click();
    await waitForSync(risk.ana);
    await expect.poll(() => rowsSince([]).length).toBe(1);
    const afterRisk = storedRows();
    const riskRows = rowsSince([]);
    const kaiSees = await whatThePartnerSees(risk.kai);

    // In another couple, Kai chooses a slower pace, with no check at all.
    const pace = await newCouple();
    await open(pace.kai, '#/pause');
    await pace.kai.getByRole('button', { name: 'Choose a slower pace' }).click();
    await waitForSync(pace.kai);
    await expect.poll(() => rowsSince(afterRisk).length).toBe(1);
    const paceRows = rowsSince(afterRisk);
    const anaSees = await whatThePartnerSees(pace.ana);

    // The server holds one row for each rest, the check stays on Ana's phone, and the two rows show
    // the same fields, kinds, sequence number and sizes: no type, no visibility, no reason.
    expect(riskRows.map(readableShape)).toEqual(paceRows.map(readableShape));
    const [shape] = paceRows.map(readableShape);
    expect(shape).toMatchObject({ type: null, onQuarterHour: true });
    expect(shape?.fields.map(([key]) => key)).toEqual([
      'id',
      'partner',
      'device',
      'seq',
      'clock',
      'encrypted',
      'signature',
    ]);
    for (const row of [...riskRows, ...paceRows]) {
      expect(row.body).not.toMatch(/"(type|visibility|data)"|safety-(rest|check)/);
    }

    // The other partner's phone shows the same words either way, and nothing of a check.
    expect(kaiSees.banner).toBe(anaSees.banner);
    for (const text of [...kaiSees.screens, ...anaSees.screens]) {
      expect(text).not.toContain('Thank you for being honest');
      expect(text).not.toContain('You chose a slower pace');
    }
    for (const page of [risk.ana, risk.kai, pace.ana, pace.kai])
      expect(pageErrors(page)).toEqual([]);
  });
});
