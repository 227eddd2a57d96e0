// Runs after tsup: marks each import of an optional peer (i18next) in the built declaration files
// with `@ts-ignore`, so that an app without that peer type-checks with `skipLibCheck: false`. There
// the imported types are `any`; only `createAttuneI18n` uses them, and it needs i18next installed
// to run at all. With the peer installed, its own types are used as before. tsup drops comments
// on imports, which is why this is a step of its own rather than a comment in the source.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};
const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {})
  .filter(([, meta]) => meta.optional)
  .map(([name]) => name);

const marker =
  '// @ts-ignore: optional peer dependency; its types are `any` when it is not installed.';
const escapeRegExp = (name: string): string => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const peerImport = new RegExp(
  `^(?:import|export)\\b.*\\bfrom\\s*['"](?:${optionalPeers.map(escapeRegExp).join('|')})(?:/[^'"]*)?['"];?\\s*$`,
);

const dist = join(packageDir, 'dist');
const declarationFiles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
  file.endsWith('.d.ts'),
);
for (const file of declarationFiles) {
  const path = join(dist, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const marked = lines.flatMap((line, index) =>
    peerImport.test(line) && lines[index - 1] !== marker ? [marker, line] : [line],
  );
  if (marked.length === lines.length) continue;
  writeFileSync(path, marked.join('\n'));
  process.stdout.write(
    `marked ${marked.length - lines.length} optional peer import(s) in dist/${file}\n`,
  );
}
