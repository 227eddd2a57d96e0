// @vitest-environment node

import { matchLocale, shippedLocales } from '@attune/content';
import { AttuneTextProvider } from '@attune/react/text';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { welcomeWordsOf } from '../first-screen/welcome-words-plugin.js';
import { AppContext, type AppContextValue } from './app-context.js';
import { Welcome } from './welcome.js';
import { LANGUAGE_KEY, pickWords, preloadWelcomeWords } from './welcome-words.js';

const app: AppContextValue = {
  names: {},
  region: undefined,
  setLanguage: () => {},
  setRegion: () => {},
  revealMode: () => 'when-both-answered',
  setRevealMode: () => {},
  report: () => {},
};

/** The welcome screen as HTML, with only the welcome words of a locale, and the keys it missed. */
async function welcomeWithItsWordsOnly(locale: string) {
  const missing: string[] = [];
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: locale,
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    resources: { [locale]: welcomeWordsOf(locale) },
    saveMissing: true,
    missingKeyHandler: (_languages, namespace, key) => missing.push(`${namespace}:${key}`),
  });
  const html = renderToString(
    createElement(
      AttuneTextProvider,
      { i18n },
      createElement(
        AppContext,
        { value: app },
        createElement(Welcome, { onboard: () => {}, problem: undefined }),
      ),
    ),
  );
  return { html, missing };
}

describe('the welcome screen’s words', () => {
  it('are all the welcome screen shows, in every shipped locale', async () => {
    for (const locale of shippedLocales) {
      const { html, missing } = await welcomeWithItsWordsOnly(locale);
      expect(missing, locale).toEqual([]);
      const program = welcomeWordsOf(locale).common?.program;
      const title = typeof program === 'object' ? program.title : undefined;
      expect(title, locale).toBeTypeOf('string');
      expect(html).toContain(`<h1 id="welcome-title">${title}</h1>`);
    }
  });

  it('take a group of keys whole, and a key with its plural forms', () => {
    const words = {
      nav: { label: 'Main', welcome: 'Welcome' },
      done: { together_one: 'one together', together_other: 'all together', alone: 'alone' },
      other: 'not asked for',
    };
    expect(pickWords(words, ['nav', 'done.together'])).toEqual({
      nav: { label: 'Main', welcome: 'Welcome' },
      done: { together_one: 'one together', together_other: 'all together' },
    });
  });

  it('have English words where a locale lacks one, so no key shows', () => {
    const english = welcomeWordsOf('en');
    for (const locale of shippedLocales) {
      const words = welcomeWordsOf(locale);
      for (const namespace of Object.keys(english)) {
        expect(Object.keys(words[namespace] ?? {}), `${locale} ${namespace}`).toEqual(
          Object.keys(english[namespace] ?? {}),
        );
      }
    }
  });
});

describe('preloading the welcome words', () => {
  const files = Object.fromEntries(shippedLocales.map((locale) => [locale, `/${locale}.js`]));

  /** What the page preloads, for a browser language and the language last used on the device. */
  function preloaded(language: string, remembered?: string): string[] {
    const links: { rel?: string; href?: string }[] = [];
    vi.stubGlobal('navigator', { language });
    vi.stubGlobal('localStorage', { getItem: () => remembered ?? null });
    vi.stubGlobal('document', {
      createElement: () => ({}),
      head: { appendChild: (link: { rel?: string; href?: string }) => links.push(link) },
    });
    preloadWelcomeWords(files, LANGUAGE_KEY);
    return links.filter((link) => link.rel === 'modulepreload').map((link) => link.href ?? '');
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('picks the locale the app starts in, as matchLocale does, for any browser language', () => {
    for (const language of [
      'es-MX',
      'de',
      'ar-EG',
      'ja-JP',
      'en-GB',
      'fi-FI',
      'zh_Hant_TW',
      'PT',
    ]) {
      expect(preloaded(language), language).toEqual([`/${matchLocale(language)}.js`]);
    }
  });

  it('prefers the language last used on this device to the browser’s', () => {
    expect(preloaded('en-US', 'ar')).toEqual(['/ar.js']);
  });
});
