import type { Diagnostic } from '../progress/types.js';
import { isolate } from './isolate.js';
import type { AttunePlugin, HelpRequest, PluginHelpResource } from './types.js';

/** A help resource with the plugin that provides it. */
export interface ProvidedHelpResource extends PluginHelpResource {
  /** The name of the plugin that provides it. */
  readonly plugin: string;
}

/** The help resources plugins provide for a request, and the plugins that failed to give theirs. */
export interface PluginHelp {
  readonly resources: readonly ProvidedHelpResource[];
  /** A `plugin-failed` diagnostic for each provider that threw; the others' resources still come. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Asks every plugin with a help-resource provider for its resources, to show next to those of
 * `@attune/content/help`. A provider that throws is left out and reported; help is never blocked by
 * one plugin.
 *
 * @example
 * ```ts
 * const { resources } = pluginHelpResources(engine.plugins, { region: 'DE' });
 * ```
 */
export function pluginHelpResources(
  plugins: readonly AttunePlugin[],
  request: HelpRequest,
): PluginHelp {
  const diagnostics: Diagnostic[] = [];
  const resources = plugins.flatMap((plugin) =>
    isolate(
      plugin.name,
      'its help-resource provider',
      () =>
        (plugin.helpResources?.(request) ?? []).map((resource) => ({
          ...resource,
          plugin: plugin.name,
        })),
      [],
      (failure) => diagnostics.push(failure),
    ),
  );
  return { resources, diagnostics };
}
