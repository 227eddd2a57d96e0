import type { ContentKey, ExerciseInput, Step, StepInput } from '@attune/core';
import type { LadderSet, QuestionLadderExercise } from './question-ladder-exercise.js';
import { ladderDefaults } from './question-ladder-kind.js';

const key = (path: string): ContentKey => `question-ladder:${path}`;

const set = (id: string, questions: readonly string[]): LadderSet => ({
  id,
  titleKey: key(`ladder.sets.${id}.title`),
  questions: questions.map((question) => ({
    id: question,
    key: key(`ladder.sets.${id}.questions.${question}`),
  })),
});

/** The sets the plugin ships: a warm-up set, a closer set and a set close to the heart. */
export const ladderSets: readonly [LadderSet, LadderSet, LadderSet] = [
  set('warm-up', ['home-meal', 'childhood-game', 'free-saturday', 'last-laugh', 'tiny-luxury']),
  set('closer', ['quietly-proud', 'most-yourself', 'live-again', 'looked-after', 'changed-mind']),
  set('heart', ['hard-to-ask', 'understood', 'keep-or-leave', 'years-from-now', 'know-better']),
];

/** What the ladder's step is made of: the plugin's options with their defaults filled in. */
export interface LadderParts {
  readonly after: string;
  /** Left to the kind's default when not given. */
  readonly minutes?: number;
  readonly sets: readonly [LadderSet, LadderSet, LadderSet];
}

/**
 * The ladder as the plugin writes it: `mode`, `visibility`, `needsSafety` and, unless given,
 * `minutes` are left to the kind's defaults, which the engine fills in.
 */
export function ladderExercise(
  parts: Omit<LadderParts, 'after'>,
): ExerciseInput<QuestionLadderExercise> {
  return {
    id: 'question-ladder',
    kind: 'question-ladder',
    titleKey: key('ladder.title'),
    whyKey: key('ladder.why'),
    howKey: key('ladder.how'),
    ifHardKey: key('ladder.if-hard'),
    sets: parts.sets,
    ...(parts.minutes !== undefined && { minutes: parts.minutes }),
  };
}

/**
 * The step the plugin adds after `after`. It opens once the couple has completed that step and no
 * safety check signals risk, and is done once the couple climbed the whole ladder together.
 */
export function ladderStep(parts: LadderParts): StepInput {
  return {
    id: 'ladder-of-questions',
    titleKey: key('step.title'),
    summaryKey: key('step.summary'),
    whyKey: key('step.why'),
    exercises: [ladderExercise(parts)],
    unlock: {
      kind: 'all',
      rules: [{ kind: 'step-completed', step: parts.after }, { kind: 'safety-clear' }],
    },
    completion: { kind: 'exercise-done', exercise: 'question-ladder', by: 'both-together' },
  };
}

/** The parts of the ladder without options: after `open-communication`, with the shipped sets. */
export const defaultLadder: LadderParts = { after: 'open-communication', sets: ladderSets };

/** The shipped ladder as an engine runs it, its kind's defaults filled in. */
export const questionLadderExercise: QuestionLadderExercise = {
  ...ladderExercise(defaultLadder),
  ...ladderDefaults,
};

/** The shipped step as an engine runs it, opening once `open-communication` is completed. */
export const questionLadderStep: Step = {
  ...ladderStep(defaultLadder),
  exercises: [questionLadderExercise],
};
