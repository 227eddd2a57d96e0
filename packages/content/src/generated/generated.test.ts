/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  deckLoadersFile,
  type GeneratedFile,
  loadersFile,
  localeEntryFiles,
  resourceTypesFile,
} from '../codegen/generated-files.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

describe('generated files', () => {
  it.each<[string, (packageDir: string) => GeneratedFile]>([
    ['loaders', loadersFile],
    ['deck loaders', deckLoadersFile],
    ['resource types', resourceTypesFile],
    ...localeEntryFiles(packageDir).map((file): [string, () => GeneratedFile] => [
      `the one-locale entry ${file.path}`,
      () => file,
    ]),
  ])(
    '%s match the locale files; run `pnpm --filter @attune/content generate` when this fails',
    (_, generate) => {
      const file = generate(packageDir);
      const committed = readFileSync(join(packageDir, file.path), 'utf8');
      expect(committed, `${file.path} is stale`).toBe(file.contents);
    },
  );
});
