/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { flatten } from '../cli/flatten.js';
import { parsePluralKey } from '../cli/plural.js';
import { isDeckNamespace } from '../namespaces.js';

// Type instantiations `tsc --extendedDiagnostics` counts for a small app file that types one
// `t()` call per namespace with AttuneResources. Measured on 2026-11-27 (TypeScript 6.0,
// i18next 27.1, English of 11 namespaces and about 570 keys):
// - untyped i18next, the baseline: 3,638;
// - selector API with `enableSelector: 'optimize'`, the setup the docs recommend: 7,005, which
//   barely grows with the number of keys, since i18next then does no key arithmetic;
// - classic string keys: 138,523 (over a second of check time), since i18next builds the union
//   of every key, about 240 instantiations per key.
// The bounds leave room for the English to double; past them, simplify the type, don't raise them.
// The deck namespaces are not in AttuneResources: with their 1,543 keys in (22 more namespaces),
// string keys took 347,360 on 2026-12-04, all of that room, and selector calls 13,033.
const maxSelectorInstantiations = 20_000;
const maxStringKeyInstantiations = 350_000;

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const work = join(packageDir, '.tmp', 'type-performance');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

type Mode = 'untyped' | 'selector' | 'string-keys';

function englishKeys(): { namespace: string; path: string[]; plural: boolean }[] {
  const folder = join(packageDir, 'locales', 'en');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const namespace = file.slice(0, -'.json'.length);
      if (isDeckNamespace(namespace)) return [];
      const texts = flatten(JSON.parse(readFileSync(join(folder, file), 'utf8'))).texts;
      const first = [...texts.keys()][0];
      if (first === undefined) return [];
      const base = parsePluralKey(first)?.base;
      return [{ namespace, path: (base ?? first).split('.'), plural: base !== undefined }];
    });
}

const accessor = (path: readonly string[]): string =>
  path
    .map((segment) =>
      /^[A-Za-z_$][\w$]*$/.test(segment)
        ? `.${segment}`
        : /^\d+$/.test(segment)
          ? `[${segment}]`
          : `['${segment}']`,
    )
    .join('');

function usageFile(mode: Mode): string {
  const calls = englishKeys().map(({ namespace, path, plural }, index) => {
    const options = `{ ns: '${namespace}'${plural ? ', count: 2' : ''} }`;
    const call =
      mode === 'selector'
        ? `i18n.t(($) => $${accessor(path)}, ${options})`
        : `i18n.t('${path.join('.')}', ${options})`;
    return `export const text${index}: string = ${call};`;
  });
  const wrongKey =
    mode === 'selector'
      ? "i18n.t(($) => $.no.such.key, { ns: 'common' });"
      : "i18n.t('no.such.key', { ns: 'common' });";
  return [
    "import { createInstance } from 'i18next';",
    ...(mode === 'untyped'
      ? []
      : [
          "import type { AttuneResources } from '../../src/generated/resource-types.js';",
          "declare module 'i18next' {",
          '  interface CustomTypeOptions {',
          "    defaultNS: 'common';",
          '    resources: AttuneResources;',
          ...(mode === 'selector' ? ["    enableSelector: 'optimize';"] : []),
          '  }',
          '}',
        ]),
    'const i18n = createInstance();',
    ...calls,
    // Proves the keys are really typed: an unknown key must fail, or tsc reports this line.
    ...(mode === 'untyped' ? [] : ['// @ts-expect-error: a key Attune does not have', wrongKey]),
    '',
  ].join('\n');
}

function measure(mode: Mode): number {
  const dir = join(work, mode);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'usage.ts'), usageFile(mode).replaceAll('../../src/', '../../../src/'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: 'es2022',
        lib: ['es2023'],
        module: 'esnext',
        moduleResolution: 'bundler',
        types: [],
      },
      files: ['usage.ts'],
    }),
  );
  let output: string;
  try {
    output = execFileSync(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], {
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout } = error as { stdout?: string };
    throw new Error(`The ${mode} usage file does not type-check:\n${stdout ?? String(error)}`);
  }
  const match = /Instantiations:\s+(\d+)/.exec(output);
  if (!match) throw new Error(`tsc printed no instantiation count:\n${output}`);
  return Number(match[1]);
}

describe('typed keys', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`type-check selector calls in under ${maxSelectorInstantiations} instantiations`, () => {
    const baseline = measure('untyped');
    const typed = measure('selector');
    expect(typed, `untyped baseline: ${baseline}`).toBeLessThan(maxSelectorInstantiations);
  }, 120_000);

  it(`type-check string-key calls in under ${maxStringKeyInstantiations} instantiations`, () => {
    expect(measure('string-keys')).toBeLessThan(maxStringKeyInstantiations);
  }, 120_000);
});
