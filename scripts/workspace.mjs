// Shared facts about the workspace for the check scripts: which packages are published and their entries.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published packages, with their folder and manifest. */
export const publishedPackages = ['core', 'content', 'react'].map((folder) => {
  const dir = join(root, 'packages', folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { folder, dir, manifest, name: manifest.name };
});

/** Import specifiers of every code entry point a package exports (not JSON files or package.json). */
export function entrySpecifiers(pkg) {
  return Object.keys(pkg.manifest.exports)
    .filter((subpath) => !subpath.endsWith('.json'))
    .map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));
}
