// Which documentation snippets are whole programs, and running them. The rule, as CONTRIBUTING.md
// states it: a `ts` block runs unless it is a fragment — it assumes something from an app (a
// `declare`, a name from docs/scripts/snippet-globals.d.ts, a relative import), is a test (imports
// vitest), or holds only types. `tsx` blocks are components and do not run. The fence's info string
// can say `run` (fail unless the block runs) or `no-run` (a whole program that needs a browser, a
// server, the network or files, so the check must not run it).
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import ts from 'typescript';

export const markers = ['run', 'no-run'];

/** Why a snippet cannot run on its own; an empty list means it is a whole program. */
export function fragmentReasons(sourceFile, checker, globalsFile) {
  const reasons = new Set();
  const assumed = new Set();
  const used = new Set();
  if (sourceFile.fileName.endsWith('.tsx')) reasons.add('is a component module (tsx)');
  let runtime = false;
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const from = statement.moduleSpecifier.text;
      if (from.startsWith('.') || from.startsWith('/')) {
        reasons.add(`imports '${from}', a file of the app`);
      } else if (from === 'vitest' || from.startsWith('vitest/')) {
        reasons.add('is a test (imports vitest)');
      }
      if (!statement.importClause?.isTypeOnly) runtime = true;
      continue;
    }
    const ambient = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Ambient;
    if (ambient && !ts.isModuleDeclaration(statement)) {
      const names = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((declaration) => declaration.name.getText())
        : [statement.name?.getText() ?? 'something'];
      for (const name of names) assumed.add(name);
      continue;
    }
    if (
      !ambient &&
      !ts.isInterfaceDeclaration(statement) &&
      !ts.isTypeAliasDeclaration(statement) &&
      !(
        ts.isExportDeclaration(statement) &&
        (statement.isTypeOnly ||
          (!statement.moduleSpecifier && statement.exportClause?.elements.length === 0))
      )
    ) {
      runtime = true;
    }
  }
  const visit = (node) => {
    if (ts.isIdentifier(node)) {
      const symbol = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      const declarations = symbol?.declarations ?? [];
      if (
        declarations.length > 0 &&
        declarations.every((declaration) => declaration.getSourceFile().fileName === globalsFile)
      ) {
        used.add(node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const named = (names) => [...names].map((name) => `\`${name}\``).join(', ');
  if (assumed.size > 0) reasons.add(`declares ${named(assumed)}, which an app provides`);
  if (used.size > 0) reasons.add(`uses ${named(used)} from docs/scripts/snippet-globals.d.ts`);
  if (reasons.size === 0 && !runtime) reasons.add('holds only types');
  return [...reasons];
}

/**
 * Runs each program with Node (TypeScript through tsx, workspace packages from their sources), at
 * most `concurrency` at a time, and resolves to the ones that threw, exited non-zero or timed out.
 */
export async function runPrograms(programs, { cwd, concurrency, timeoutMs }) {
  const failures = [];
  const queue = [...programs];
  const worker = async () => {
    for (let program = queue.shift(); program; program = queue.shift()) {
      const result = await runOne(program.path, cwd, timeoutMs);
      if (result) failures.push({ program, ...result });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures.sort((a, b) => programs.indexOf(a.program) - programs.indexOf(b.program));
}

function runOne(path, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@attune/source', '--import', 'tsx', basename(path)],
      { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: timeoutMs },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => resolve({ why: `could not start: ${error.message}`, output }));
    child.on('close', (code, signal) => {
      if (signal) {
        resolve({
          why: `did not finish within ${timeoutMs / 1000} s (a server, timer or open handle keeps it running?)`,
          output,
        });
      } else if (code !== 0) {
        resolve({ why: `exited with code ${code}`, output });
      } else {
        resolve(undefined);
      }
    });
  });
}
