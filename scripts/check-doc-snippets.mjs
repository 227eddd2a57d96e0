// Type-checks every TypeScript code block in README.md, CONTRIBUTING.md and docs/, so an API change
// that breaks the documentation fails `pnpm test`. Each block becomes its own module; names a snippet
// assumes from the app (such as `i18n`) are declared in docs/scripts/snippet-globals.d.ts, and the
// files they import that only an app has (such as a plugin's locale JSON) in snippet-modules.d.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './workspace.mjs';

const out = join(root, '.tmp', 'doc-snippets');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const sources = [
  join(root, 'README.md'),
  join(root, 'CONTRIBUTING.md'),
  ...markdownFiles(join(root, 'docs')),
];
const origins = new Map();
let count = 0;
for (const file of sources) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let block;
  lines.forEach((line, index) => {
    const fence = /^```(\w+)?\s*$/.exec(line);
    if (!fence) {
      block?.lines.push(line);
      return;
    }
    if (!block) {
      block = { lang: fence[1] ?? '', start: index + 2, lines: [] };
      return;
    }
    if (['ts', 'tsx', 'typescript'].includes(block.lang)) {
      const name = `${relative(root, file).replace(/[/.]/g, '-')}-${block.start}.${block.lang === 'tsx' ? 'tsx' : 'ts'}`;
      writeFileSync(join(out, name), `${block.lines.join('\n')}\nexport {};\n`);
      origins.set(name, { file: relative(root, file), start: block.start });
      count++;
    }
    block = undefined;
  });
}

writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../tsconfig.base.json',
    compilerOptions: {
      jsx: 'react-jsx',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      isolatedDeclarations: false,
      declaration: false,
      noUnusedLocals: false,
    },
    include: ['*.ts', '*.tsx', '../../docs/scripts/*.d.ts'],
  }),
);

try {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', out],
    {
      encoding: 'utf8',
      stdio: 'pipe',
    },
  );
  console.log(`ok   ${count} TypeScript snippets in the docs type-check`);
} catch (error) {
  // Point each error at the Markdown file and line it came from.
  const report = String(error.stdout).replace(
    /^([^(\s]+)\((\d+),(\d+)\)/gm,
    (match, path, line, column) => {
      const origin = origins.get(path.split('/').pop());
      return origin ? `${origin.file}:${origin.start + Number(line) - 1}:${column}` : match;
    },
  );
  console.error(`FAIL TypeScript snippets in the docs do not type-check:\n${report}`);
  process.exit(1);
}
