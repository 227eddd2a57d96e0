import {
  defineExerciseKind,
  type ExerciseDefaults,
  type ExerciseKindDefinition,
  type PluginPayloadProblem,
} from '@attune/core';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY = /^[a-z0-9-]+:[A-Za-z0-9_.-]+$/;
const MAX_QUESTIONS = 12;

type Fields = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the ladder's own fields; the common exercise fields are the engine's to check. */
function checkLadder(exercise: Fields): PluginPayloadProblem[] {
  const { sets } = exercise;
  if (!Array.isArray(sets) || sets.length !== 3) {
    return [
      {
        path: 'sets',
        message: 'A question ladder has exactly three sets of questions.',
        fix: 'Give "sets" three sets, from light to deep: a warm-up, a closer one and a deep one.',
      },
    ];
  }
  const problems: PluginPayloadProblem[] = [];
  const seen = new Set<string>();
  const id = (value: unknown, path: string) => {
    if (typeof value === 'string' && ID.test(value) && !seen.has(value)) {
      seen.add(value);
      return;
    }
    problems.push({
      path,
      message: `${JSON.stringify(value) ?? 'Nothing'} is not a kebab-case id of its own.`,
      fix: 'Use an id in lowercase letters, digits and single hyphens, used once in the ladder: answers are recorded by it.',
    });
  };
  const key = (value: unknown, path: string) => {
    if (typeof value === 'string' && KEY.test(value)) return;
    problems.push({
      path,
      message: `${JSON.stringify(value) ?? 'Nothing'} is not a content key.`,
      fix: 'Use a key such as "question-ladder:ladder.sets.warm-up.title".',
    });
  };
  sets.forEach((set: unknown, s) => {
    const at = `sets[${s}]`;
    if (!isObject(set)) {
      problems.push({
        path: at,
        message: 'A set is an object.',
        fix: 'Give the set an "id", a "titleKey" and its "questions".',
      });
      return;
    }
    id(set.id, `${at}.id`);
    key(set.titleKey, `${at}.titleKey`);
    const { questions } = set;
    if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUESTIONS) {
      problems.push({
        path: `${at}.questions`,
        message: `A set has from 1 to ${MAX_QUESTIONS} questions.`,
        fix: 'List the set’s questions, the easiest first; split a longer set into two ladders.',
      });
      return;
    }
    questions.forEach((question: unknown, q) => {
      const path = `${at}.questions[${q}]`;
      const fields = isObject(question) ? question : {};
      id(fields.id, `${path}.id`);
      key(fields.key, `${path}.key`);
    });
  });
  return problems;
}

/**
 * What a ladder is unless it says otherwise: done together in about 45 minutes, with sealed
 * answers, resting while a safety check signals risk.
 */
export const ladderDefaults: Required<ExerciseDefaults> = {
  mode: 'together',
  minutes: 45,
  visibility: 'sealed',
  needsSafety: true,
};

/**
 * The `question-ladder` exercise kind. Exercises of it are done together in about 45 minutes, with
 * sealed answers (each answer opens once both partners answered the question) and rest while a
 * safety check signals risk, unless they say otherwise ({@link ladderDefaults}). A run is complete once both partners answered every question; the
 * engine then counts one completion done together, with no `completeExercise` call.
 */
export const questionLadderKind: ExerciseKindDefinition<'question-ladder'> = defineExerciseKind({
  kind: 'question-ladder',
  defaults: ladderDefaults,
  check: checkLadder,
  completedWhen: (ladder, answers) =>
    ladder.sets.every((set) =>
      set.questions.every((question) => {
        const answered = answers.answeredBy(question.id);
        return answers.partners.every((partner) => answered.includes(partner));
      }),
    ),
});
