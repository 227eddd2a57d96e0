// Installs the packed packages in a fresh project outside the workspace, as a user would, then
// imports every public entry point from plain Node ESM and type-checks a TypeScript file that uses
// them under moduleResolution "bundler" and "nodenext".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entrySpecifiers, publishedPackages, root } from './workspace.mjs';

const work = mkdtempSync(join(tmpdir(), 'attune-consumer-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);

const sh = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  for (const pkg of publishedPackages)
    sh('pnpm', ['pack', '--pack-destination', tarballs], pkg.dir);
  const files = readdirSync(tarballs);
  const tarballOf = (pkg) => {
    const prefix = pkg.name.replace('@', '').replace('/', '-');
    const file = files.find((name) => name.startsWith(`${prefix}-`));
    if (!file) throw new Error(`pnpm pack produced no tarball for ${pkg.name}`);
    return `file:${join(tarballs, file)}`;
  };

  const dependencies = Object.fromEntries(
    publishedPackages.map((pkg) => [pkg.name, tarballOf(pkg)]),
  );
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'attune-consumer',
      private: true,
      type: 'module',
      dependencies: { ...dependencies, react: '^19.2.0', i18next: '^27.1.5' },
      devDependencies: { '@types/react': '^19.2.0' },
      // The tarballs refer to each other by version; point those at the local files too.
      overrides: dependencies,
    }),
  );
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);

  const specifiers = publishedPackages.flatMap(entrySpecifiers);
  const imports = specifiers.map(
    (specifier, index) => `import * as entry${index} from '${specifier}';`,
  );
  writeFileSync(
    join(app, 'smoke.mjs'),
    [
      ...imports,
      `const entries = { ${specifiers.map((s, i) => `'${s}': entry${i}`).join(', ')} };`,
      'for (const [name, entry] of Object.entries(entries)) {',
      "  if (Object.keys(entry).length === 0) throw new Error(name + ' exports nothing');",
      '}',
      "if (entry0.nineStepProgram.steps.length !== 9) throw new Error('nineStepProgram should have nine steps');",
      "console.log('imported', Object.keys(entries).join(', '));",
    ].join('\n'),
  );
  process.stdout.write(sh('node', ['smoke.mjs'], app));

  writeFileSync(
    join(app, 'usage.ts'),
    [
      "import { createEngine, getStep, nineStepProgram, type Engine, type Exercise, type Program } from '@attune/core';",
      "import { programSchema } from '@attune/core/validation';",
      "import { loadResources, textDirection, type TextDirection } from '@attune/content';",
      "import { AttuneProvider, useExercise, useStep, type AttuneProviderProps } from '@attune/react';",
      "import { defineExerciseKind, definePlugin, type ExerciseBase } from '@attune/core';",
      // A plugin's kind, registered the way a plugin package does: it must narrow through the built
      // declaration files, in the core's types and in the hooks.
      "interface StoryExercise extends ExerciseBase { readonly kind: 'story'; readonly chapters: readonly string[] }",
      "declare module '@attune/core' { interface ExerciseKindRegistry { story: StoryExercise } }",
      "const story = defineExerciseKind({ kind: 'story', completedWhen: (exercise) => exercise.chapters.length > 0 });",
      "const plugin = definePlugin({ contract: 1, name: 'stories', exerciseKinds: [story] });",
      "const chapters = (exercise: Exercise): readonly string[] => (exercise.kind === 'story' ? exercise.chapters : []);",
      "const useChapters = (): readonly string[] | undefined => { const state = useExercise('tale'); return state?.kind === 'story' ? state.exercise.chapters : undefined; };",
      'const program: Program = nineStepProgram;',
      "const first: Exercise | undefined = getStep(program, 'empathy')?.exercises[0];",
      'const parsed: Program = programSchema.parse(program);',
      "const direction: TextDirection = textDirection('ar');",
      "const strings: Promise<unknown> = loadResources('en', 'common');",
      "const couple = { id: 'c', partners: [{ id: 'ana', timeZone: 'UTC' }, { id: 'kai', timeZone: 'UTC' }] as const, startedAt: 0 };",
      "const engine: Engine = createEngine({ program, couple, device: 'd', plugins: [plugin] });",
      "const props: AttuneProviderProps = { engine, partner: 'ana' };",
      'export { AttuneProvider, chapters, direction, first, parsed, props, strings, useChapters, useStep };',
    ].join('\n'),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [module, moduleResolution] of [
    ['esnext', 'bundler'],
    ['nodenext', 'nodenext'],
  ]) {
    const config = `tsconfig.${moduleResolution}.json`;
    writeFileSync(
      join(app, config),
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
    sh('node', [tsc, '-p', config], app);
    console.log(`ok   type-checks with moduleResolution ${moduleResolution}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
