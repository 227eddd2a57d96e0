/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds the `locales` folder shipped with `@attune/content` by walking up from a folder inside the
 * package, so the CLI finds it both from `dist/cli.js` and from its TypeScript source.
 */
export function findPackageLocales(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === '@attune/content') return join(dir, 'locales');
    }
    if (dirname(dir) === dir) return undefined;
  }
}
