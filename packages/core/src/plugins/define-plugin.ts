import { pluginSupport } from './plugin-mark.js';
import { createPluginRuntime } from './plugin-runtime.js';
import type { AttunePlugin, ExerciseKindDefinition, RuleKindDefinition } from './types.js';

export { pluginContractVersion } from './contract.js';

/**
 * Declares a plugin. Its type checks every part against the contract. It returns a copy of the
 * plugin that also carries, under a symbol, the code that validates and runs plugins: the engine it
 * is given to takes that code from its plugins, so apps without plugins do not ship it. The engine
 * validates the plugin, with every other plugin, at registration.
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
  // Enumerable, so that a copy made with spread (`{ ...plugin, name }`) still carries it.
  return Object.assign({ ...plugin }, { [pluginSupport]: createPluginRuntime });
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
