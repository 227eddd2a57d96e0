import type { ExerciseBase } from '../program/types.js';

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

/**
 * The rule kinds plugins add, by kind. Empty in `@attune/core`; a plugin fills it the same way as
 * {@link ExerciseKindRegistry}, so its rules are part of {@link Rule}.
 */
// biome-ignore lint/suspicious/noEmptyInterface: plugins fill it through declaration merging.
export interface RuleKindRegistry {}

/** The exercises plugins registered; `never` while no plugin registered one. */
export type PluginExercise = ExerciseKindRegistry[keyof ExerciseKindRegistry];

/** The rules plugins registered; `never` while no plugin registered one. */
export type PluginRule = RuleKindRegistry[keyof RuleKindRegistry];

/**
 * The exercise of one plugin kind: the registered type, or the common fields with that kind while the
 * kind is not registered. One conditional, not a recursive type, so it costs `tsc` nothing.
 */
export type ExerciseOfKind<K extends string> = K extends keyof ExerciseKindRegistry
  ? ExerciseKindRegistry[K]
  : ExerciseBase & { readonly kind: K };

/** The rule of one plugin kind: the registered type, or `kind` with any fields while it is not. */
export type RuleOfKind<K extends string> = K extends keyof RuleKindRegistry
  ? RuleKindRegistry[K]
  : { readonly kind: K; readonly [field: string]: unknown };
