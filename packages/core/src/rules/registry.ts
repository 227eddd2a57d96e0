/**
 * The rule kinds plugins add, by kind. Empty in `@attune/core`; a plugin fills it the same way as
 * {@link ExerciseKindRegistry}, so its rules are part of {@link Rule}.
 */
// biome-ignore lint/suspicious/noEmptyInterface: plugins fill it through declaration merging.
export interface RuleKindRegistry {}

/** The rules plugins registered; `never` while no plugin registered one. */
export type PluginRule = RuleKindRegistry[keyof RuleKindRegistry];

/** The rule of one plugin kind: the registered type, or `kind` with any fields while it is not. */
export type RuleOfKind<K extends string> = K extends keyof RuleKindRegistry
  ? RuleKindRegistry[K]
  : { readonly kind: K; readonly [field: string]: unknown };
