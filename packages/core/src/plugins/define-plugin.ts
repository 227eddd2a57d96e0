import type {
  AttunePlugin,
  ExerciseKindDefinition,
  PluginContractVersion,
  RuleKindDefinition,
} from './types.js';

/** The plugin contract version this `@attune/core` implements; a plugin declares it as `contract`. */
export const pluginContractVersion: PluginContractVersion = 1;

/**
 * Declares a plugin. It returns the plugin unchanged: the point is the type, which checks every part
 * against the contract. The engine it is given to validates it, with every other plugin, at
 * registration.
 *
 * @example
 * ```ts
 * import { definePlugin } from '@attune/core';
 *
 * export const gratitudePlugin = definePlugin({
 *   contract: 1,
 *   name: 'gratitude',
 *   observe(event) {
 *     if (event.type === 'appreciation-sent') console.warn('a note was sent');
 *   },
 * });
 * ```
 */
export function definePlugin(plugin: AttunePlugin): AttunePlugin {
  return plugin;
}

/**
 * Declares an exercise kind, so `completedWhen` sees the exercise type the plugin registered in
 * `ExerciseKindRegistry` for `kind`.
 */
export function defineExerciseKind<K extends string>(
  definition: ExerciseKindDefinition<K>,
): ExerciseKindDefinition<K> {
  return definition;
}

/** Declares a rule kind, so `evaluate` sees the rule type the plugin registered in `RuleKindRegistry`. */
export function defineRuleKind<K extends string>(
  definition: RuleKindDefinition<K>,
): RuleKindDefinition<K> {
  return definition;
}
