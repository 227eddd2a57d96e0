// What the consumer test installs and checks: each combination of Attune's packages and their
// optional peers an app may have, and, for each, the code an app would write with what it has.

/** The i18next versions the apps install: the peer range's floor, and the newest this Node runs. */
export function i18nextVersions(peerRange, nodeMajor) {
  const floor = /\d+/.exec(peerRange)?.[0];
  if (!floor) throw new Error(`cannot read the i18next floor from the peer range "${peerRange}"`);
  // i18next 27 declares Node >= 22 (npm warns EBADENGINE below it); 26 is the newest for Node 20.
  return { floor: `^${floor}.0.0`, newest: nodeMajor >= 22 ? '^27.0.0' : '^26.0.0' };
}

/**
 * The combinations. `packages` are the Attune packages installed; `i18next` is the range installed,
 * or none. Every combination gets zod, which `@attune/core` takes as a peer.
 */
export function combinations(i18next) {
  return [
    { name: 'core', packages: ['core'] },
    { name: 'core+content, no i18next', packages: ['core', 'content'] },
    {
      name: `core+content+i18next ${i18next.floor}`,
      packages: ['core', 'content'],
      i18next: i18next.floor,
    },
    { name: 'core+react, no content', packages: ['core', 'react'] },
    {
      name: `core+react+content+i18next ${i18next.newest}`,
      packages: ['core', 'react', 'content'],
      i18next: i18next.newest,
    },
  ];
}

/**
 * The entry points an app with this combination can import at run time and type-check: `/text` of
 * `@attune/react` needs `@attune/content`; everything else needs only its own package's peers.
 */
export function usableEntries(combo, entriesOf) {
  return combo.packages.flatMap((folder) =>
    entriesOf(folder).filter(
      (specifier) => specifier !== '@attune/react/text' || combo.packages.includes('content'),
    ),
  );
}

const lines = (...parts) =>
  parts
    .flat()
    .filter((part) => typeof part === 'string')
    .join('\n');

/**
 * A TypeScript file using the combination the way an app would; type-checked, never run.
 * `zodImport` is where the app's zod v4 API comes from (`zod`, or `zod/v4` with zod 3.25).
 */
