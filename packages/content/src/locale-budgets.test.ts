/// <reference types="node" />

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type LocaleFiles, readLocalesFolder } from './cli/read-locales.js';
import { isDeckNamespace, sourceLocale } from './namespaces.js';

// Budgets from issue 6, gzip of the minified JSON, which is what an app downloads per file. The
// 30 kB are the program's words, which an app loads as a couple goes through the steps; the decks
// are loaded one at a time when a couple opens one, and have a budget of their own per locale.
const maxFileBytes = 8 * 1024;
const maxSourceLocaleBytes = 30 * 1024;
// The English decks measured 46.4 kB on 2026-12-04 (1,113 prompts in 22 files); translations of
// the program run 13% (Spanish) to 31% (Arabic) above the English, so this leaves room for both.
const maxDeckBytesPerLocale = 72 * 1024;

const locales = readLocalesFolder(fileURLToPath(new URL('../locales', import.meta.url)));
const gzipped = (content: unknown) => gzipSync(JSON.stringify(content)).length;
const totalOf = (files: LocaleFiles | undefined, decks: boolean) =>
  [...(files ?? [])]
    .filter(([namespace]) => isDeckNamespace(namespace) === decks)
    .reduce((sum, [, file]) => sum + gzipped(file.content), 0);

describe('locale size budgets', () => {
  it('keep each locale × namespace file within 8 kB gzipped, deck files included', () => {
    for (const [locale, files] of locales) {
      for (const [namespace, file] of files) {
        expect(gzipped(file.content), `${locale}/${namespace}.json`).toBeLessThanOrEqual(
          maxFileBytes,
        );
      }
    }
  });

  it('keep all of the English program within 30 kB gzipped, decks counted apart', () => {
    expect(totalOf(locales.get(sourceLocale), false)).toBeLessThanOrEqual(maxSourceLocaleBytes);
  });

  it('keep the decks of each locale within 72 kB gzipped', () => {
    expect(totalOf(locales.get(sourceLocale), true), 'the English has decks').toBeGreaterThan(0);
    for (const [locale, files] of locales) {
      expect(totalOf(files, true), `${locale} decks`).toBeLessThanOrEqual(maxDeckBytesPerLocale);
    }
  });
});
