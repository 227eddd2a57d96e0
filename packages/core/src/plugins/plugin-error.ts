/** What kind of problem a plugin has. */
export type PluginProblemCode =
  | 'unsupported-contract'
  | 'invalid-plugin'
  | 'duplicate-plugin'
  | 'kind-clash'
  | 'event-type'
  | 'id-clash'
  | 'program-clash'
  | 'unknown-kind'
  | 'unknown-step'
  | 'invalid-payload'
  | 'missing-content';

/** One problem found when plugins are registered: whose, what, where, and how to fix it. */
export interface PluginProblem {
  /** The plugin concerned; for a problem in the app's own program, `program "<id>"`. */
  readonly plugin: string;
  readonly code: PluginProblemCode;
  /** Where in the plugin, such as `steps[0].exercises[1].sets`; empty for the plugin itself. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Plugins an engine cannot run with, with every problem found at once. Thrown by `createEngine`; no
 * engine is created.
 */
export class AttunePluginError extends Error {
  override readonly name = 'AttunePluginError';
  /** Every problem, in plugin order. */
  readonly problems: readonly PluginProblem[];
  constructor(problems: readonly PluginProblem[]) {
    super(
      `The engine's plugins have ${problems.length} problem(s):\n${problems
        .map((p) => `- ${p.plugin}${p.path && ` at ${p.path}`}: ${p.message} ${p.fix}`)
        .join('\n')}`,
    );
    this.problems = problems;
  }
}
