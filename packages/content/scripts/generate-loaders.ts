// Writes src/generated/loaders.ts and src/generated/deck-loaders.ts, one lazy import() per file in
// locales/<locale>/, the deck files in the second, and the one-locale entries in
// src/generated/locales/. Run by `pnpm --filter @attune/content generate` and before every build;
// a unit test fails when a committed file no longer matches the locale files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckLoadersFile, loadersFile, localeEntryFiles } from '../src/codegen/generated-files.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(packageDir, 'src/generated/locales'), { recursive: true });
for (const file of [
  loadersFile(packageDir),
  deckLoadersFile(packageDir),
  ...localeEntryFiles(packageDir),
]) {
  writeFileSync(join(packageDir, file.path), file.contents);
  process.stdout.write(`wrote ${file.path}\n`);
}
