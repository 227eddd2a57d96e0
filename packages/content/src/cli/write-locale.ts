/// <reference types="node" />
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes namespace files for one locale as `<dir>/<locale>/<namespace>.json`, formatted the way
 * translation tools and reviewers expect: two-space indent, a final newline.
 */
export function writeLocale(
  dir: string,
  locale: string,
  files: ReadonlyMap<string, unknown>,
): void {
  const folder = join(dir, locale);
  mkdirSync(folder, { recursive: true });
  for (const [namespace, content] of files) {
    writeFileSync(join(folder, `${namespace}.json`), `${JSON.stringify(content, null, 2)}\n`);
  }
}
