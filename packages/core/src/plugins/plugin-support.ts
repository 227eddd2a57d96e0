import { pluginSupport } from './plugin-mark.js';
import type { PluginRuntime, PluginRuntimeOptions } from './plugin-runtime.js';
import type { AttunePlugin } from './types.js';

/** Validates an engine's plugins and wires them up: what `createEngine` calls when given plugins. */
export type InstallPlugins = (options: PluginRuntimeOptions) => PluginRuntime;

/** The installer a plugin made with `definePlugin` carries, if it is one. */
export function installerOf(plugin: AttunePlugin): InstallPlugins | undefined {
  return (plugin as { readonly [pluginSupport]?: InstallPlugins } | null)?.[pluginSupport];
}
