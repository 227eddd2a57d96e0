/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { oneLocaleEntries } from '../tsup.config.js';
import { readLocalesFolder } from './cli/read-locales.js';
import * as main from './index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const locales = [...readLocalesFolder(join(packageDir, 'locales')).keys()].sort();
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, string>>;
};
const entry = (locale: string) => import(`./generated/locales/${locale}.ts`);

/** Every locale file an entry can reach, following static and lazy imports, as a bundler would. */
async function bundledLocaleFiles(locale: string): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: packageDir,
    entryPoints: [`src/generated/locales/${locale}.ts`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['i18next'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs)
    .filter((input) => input.startsWith('locales/'))
    .sort();
}

describe('one-locale entries', () => {
  it('exist for every shipped locale, in the exports and the build', () => {
    expect(locales).toEqual([...main.shippedLocales].sort());
    for (const locale of locales) {
      expect(manifest.exports[`./locales/${locale}`], locale).toEqual({
        '@attune/source': `./src/generated/locales/${locale}.ts`,
        types: `./dist/locales/${locale}.d.ts`,
        default: `./dist/locales/${locale}.js`,
      });
      expect(oneLocaleEntries[`locales/${locale}`]).toBe(`src/generated/locales/${locale}.ts`);
    }
  });

  it.each(locales)(
    '%s has every name of the main entry, so it can stand in for it',
    async (locale) => {
      expect(Object.keys(await entry(locale)).sort()).toEqual(Object.keys(main).sort());
    },
  );

  it.each(locales)('%s reaches only its own files and English ones', async (locale) => {
    const files = await bundledLocaleFiles(locale);
    const reached = new Set(files.map((file) => file.split('/')[1]));
    expect([...reached].sort()).toEqual([...new Set(['en', locale])].sort());
    // All of them: the program's words and the decks.
    const expected = readLocalesFolder(join(packageDir, 'locales'));
    for (const code of reached) {
      expect(files.filter((file) => file.startsWith(`locales/${code}/`))).toHaveLength(
        expected.get(code as string)?.size ?? 0,
      );
    }
  });

  it.each(locales)('%s loads every file of its locales as the main entry does', async (locale) => {
    const one = await entry(locale);
    const all = [...main.namespaces, ...main.deckNamespaces];
    for (const code of one.shippedLocales as string[]) {
      for (const namespace of all) {
        expect(await one.loadResources(code, namespace), `${code}/${namespace}`).toEqual(
          await main.loadResources(code, namespace),
        );
      }
    }
    expect(one.matchLocale(`${locale}-ZZ`)).toBe(locale);
    const bundles: string[] = [];
    const target = {
      language: `${locale}-ZZ`,
      addResourceBundle: (language: string, namespace: string) => {
        bundles.push(`${language}/${namespace}`);
      },
    };
    expect(await one.addAttuneResources(target)).toEqual({ locale, namespaces: main.namespaces });
    expect(bundles).toContain(`${locale}/common`);
    const i18n = await one.createAttuneI18n({ locale, namespaces: ['common'] });
    const reference = await main.createAttuneI18n({ locale, namespaces: ['common'] });
    expect(i18n.t('program.title')).toBe(reference.t('program.title'));
  });

  it('loads its own locale, falls back to English, and has no other', async () => {
    const german = await entry('de');
    expect(german.shippedLocales).toEqual(['en', 'de']);
    expect(german.matchLocale('de-AT')).toBe('de');
    expect(german.matchLocale('ja')).toBe('en');
    expect(await german.loadResources('ja', 'common')).toBeUndefined();
    expect(await german.loadResources('de', 'common')).toEqual(
      await main.loadResources('de', 'common'),
    );
    expect(await german.loadResources('de', 'deck-empathy')).toEqual(
      await main.loadResources('de', 'deck-empathy'),
    );

    const i18n = await german.createAttuneI18n({ locale: 'de-AT', namespaces: ['common'] });
    expect(i18n.t('program.title')).toBe(
      (await main.createAttuneI18n({ locale: 'de', namespaces: ['common'] })).t('program.title'),
    );
    const english = await entry('en');
    const added = await english.addAttuneResources(i18n, { locale: 'ja', namespaces: ['safety'] });
    expect(added).toEqual({ locale: 'en', namespaces: ['safety'] });
    expect(english.textDirection('ar')).toBe('rtl');
  });
});
