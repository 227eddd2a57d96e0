import { createEngine, nineStepProgram } from '@attune/core';
import { AttuneProvider } from '@attune/react';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_NAMESPACE } from '../app-text.js';
import en from '../locales/en/app.json';
import ja from '../locales/ja/app.json';
import type { SyncState } from './relay-sync.js';
import { SyncStatus } from './sync-status.js';

const couple = {
  id: 'couple-1',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'Asia/Tokyo' },
  ],
  startedAt: Date.UTC(2026, 0, 5),
} as const;

/** The status line as the shell renders it, in one locale, as text. */
async function statusLine(state: SyncState, locale: 'en' | 'ja'): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [APP_NAMESPACE],
    interpolation: { escapeValue: false },
    resources: { en: { [APP_NAMESPACE]: en }, ja: { [APP_NAMESPACE]: ja } },
  });
  const engine = createEngine({ program: nineStepProgram, couple, device: 'ana-phone' });
  const html = renderToString(
    createElement(
      AttuneProvider,
      { engine, partner: 'ana', i18n },
      createElement(SyncStatus, { state, partner: 'Kai' }),
    ),
  );
  return html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");
}

describe('SyncStatus', () => {
  it('says a refusal it knows in the couple’s language, not the server’s English', async () => {
    const state: SyncState = {
      status: 'failed',
      code: 'rate-limited',
      message: 'Too many requests in a short time (Authorization). Wait 3 s and try again',
    };
    expect(await statusLine(state, 'en')).toBe(en.sync.problem['rate-limited']);
    expect(await statusLine(state, 'ja')).toBe(ja.sync.problem['rate-limited']);
  });

  it('names the other partner where the words need them', async () => {
    const state: SyncState = { status: 'failed', code: 'not-paired', message: 'not paired' };
    expect(await statusLine(state, 'ja')).toBe(
      ja.sync.problem['not-paired'].replace('{{name}}', 'Kai'),
    );
  });

  it('keeps the server’s own message for a code it does not know', async () => {
    const state: SyncState = {
      status: 'failed',
      code: 'something-new',
      message: 'Something new went wrong (path). Try this',
    };
    expect(await statusLine(state, 'en')).toBe(
      'Sync stopped: Something new went wrong (path). Try this',
    );
    expect(await statusLine({ status: 'failed', message: 'Unreadable page' }, 'ja')).toBe(
      ja.sync.failed.replace('{{message}}', 'Unreadable page'),
    );
  });
});
