import type { ContentKey, Exercise, Program } from './types.js';

/** A content key with the place in the program that uses it, as a readable path. */
export interface ContentKeyUse {
  readonly key: ContentKey;
  readonly path: string;
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
