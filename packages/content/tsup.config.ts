import { chmodSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Each locale × namespace file is an entry of its own, so that it lands at a stable path such as
// dist/locales/de/empathy.js: the lazy imports in the index then differ only in the locale and
// namespace, which compresses far better than hashed chunk names.
const localeEntries = Object.fromEntries(
  readdirSync('locales', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(`locales/${folder.name}`)
        .filter((file) => file.endsWith('.json'))
        .map((file) => [
          `locales/${folder.name}/${file.slice(0, -'.json'.length)}`,
          `locales/${folder.name}/${file}`,
        ]),
    ),
);

const publicEntries = { index: 'src/index.ts', 'help/index': 'src/help/index.ts' };

export default defineConfig({
  entry: { ...publicEntries, cli: 'src/cli/bin.ts', ...localeEntries },
  format: ['esm'],
  dts: { entry: publicEntries },
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'es2022',
  charset: 'utf8',
  onSuccess: async () => {
    chmodSync('dist/cli.js', 0o755);
  },
});
