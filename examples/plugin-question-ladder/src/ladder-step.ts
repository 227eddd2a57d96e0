import type { ContentKey, Step } from '@attune/core';
import type { LadderSet, QuestionLadderExercise } from './question-ladder-exercise.js';

const key = (path: string): ContentKey => `question-ladder:${path}`;

const set = (id: string, questions: readonly string[]): LadderSet => ({
  id,
  titleKey: key(`ladder.sets.${id}.title`),
  questions: questions.map((question) => ({
    id: question,
    key: key(`ladder.sets.${id}.questions.${question}`),
  })),
});

/** The ladder itself: a warm-up set, a closer set and a set close to the heart. */
export const questionLadderExercise: QuestionLadderExercise = {
  id: 'question-ladder',
  kind: 'question-ladder',
  titleKey: key('ladder.title'),
  whyKey: key('ladder.why'),
  howKey: key('ladder.how'),
  ifHardKey: key('ladder.if-hard'),
  mode: 'together',
  minutes: 45,
  visibility: 'sealed',
  needsSafety: true,
  sets: [
    set('warm-up', ['home-meal', 'childhood-game', 'free-saturday', 'last-laugh', 'tiny-luxury']),
    set('closer', ['quietly-proud', 'most-yourself', 'live-again', 'looked-after', 'changed-mind']),
    set('heart', ['hard-to-ask', 'understood', 'keep-or-leave', 'years-from-now', 'know-better']),
  ],
};

/**
 * The step the plugin adds after the program's own. It opens once the couple has completed
 * `open-communication` and no safety check signals risk, and is done once the couple climbed the
 * whole ladder together.
 */
export const questionLadderStep: Step = {
  id: 'ladder-of-questions',
  titleKey: key('step.title'),
  summaryKey: key('step.summary'),
  whyKey: key('step.why'),
  exercises: [questionLadderExercise],
  unlock: {
    kind: 'all',
    rules: [{ kind: 'step-completed', step: 'open-communication' }, { kind: 'safety-clear' }],
  },
  completion: { kind: 'exercise-done', exercise: 'question-ladder', by: 'both-together' },
};
