// Checks each published package the way a consumer's tools will see it: publint (strict) on the
// manifest and files, arethetypeswrong on the packed tarball, and a guard that the engine entry of
// @attune/core never pulls in zod.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

// Every file an entry of @attune/core loads, following its relative imports.
const coreDist = join(root, 'packages', 'core', 'dist');
function filesOf(entry) {
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(coreDist, file), 'utf8');
    for (const match of code.matchAll(/from\s*["'](\.\.?\/[^"']+)["']/g)) {
      pending.push(join(dirname(file), match[1]));
    }
  }
  return [...seen];
}

// The engine entry and every chunk it loads must stay free of zod: validation is opt-in.
const engineFiles = filesOf('index.js');
for (const file of engineFiles) {
  const code = readFileSync(join(coreDist, file), 'utf8');
  if (/from\s*["']zod|import\(\s*["']zod/.test(code)) {
    failed = true;
    console.error(
      `FAIL @attune/core engine entry imports zod (in dist/${file}); keep zod behind @attune/core/validation`,
    );
  }
}
if (!failed)
  console.log(
    `ok   @attune/core engine entry is free of zod (${engineFiles.length} file(s) checked)`,
  );

// Only @attune/core/node may touch Node's built-ins: every other entry runs in browsers and React Native.
for (const entry of ['index.js', 'storage/index.js', 'sync/index.js', 'crypto/index.js']) {
  const files = filesOf(entry);
  const offending = files.filter((file) =>
    /from\s*["']node:|import\(\s*["']node:|from\s*["'](fs|path|os|crypto)(\/[^"']*)?["']/.test(
      readFileSync(join(coreDist, file), 'utf8'),
    ),
  );
  if (offending.length > 0) {
    failed = true;
    console.error(
      `FAIL @attune/core dist/${entry} reaches Node built-ins (in ${offending.join(', ')}); keep them in @attune/core/node`,
    );
  } else {
    console.log(
      `ok   @attune/core dist/${entry} is free of Node built-ins (${files.length} file(s) checked)`,
    );
  }
}

if (failed) process.exit(1);
