import type { PluginProblem } from './plugin-error.js';

/**
 * Where `definePlugin` leaves the code that validates and runs plugins. `createEngine` takes it from
 * its plugins instead of importing it, so an app without plugins does not ship it.
 */
export const pluginSupport: unique symbol = Symbol('@attune/core plugin support');

/**
 * The problem with `plugins[index]` when it is not a plugin made with this copy's `definePlugin`:
 * `validatePlugins` reports it, and `createEngine` when none of its plugins brings the code to run
 * them, so both give the same list. `undefined` for a plugin made with `definePlugin`.
 */
export function notDefinedProblem(plugin: unknown, index: number): PluginProblem | undefined {
  const support = (plugin as { readonly [pluginSupport]?: unknown } | null)?.[pluginSupport];
  if (typeof plugin === 'object' && support) return undefined;
  const name = (plugin as { readonly name?: unknown } | null)?.name;
  return {
    plugin: typeof name === 'string' ? name : `plugins[${index}]`,
    code: 'invalid-plugin',
    path: '',
    message: 'This plugin was not made with definePlugin.',
    fix: 'Pass what definePlugin of the @attune/core the engine comes from returns.',
  };
}
