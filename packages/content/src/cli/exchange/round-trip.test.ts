/// <reference types="node" />
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkFolder, readTree, type WorkFolder } from './__fixtures__/locales-folder.js';

// The package's own locales, copied for each test: the tests never write into them.
const shipped = fileURLToPath(new URL('../../../locales', import.meta.url));
const translations = readdirSync(shipped).filter((name) => name !== 'en');

let work: WorkFolder | undefined;
afterEach(() => work?.remove());

function copyOfShipped(): WorkFolder {
  work = createWorkFolder();
  cpSync(shipped, work.dir, { recursive: true });
  return work;
}

describe('export then import', () => {
  it.each(['xliff', 'po'])(
    'leaves every shipped file byte for byte as it was when nothing is edited (%s)',
    (format) => {
      const { dir, run } = copyOfShipped();
      const before = readTree(dir);
      for (const locale of translations) {
        const exported = run(['export', locale, '--format', format]);
        expect(exported.code, exported.stderr).toBe(0);
        const imported = run(['import', join('.translations', locale)]);
        expect(imported.code, imported.stdout).toBe(0);
        // Nothing refused, nothing warned: the shipped translations pass every check.
        expect(imported.stdout).toMatch(/^Nothing to import from 33 files/);
      }
      expect(readTree(dir)).toEqual(before);
    },
    60_000,
  );

  it.each(['xliff', 'po'])(
    'rebuilds each shipped locale from its export into an empty scaffold (%s)',
    (format) => {
      const { dir, run } = copyOfShipped();
      const before = readTree(dir);
      for (const locale of translations) {
        expect(run(['export', locale, '--format', format]).code).toBe(0);
        // Only the texts go; _meta/ keeps the texts meant to stay the same.
        for (const name of readdirSync(join(dir, locale))) {
          if (name.endsWith('.json')) rmSync(join(dir, locale, name));
        }
        expect(run(['new-locale', locale]).code).toBe(0);
        const imported = run(['import', join('.translations', locale)]);
        expect(imported.code, imported.stdout).toBe(0);
        expect(imported.stdout).toContain(`Imported `);
        expect(imported.stdout).not.toContain('warning');
      }
      const after = readTree(dir);
      // Every text comes back in the English key order; the fingerprints now record the English
      // each text was imported from, which may be newer than the one it was first marked with.
      for (const [path, text] of before) {
        if (path.includes('_meta')) continue;
        expect(after.get(path), path).toBe(text);
      }
      expect(run(['check']).code).toBe(0);
    },
    60_000,
  );
});
