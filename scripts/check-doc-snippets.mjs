// Type-checks every TypeScript code block in README.md, CONTRIBUTING.md and docs/, and runs the ones
// that are whole programs, so an API change that breaks the documentation fails `pnpm test`. Each
// block becomes its own module; names a snippet assumes from the app (such as `i18n`) are declared
// in docs/scripts/snippet-globals.d.ts, and the files they import that only an app has (such as a
// plugin's locale JSON) in snippet-modules.d.ts. Which blocks run: scripts/doc-snippets/programs.mjs.
// `--list` prints every block and whether it runs, and why not.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { fragmentReasons, markers, runPrograms } from './doc-snippets/programs.mjs';
import { root } from './workspace.mjs';

const list = process.argv.includes('--list');
const runTimeoutMs = 30_000;

// A fresh folder per check, inside the repository so that snippets resolve the workspace packages.
mkdirSync(join(root, '.tmp'), { recursive: true });
const out = mkdtempSync(join(root, '.tmp', 'doc-snippets-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));

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
const snippets = [];
const problems = [];
for (const file of sources) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let block;
  lines.forEach((line, index) => {
    if (!block) {
      const fence = /^```(\w*)(.*)$/.exec(line);
      if (fence) block = { lang: fence[1], info: fence[2].trim(), fence: index + 1, lines: [] };
      return;
    }
    if (!/^```\s*$/.test(line)) {
      block.lines.push(line);
      return;
    }
    if (['ts', 'tsx', 'typescript'].includes(block.lang)) {
      const where = `${relative(root, file)}:${block.fence}`;
      const words = block.info.split(/\s+/).filter(Boolean);
      for (const word of words.filter((word) => !markers.includes(word))) {
        problems.push(
          `${where}: unknown marker \`${word}\` after \`\`\`${block.lang}; use run or no-run`,
        );
      }
      if (words.includes('run') && words.includes('no-run')) {
        problems.push(`${where}: the block is marked both run and no-run`);
      }
      const name = `${relative(root, file).replace(/[/.]/g, '-')}-${block.fence + 1}.${block.lang === 'tsx' ? 'tsx' : 'ts'}`;
      const path = join(out, name);
      writeFileSync(path, `${block.lines.join('\n')}\nexport {};\n`);
      snippets.push({
        where,
        file: relative(root, file),
        start: block.fence + 1,
        words,
        name,
        path,
      });
    }
    block = undefined;
  });
}
const byName = new Map(snippets.map((snippet) => [snippet.name, snippet]));

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

// Point a position in a snippet's module at the Markdown file and line it came from.
function origin(path, line, column) {
  const snippet = byName.get(basename(path));
  const where = snippet
    ? `${snippet.file}:${snippet.start + line - 1}`
    : `${relative(root, path)}:${line}`;
  return column === undefined ? where : `${where}:${column}`;
}

const config = ts.getParsedCommandLineOfConfigFile(
  join(out, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const typeErrors = ts
  .getPreEmitDiagnostics(program)
  .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
  .map((diagnostic) => {
    const message = `error TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${origin(diagnostic.file.fileName, line + 1, character + 1)}: ${message}`;
  });

// Sort the blocks into whole programs and fragments.
const checker = program.getTypeChecker();
const globalsFile = join(root, 'docs', 'scripts', 'snippet-globals.d.ts').replaceAll('\\', '/');
const programs = [];
for (const snippet of snippets) {
  const sourceFile = program.getSourceFile(snippet.path.replaceAll('\\', '/'));
  snippet.reasons = sourceFile ? fragmentReasons(sourceFile, checker, globalsFile) : ['not read'];
  if (snippet.words.includes('no-run')) {
    snippet.verdict = 'no-run (marked)';
  } else if (snippet.reasons.length > 0) {
    snippet.verdict = `fragment: ${snippet.reasons.join('; ')}`;
    if (snippet.words.includes('run')) {
      problems.push(`${snippet.where}: marked run, but it ${snippet.reasons.join('; ')}`);
    }
  } else {
    snippet.verdict = 'runs';
    programs.push(snippet);
  }
}
if (list) for (const snippet of snippets) console.log(`${snippet.where}  ${snippet.verdict}`);

const failures = await runPrograms(programs, { cwd: out, concurrency: 2, timeoutMs: runTimeoutMs });

let failed = false;
if (problems.length > 0) {
  failed = true;
  console.error(`FAIL fences of TypeScript snippets in the docs:\n${problems.join('\n')}\n`);
}
if (typeErrors.length > 0) {
  failed = true;
  console.error(
    `FAIL TypeScript snippets in the docs do not type-check:\n${typeErrors.join('\n')}\n`,
  );
} else {
  console.log(`ok   ${snippets.length} TypeScript snippets in the docs type-check`);
}
if (failures.length > 0) {
  failed = true;
  // Stack traces name the snippet's module (source-mapped by tsx): name the Markdown line instead.
  const folder = out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const located = new RegExp(`(?:file://)?${folder}/([\\w.-]+):(\\d+)(?::(\\d+))?`, 'g');
  for (const { program: snippet, why, output } of failures) {
    const text = output
      .replace(located, (_, name, line, column) =>
        origin(name, Number(line), column && Number(column)),
      )
      .trim();
    console.error(`FAIL ${snippet.where}: the program ${why}\n${text.replace(/^/gm, '    ')}\n`);
  }
  console.error(
    `${failures.length} of ${programs.length} programs in the docs failed. A block that needs a browser, a server, the network or files can be marked \`\`\`ts no-run (see CONTRIBUTING.md).`,
  );
} else {
  console.log(
    `ok   ${programs.length} of the snippets are whole programs, and they run (\`pnpm test:docs --list\` says which)`,
  );
}
process.exit(failed ? 1 : 0);