export function usageFile(combo, entries, zodImport) {
  const has = (folder) => combo.packages.includes(folder);
  return lines(
    // Every entry's declaration files enter the program, so `skipLibCheck: false` checks them all.
    entries.map((specifier, index) => `import type * as entry${index} from '${specifier}';`),
    `export type Entries = [${entries.map((_, index) => `typeof entry${index}`).join(', ')}];`,
    "import { createEngine, defineExerciseKind, definePlugin, getStep, nineStepProgram, type Engine, type Exercise, type ExerciseBase, type LoggedEvent, type Program } from '@attune/core';",
    "import { eventSchema, programSchema } from '@attune/core/validation';",
    `import { z } from '${zodImport}';`,
    // A plugin's kind, registered the way a plugin package does: it must narrow through the built
    // declaration files, in the core's types and, with React, in the hooks.
    "interface StoryExercise extends ExerciseBase { readonly kind: 'story'; readonly chapters: readonly string[] }",
    "declare module '@attune/core' { interface ExerciseKindRegistry { story: StoryExercise } }",
    "const story = defineExerciseKind({ kind: 'story', completedWhen: (exercise) => exercise.chapters.length > 0 });",
    "const plugin = definePlugin({ contract: 1, name: 'stories', exerciseKinds: [story] });",
    "export const chapters = (exercise: Exercise): readonly string[] => (exercise.kind === 'story' ? exercise.chapters : []);",
    'const program: Program = nineStepProgram;',
    "export const first: Exercise | undefined = getStep(program, 'empathy')?.exercises[0];",
    'export const parsed: Program = programSchema.parse(program);',
    "const couple = { id: 'c', partners: [{ id: 'ana', timeZone: 'UTC' }, { id: 'kai', timeZone: 'UTC' }] as const, startedAt: 0 };",
    "export const engine: Engine = createEngine({ program, couple, device: 'd', plugins: [plugin] });",
    // Attune's schemas composed into the app's own zod: one zod, so its types and instances mix.
    'export const envelope = z.object({ event: eventSchema, sentAt: z.number() });',
    'export type Envelope = z.infer<typeof envelope>;',
    'export const event = (value: unknown): Envelope["event"] => envelope.parse(value).event;',
    'export const events: readonly LoggedEvent[] = engine.getEvents();',
    has('content') && [
      "import { addAttuneResources, loadResources, textDirection, type I18nextTarget, type TextDirection } from '@attune/content';",
      "import { getHelpResources } from '@attune/content/help';",
      "export const direction: TextDirection = textDirection('ar');",
      "export const strings: Promise<unknown> = loadResources('en', 'common');",
      "export const help = getHelpResources({ locale: 'de-DE' });",
      'export const add = (target: I18nextTarget) => addAttuneResources(target, { namespaces: ["common"] });',
    ],
    has('content') &&
      combo.i18next && [
        // With i18next installed, `createAttuneI18n` gives i18next's own instance type.
        "import type { i18n as I18next } from 'i18next';",
        "import { createAttuneI18n } from '@attune/content';",
        "export const makeI18n = (): Promise<I18next> => createAttuneI18n({ locale: 'de', init: { interpolation: { escapeValue: false } } });",
      ],
    has('react') && [
      "import { AttuneProvider, useExercise, useStep, type AttuneI18n, type AttuneProviderProps } from '@attune/react';",
      "import { usePracticeTimer } from '@attune/react/practice';",
      "export const useChapters = (): readonly string[] | undefined => { const state = useExercise('tale'); return state?.kind === 'story' ? state.exercise.chapters : undefined; };",
      'declare const double: AttuneI18n;',
      "export const props: AttuneProviderProps = { engine, partner: 'ana', i18n: double };",
      'export { AttuneProvider, usePracticeTimer, useStep };',
    ],
    has('react') &&
      has('content') && [
        "import { useAttuneText, useTextDirection } from '@attune/react/text';",
        'export { useAttuneText, useTextDirection };',
      ],
    has('react') &&
      combo.i18next && [
        // i18next's instance is what apps hand to the provider.
        'declare const instance: I18next;',
        "export const withI18next: AttuneProviderProps = { engine, partner: 'ana', i18n: instance };",
      ],
  );
}

/** A plain Node ESM file importing every usable entry and parsing an engine's event with the app's zod. */
export function smokeFile(entries, zodImport) {
  return lines(
    entries.map((specifier, index) => `import * as entry${index} from '${specifier}';`),
    "import { createEngine, nineStepProgram } from '@attune/core';",
    "import { eventSchema } from '@attune/core/validation';",
    `import { z } from '${zodImport}';`,
    `const entries = { ${entries.map((specifier, index) => `'${specifier}': entry${index}`).join(', ')} };`,
    'for (const [name, entry] of Object.entries(entries)) {',
    "  if (Object.keys(entry).length === 0) throw new Error(name + ' exports nothing');",
    '}',
    "if (nineStepProgram.steps.length !== 9) throw new Error('nineStepProgram should have nine steps');",
    "const couple = { id: 'c', partners: [{ id: 'ana', timeZone: 'UTC' }, { id: 'kai', timeZone: 'UTC' }], startedAt: 0 };",
    "const engine = createEngine({ program: nineStepProgram, couple, device: 'd' });",
    "engine.completeExercise('ana', 'safe-space-basics');",
    'const [event] = engine.getEvents();',
    'const parsed = z.object({ event: eventSchema }).safeParse({ event });',
    "if (!parsed.success) throw new Error('the app\\'s zod rejected an engine event through eventSchema: ' + parsed.error.message);",
    "console.log('imported ' + Object.keys(entries).join(', ') + '; parsed an event with the app\\'s zod');",
  );
}
