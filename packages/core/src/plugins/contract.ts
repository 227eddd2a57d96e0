import type { PluginContractVersion } from './types.js';

/** The plugin contract version this `@attune/core` implements; a plugin declares it as `contract`. */
export const pluginContractVersion: PluginContractVersion = 1;
