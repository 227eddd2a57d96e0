import type { PluginRuntime, PluginRuntimeOptions } from './plugin-runtime.js';
import type { AttunePlugin } from './types.js';

/** Validates an engine's plugins and wires them up: what `createEngine` calls when given plugins. */
export type InstallPlugins = (options: PluginRuntimeOptions) => PluginRuntime;

/**
 * Where `definePlugin` leaves the code that validates and runs plugins. `createEngine` takes it from
 * its plugins instead of importing it, so an app without plugins does not ship it.
 */
export const pluginSupport: unique symbol = Symbol('@attune/core plugin support');

/** The installer a plugin made with `definePlugin` carries, if it is one. */
export function installerOf(plugin: AttunePlugin): InstallPlugins | undefined {
  return (plugin as { readonly [pluginSupport]?: InstallPlugins } | null)?.[pluginSupport];
}
