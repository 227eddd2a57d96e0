/// <reference types="node" />

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLocalesFolder } from './cli/read-locales.js';
import { sourceLocale } from './namespaces.js';

// Budgets from issue 6, gzip of the minified JSON, which is what an app downloads per file.
const maxFileBytes = 8 * 1024;
const maxSourceLocaleBytes = 30 * 1024;

const locales = readLocalesFolder(fileURLToPath(new URL('../locales', import.meta.url)));
const gzipped = (content: unknown) => gzipSync(JSON.stringify(content)).length;

describe('locale size budgets', () => {
  it('keep each locale × namespace file within 8 kB gzipped', () => {
    for (const [locale, files] of locales) {
      for (const [namespace, file] of files) {
        expect(gzipped(file.content), `${locale}/${namespace}.json`).toBeLessThanOrEqual(
          maxFileBytes,
        );
      }
    }
  });

  it('keep all of the English within 30 kB gzipped', () => {
    const files = [...(locales.get(sourceLocale)?.values() ?? [])];
    const total = files.reduce((sum, file) => sum + gzipped(file.content), 0);
    expect(total).toBeLessThanOrEqual(maxSourceLocaleBytes);
  });
});
