/// <reference types="node" />
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import config, { esbuildOptions } from '../tsup.config.js';
import { flatten } from './cli/flatten.js';
import { readLocalesFolder } from './cli/read-locales.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const locales = readLocalesFolder(join(packageDir, 'locales'));

// Emits one locale file the way tsup's esbuild does, in memory: no build, no dist/ touched.
async function emit(file: string, options: (options: BuildOptions) => void): Promise<string> {
  const buildOptions: BuildOptions = {
    absWorkingDir: packageDir,
    entryPoints: [file],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  };
  options(buildOptions);
  const { outputFiles } = await build(buildOptions);
  return outputFiles?.[0]?.text ?? '';
}

describe('build config', () => {
  it('has an entry for every locale × namespace file, deck files included', () => {
    const entry = config.entry as Record<string, string>;
    const files = [...locales].flatMap(([locale, names]) =>
      [...names.keys()].map((namespace) => `locales/${locale}/${namespace}`),
    );
    expect(files).toContain('locales/en/deck-daily-1');
    for (const file of files) expect(entry[file], file).toBe(`${file}.json`);
  });

  it.each([
    ['ja', 'common'],
    ['ar', 'common'],
  ])('emits %s/%s.json as UTF-8, its text unescaped', async (locale, namespace) => {
    const file = `locales/${locale}/${namespace}.json`;
    const text = [...flatten(locales.get(locale)?.get(namespace)?.content).texts.values()].find(
      (value) => /[^\x20-\x7e]/.test(value) && !/["'`\\]/.test(value),
    );
    expect(text, `${file} has text outside ASCII`).toBeDefined();
    // Without the option esbuild escapes it, which is what the config must prevent.
    expect(await emit(file, () => {})).not.toContain(text);
    const emitted = await emit(file, esbuildOptions);
    expect(emitted).toContain(text);
    expect(emitted).not.toMatch(/\\u[0-9a-f]{4}/i);
  });
});
