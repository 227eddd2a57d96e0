import type { ContentKey, ExerciseBase } from '@attune/core';

/** One question of the ladder. Partners' answers are recorded with its id as the prompt. */
export interface LadderQuestion {
  /** Unique within the ladder, kebab-case. */
  readonly id: string;
  readonly key: ContentKey;
}

/** One set of questions; the sets go from light to deep. */
export interface LadderSet {
  /** Unique within the ladder, kebab-case. */
  readonly id: string;
  readonly titleKey: ContentKey;
  readonly questions: readonly LadderQuestion[];
}

/**
 * Three sets of questions, each more personal than the one before. Partners take turns reading a
 * question out loud and answering first; both answer every question.
 */
export interface QuestionLadderExercise extends ExerciseBase {
  readonly kind: 'question-ladder';
  /** The light set, the closer set and the deep set, in that order. */
  readonly sets: readonly [LadderSet, LadderSet, LadderSet];
}

// Registers the kind with the host app's types: `Exercise` includes it, and hooks such as
// `useExercise` narrow to its payload on `kind === 'question-ladder'`.
declare module '@attune/core' {
  interface ExerciseKindRegistry {
    'question-ladder': QuestionLadderExercise;
  }
}
