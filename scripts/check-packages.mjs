// Checks each published package the way a consumer's tools will see it: publint (strict) on the
// manifest and files, arethetypeswrong on the packed tarball, and a guard that the engine entry of
// @attune/core never pulls in zod.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedPackages, root } from './workspace.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = false;

function run(label, command, args, cwd) {
  try {
    execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
    console.log(`ok   ${label}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

for (const pkg of publishedPackages) {
  run(`publint --strict ${pkg.name}`, bin('publint'), ['--strict'], pkg.dir);
  run(
    `attw --pack --profile esm-only ${pkg.name}`,
    bin('attw'),
    ['--pack', '.', '--profile', 'esm-only'],
    pkg.dir,
  );
}

// The engine entry and every chunk it loads must stay free of zod: validation is opt-in.
const coreDist = join(root, 'packages', 'core', 'dist');
const seen = new Set();
const pending = ['index.js'];
while (pending.length > 0) {
  const file = pending.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(coreDist, file), 'utf8');
  if (/from\s*["']zod|import\(\s*["']zod/.test(code)) {
    failed = true;
    console.error(
      `FAIL @attune/core engine entry imports zod (in dist/${file}); keep zod behind @attune/core/validation`,
    );
  }
  for (const match of code.matchAll(/from\s*["']\.\/([^"']+)["']/g)) pending.push(match[1]);
}
if (!failed)
  console.log(`ok   @attune/core engine entry is free of zod (${seen.size} file(s) checked)`);

if (failed) process.exit(1);
