export { ladderSets, questionLadderExercise, questionLadderStep } from './ladder-step.js';
export type { LadderTurn } from './next-ladder-turn.js';
export { nextLadderTurn } from './next-ladder-turn.js';
export type {
  LadderQuestion,
  LadderSet,
  QuestionLadderExercise,
} from './question-ladder-exercise.js';
export { questionLadderKind } from './question-ladder-kind.js';
export type { QuestionLadderOptions } from './question-ladder-plugin.js';
export { questionLadder, questionLadderPlugin } from './question-ladder-plugin.js';
