import type { Diagnostic } from '../progress/types.js';

/** An error's message, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The diagnostic for a plugin that threw: which plugin, in what, and what it threw. */
export function pluginFailure(plugin: string, where: string, error: unknown): Diagnostic {
  return {
    code: 'plugin-failed',
    subject: plugin,
    message: `Plugin "${plugin}" failed in ${where}: ${errorText(error)}. The engine went on without it; update or remove the plugin.`,
  };
}

/**
 * Runs a plugin's function so that nothing it throws reaches the engine: a throw is reported and
 * `fallback` is used instead.
 */
export function isolate<T>(
  plugin: string,
  where: string,
  run: () => T,
  fallback: T,
  report: (failure: Diagnostic) => void,
): T {
  try {
    return run();
  } catch (error) {
    report(pluginFailure(plugin, where, error));
    return fallback;
  }
}
