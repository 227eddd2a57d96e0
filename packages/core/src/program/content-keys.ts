import type { ContentKey, Exercise, Program } from './types.js';

/** A content key with the place in the program that uses it, as a readable path. */
export interface ContentKeyUse {
  readonly key: ContentKey;
  readonly path: string;
}

const COMMON_KEYS = new Set(['titleKey', 'whyKey', 'howKey', 'ifHardKey']);

/**
 * Keys in a plugin kind's payload, which core knows nothing about: by convention, a string in a field
 * named `key` or ending in `Key`, and the strings of a list in a field named `keys` or ending in `Keys`.
 */
function conventionKeys(value: unknown, path: string, out: [ContentKey, string][]): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [field, inner] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${field}]` : path ? `${path}.${field}` : field;
    if (path === '' && COMMON_KEYS.has(field)) continue;
    if (typeof inner === 'string' && (field === 'key' || field.endsWith('Key'))) {
      out.push([inner, at]);
    } else if (Array.isArray(inner) && (field === 'keys' || field.endsWith('Keys'))) {
      inner.forEach((key, i) => {
        if (typeof key === 'string') out.push([key, `${at}[${i}]`]);
      });
    } else {
      conventionKeys(inner, at, out);
    }
  }
}

/** The payload's keys of one exercise, as `[key, path within the exercise]` pairs. */
function payloadKeys(exercise: Exercise): [ContentKey, string][] {
  // Items that are objects name the field holding the key, so a path points at the key itself.
  const indexed = <T>(
    items: readonly T[],
    name: string,
    key: (item: T) => ContentKey,
    field = '',
  ) => items.map((item, i): [ContentKey, string] => [key(item), `${name}[${i}]${field}`]);
  switch (exercise.kind) {
    case 'reflection':
      return indexed(exercise.prompts, 'prompts', (key) => key);
    case 'conversation':
      return indexed(exercise.prompts, 'prompts', (prompt) => prompt.key, '.key');
    case 'guided-practice':
      return [
        ...indexed(exercise.roles, 'roles', (role) => role.labelKey, '.labelKey'),
        ...exercise.phases.flatMap((phase, i): [ContentKey, string][] => [
          [phase.key, `phases[${i}].key`],
          ...Object.entries(phase.cues ?? {}).map(([role, key]): [ContentKey, string] => [
            key,
            `phases[${i}].cues.${role}`,
          ]),
        ]),
      ];
    case 'ritual':
      return indexed(exercise.ideas, 'ideas', (key) => key);
    case 'check-in':
      return [
        ...indexed(exercise.dimensions, 'dimensions', (dimension) => dimension.key, '.key'),
        [exercise.scale.minLabelKey, 'scale.minLabelKey'],
        [exercise.scale.maxLabelKey, 'scale.maxLabelKey'],
      ];
    case 'partner-quiz':
      return exercise.questions.flatMap((question, i): [ContentKey, string][] => [
        [question.key, `questions[${i}].key`],
        ...indexed(question.options, `questions[${i}].options`, (option) => option.key, '.key'),
      ]);
    case 'appreciation':
      return indexed(exercise.starters, 'starters', (key) => key);
    case 'agreement':
      return indexed(exercise.fields, 'fields', (field) => field.key, '.key');
    case 'learn':
      return indexed(exercise.sections, 'sections', (key) => key);
    case 'safety-check':
      return indexed(exercise.questions, 'questions', (question) => question.key, '.key');
    default: {
      const out: [ContentKey, string][] = [];
      conventionKeys(exercise, '', out);
      return out;
    }
  }
}

function exerciseKeys(exercise: Exercise, at: string): ContentKeyUse[] {
  return [
    { key: exercise.titleKey, path: `${at}.titleKey` },
    { key: exercise.whyKey, path: `${at}.whyKey` },
    { key: exercise.howKey, path: `${at}.howKey` },
    { key: exercise.ifHardKey, path: `${at}.ifHardKey` },
    ...payloadKeys(exercise).map(([key, path]) => ({ key, path: `${at}.${path}` })),
  ];
}

/**
 * Every content key a program uses, with where it is used. Translators' tools and validation use it
 * to check that each key has text.
 */
export function listContentKeys(program: Program): ContentKeyUse[] {
  const uses: ContentKeyUse[] = [{ key: program.titleKey, path: 'titleKey' }];
  program.steps.forEach((step, s) => {
    const at = `steps[${s}]`;
    uses.push(
      { key: step.titleKey, path: `${at}.titleKey` },
      { key: step.summaryKey, path: `${at}.summaryKey` },
      { key: step.whyKey, path: `${at}.whyKey` },
    );
    step.exercises.forEach((exercise, e) => {
      uses.push(...exerciseKeys(exercise, `${at}.exercises[${e}]`));
    });
  });
  return uses;
}
