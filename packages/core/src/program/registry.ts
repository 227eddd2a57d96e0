/**
 * The exercise kinds plugins add, by kind. Empty in `@attune/core`; a plugin fills it for the apps that
 * install it through declaration merging, so its kind is part of {@link Exercise} and hooks such as
 * `useExercise` narrow to its payload.
 *
 * @example
 * ```ts
 * import type { ExerciseBase } from '@attune/core';
 *
 * interface StoryExercise extends ExerciseBase {
 *   readonly kind: 'story';
 *   readonly chapters: readonly string[];
 * }
 *
 * declare module '@attune/core' {
 *   interface ExerciseKindRegistry {
 *     story: StoryExercise;
 *   }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: plugins fill it through declaration merging.
export interface ExerciseKindRegistry {}

/** The exercises plugins registered; `never` while no plugin registered one. */
export type PluginExercise = ExerciseKindRegistry[keyof ExerciseKindRegistry];
