import { chmodSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import type { Options } from 'tsup';

// Paths from this file rather than the working folder, so that a test can import the config too.
const locales = fileURLToPath(new URL('locales', import.meta.url));

/**
 * Each locale × namespace file is an entry of its own, so that it lands at a stable path such as
 * dist/locales/de/empathy.js: the lazy imports in the index then differ only in the locale and
 * namespace, which compresses far better than hashed chunk names.
 */
export const localeEntries: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(locales, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(`${locales}/${folder.name}`)
        .filter((file) => file.endsWith('.json'))
        .map((file) => [
          `locales/${folder.name}/${file.slice(0, -'.json'.length)}`,
          `locales/${folder.name}/${file}`,
        ]),
    ),
);

/**
 * Emits text as UTF-8: esbuild's default escapes every character outside ASCII (`\u3042`), which
 * makes Arabic and Japanese locale modules two to three times larger before compression, and
 * unreadable. tsup has no option of its own for it; a `charset` key in its config is ignored.
 */
export function esbuildOptions(options: BuildOptions): void {
  options.charset = 'utf8';
}

/**
 * One entry per locale, `@attune/content/locales/<locale>`: the main entry's names with only that
 * locale's files and English, for bundlers that inline every lazy import (Metro).
 */
export const oneLocaleEntries: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(locales, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((folder) => [`locales/${folder.name}`, `src/generated/locales/${folder.name}.ts`]),
);

const publicEntries = {
  index: 'src/index.ts',
  'help/index': 'src/help/index.ts',
  ...oneLocaleEntries,
};

const config: Options = {
  entry: { ...publicEntries, cli: 'src/cli/bin.ts', ...localeEntries },
  format: ['esm'],
  dts: { entry: publicEntries },
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'es2022',
  esbuildOptions,
  onSuccess: async () => {
    chmodSync('dist/cli.js', 0o755);
  },
};

export default config;
