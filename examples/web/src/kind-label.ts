import type { ExerciseKind } from '@attune/core';
import type { AppText } from './app-text.js';

/** The app's label for an exercise kind: the program has no words for the kinds themselves. */
export function kindLabel(words: AppText, kind: ExerciseKind): string {
  return words.t(`kind.${kind}`);
}
