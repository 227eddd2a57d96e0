// Where the bytes of a size-limit scenario come from: `pnpm size:why [part of a scenario's name]`.
// Bundles the scenario the way `pnpm size` does, but from the TypeScript sources, and lists each
// source file's share of the minified output, largest first. `pnpm size` stays the measure; this
// says what to look at when a budget is tight.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import scenarios from '../.size-limit.js';
import { root } from './workspace.mjs';

/** The source entry behind a built entry: `packages/x/dist/a/index.js` → `packages/x/src/a/index.ts`. */
function sourceOf(distPath) {
  const base = join(root, distPath.replace('/dist/', '/src/').replace(/\.js$/, ''));
  const found = ['.ts', '.tsx'].map((ext) => base + ext).find((file) => existsSync(file));
  if (!found) throw new Error(`No source file for ${distPath}: looked for ${base}.ts and .tsx`);
  return found;
}

const filter = process.argv[2] ?? '';
const chosen = scenarios.filter((scenario) => scenario.name.includes(filter));
if (chosen.length === 0) {
  console.error(`No scenario's name contains "${filter}". The scenarios are:`);
  for (const scenario of scenarios) console.error(`  ${scenario.name}`);
  process.exit(1);
}

for (const scenario of chosen) {
  if (scenario.path.includes('*')) {
    console.log(`\n${scenario.name}\n  (a set of data files, measured whole by pnpm size)`);
    continue;
  }
  const entry = sourceOf(scenario.path).replaceAll('\\', '/');
  const imported = scenario.import ?? '*';
  const config = {
    stdin: {
      contents: `export ${imported} from ${JSON.stringify(entry)};`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    charset: 'utf8',
    conditions: ['@attune/source'],
    external: scenario.ignore ?? [],
  };
  const result = await build(scenario.modifyEsbuildConfig?.(config) ?? config);
  const output = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const rows = Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: relative(root, join(root, file)),
      bytes: bytesInOutput,
    }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  console.log(`\n${scenario.name}`);
  console.log(
    `  ${output.length} B minified, ${gzipSync(output, { level: 9 }).length} B min+gzip from sources (budget ${scenario.limit})`,
  );
  for (const row of rows) {
    const share = ((100 * row.bytes) / output.length).toFixed(1).padStart(5);
    console.log(`  ${String(row.bytes).padStart(7)} B ${share} %  ${row.file}`);
  }
}
