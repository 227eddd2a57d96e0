// Installs the packed packages into fresh apps outside the workspace, as users would: one app per
// combination of Attune's packages and optional peers (scripts/consumer/matrix.mjs), with zod 4 and
// with zod 3.25 (which npm must refuse while @attune/core's peer range leaves zod 3 out), plus the
// lowest zod the range admits. Each app imports every entry point it can use from plain Node ESM, parses an
// engine's event through Attune's schema composed into the app's own zod, and type-checks code that
// uses what it installed, strict and with `skipLibCheck: false`, under moduleResolution "bundler"
// and "nodenext". The apps run one after another and share the user's npm cache, installing
// offline-first; a failure names the combination and the step, and the test goes on to the next.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  combinations,
  i18nextVersions,
  smokeFile,
  usableEntries,
  usageFile,
} from './consumer/matrix.mjs';
import { entrySpecifiers, publishedPackages, root } from './workspace.mjs';

const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const work = mkdtempSync(join(tmpdir(), 'attune-consumer-'));
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const packageOf = Object.fromEntries(publishedPackages.map((pkg) => [pkg.folder, pkg]));

/** Runs a command; on failure throws an error carrying everything it printed. */
function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw Object.assign(new Error(`${command} ${args.join(' ')} failed`), { output });
  }
}

const npmInstall = (cwd) =>
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    cwd,
  );

const failures = [];
let appCount = 0;

/** Creates an app folder whose manifest installs the combination, its peers and zod. */
function createApp(combo, zod, tarballOf) {
  const dir = join(work, `app-${++appCount}`);
  mkdirSync(dir);
  const has = (folder) => combo.packages.includes(folder);
  const dependencies = Object.fromEntries(
    combo.packages.map((folder) => [packageOf[folder].name, tarballOf[folder]]),
  );
  dependencies.zod = zod.range;
  if (combo.i18next) dependencies.i18next = combo.i18next;
  if (has('react')) dependencies.react = '^19.0.0';
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: `attune-consumer-${appCount}`,
      private: true,
      type: 'module',
      dependencies,
      devDependencies: has('react') ? { '@types/react': '^19.0.0' } : {},
    }),
  );
  return dir;
}

/** Installs, runs and type-checks one combination; records a failure naming it. */
function checkCombination(combo, zod, tarballOf) {
  const label = `[${combo.name}; ${zod.label}]`;
  const since = performance.now();
  const dir = createApp(combo, zod, tarballOf);
  const entries = usableEntries(combo, (folder) => entrySpecifiers(packageOf[folder]));
  let step = 'npm install';
  try {
    npmInstall(dir);
    step = 'one copy of zod and of @attune/core';
    for (const nested of [
      'node_modules/@attune/core/node_modules/zod',
      'node_modules/@attune/react/node_modules/@attune/core',
      'node_modules/@attune/content/node_modules/@attune/core',
    ]) {
      if (existsSync(join(dir, nested))) throw new Error(`the app has a second copy in ${nested}`);
    }
    step = 'node smoke.mjs (imports every usable entry point)';
    writeFileSync(join(dir, 'smoke.mjs'), smokeFile(entries, zod.import));
    run('node', ['smoke.mjs'], dir);
    writeFileSync(join(dir, 'usage.ts'), usageFile(combo, entries, zod.import));
    for (const [module, moduleResolution] of [
      ['esnext', 'bundler'],
      ['nodenext', 'nodenext'],
    ]) {
      step = `tsc, moduleResolution ${moduleResolution}`;
      const config = `tsconfig.${moduleResolution}.json`;
      writeFileSync(
        join(dir, config),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            // Our own declaration files are checked too, not only the usage of them.
            skipLibCheck: false,
            target: 'es2022',
            lib: ['es2023', 'dom'],
            module,
            moduleResolution,
            types: [],
          },
          files: ['usage.ts'],
        }),
      );
      run('node', [tsc, '-p', config], dir);
    }
    console.log(`ok   ${label} installs, imports and type-checks (${seconds(since)})`);
  } catch (error) {
    failures.push(label);
    console.error(`FAIL ${label} ${step}: ${error.message}\n${error.output ?? ''}\n`);
  }
}

/** With a zod major the peer range leaves out, npm must refuse the install and name zod. */
function checkRefused(zod, zodRange, tarballOf) {
  const combo = { name: 'core', packages: ['core'] };
  const label = `[${combo.name}; ${zod.label}]`;
  const dir = createApp(combo, zod, tarballOf);
  try {
    npmInstall(dir);
    failures.push(label);
    console.error(
      `FAIL ${label} npm installed ${zod.label} although @attune/core's peer range "${zodRange}" leaves it out\n`,
    );
  } catch (error) {
    if (/ERESOLVE/.test(error.output) && /zod/.test(error.output)) {
      console.log(`ok   ${label} refused by npm: the zod peer range is "${zodRange}"`);
    } else {
      failures.push(label);
      console.error(`FAIL ${label} npm install failed for another reason\n${error.output}\n`);
    }
  }
}

try {
  for (const pkg of publishedPackages)
    run('pnpm', ['pack', '--pack-destination', tarballs], pkg.dir);
  const files = readdirSync(tarballs);
  const tarballOf = Object.fromEntries(
    publishedPackages.map((pkg) => {
      const prefix = pkg.name.replace('@', '').replace('/', '-');
      const file = files.find((name) => name.startsWith(`${prefix}-`));
      if (!file) throw new Error(`pnpm pack produced no tarball for ${pkg.name}`);
      return [pkg.folder, `file:${join(tarballs, file)}`];
    }),
  );

  const zodRange = packageOf.core.manifest.peerDependencies?.zod;
  if (!zodRange) throw new Error('@attune/core should take zod as a peer dependency');
  const i18next = i18nextVersions(
    packageOf.content.manifest.peerDependencies.i18next,
    Number(process.versions.node.split('.')[0]),
  );
  // zod 3.25 ships the v4 API as `zod/v4`; from zod 4 on it is the package itself.
  const zodMajors = [
    { label: 'zod 4', major: 4, range: '^4.0.0', import: 'zod' },
    { label: 'zod 3.25', major: 3, range: '^3.25.0', import: 'zod/v4' },
  ];
  const peerMajors = zodRange.split('||').map((part) => Number(/\d+/.exec(part)?.[0]));
  for (const zod of zodMajors) {
    if (peerMajors.includes(zod.major)) {
      for (const combo of combinations(i18next)) checkCombination(combo, zod, tarballOf);
    } else {
      checkRefused(zod, zodRange, tarballOf);
    }
  }
  // The lowest zod each part of the peer range admits, with the engine and its schemas alone.
  for (const part of zodRange.split('||')) {
    const version = part.trim().replace(/^(\^|~|>=)\s*/, '');
    const zod = {
      label: `zod ${version}, the floor of "${part.trim()}"`,
      range: version,
      import: Number(version.split('.')[0]) >= 4 ? 'zod' : 'zod/v4',
    };
    checkCombination({ name: 'core', packages: ['core'] }, zod, tarballOf);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`consumer test took ${seconds(started)}`);
if (failures.length > 0) {
  console.error(`FAIL consumer test: ${failures.join(', ')}`);
  process.exit(1);
}
