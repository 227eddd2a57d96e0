import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';
import type { AttuneProblem } from '../errors/problem.js';

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
  | 'unknown-exercise'
  | 'unknown-dimension'
  | 'invalid-payload'
  | 'missing-content';

/**
 * One problem found when plugins are registered: whose, what, where in the plugin (such as
 * `steps[0].exercises[1].sets`, empty for the plugin itself), and how to fix it.
 */
export interface PluginProblem extends AttuneProblem<PluginProblemCode> {
  /** The plugin concerned; for a problem in the app's own program, `program "<id>"`. */
  readonly plugin: string;
}

/**
 * Plugins an engine cannot run with, with every problem found at once. Thrown by `createEngine`; no
 * engine is created.
 */
export class AttunePluginError extends AttuneError<'invalid-plugins'> {
  /** Every problem, in plugin order. */
  readonly problems: readonly PluginProblem[];
  constructor(problems: readonly PluginProblem[]) {
    super('AttunePluginError', {
      code: 'invalid-plugins',
      message: `The engine's plugins have ${problems.length} problem(s):\n${problems
        .map((p) => `- ${p.plugin}${p.path && ` at ${p.path}`}: ${p.message} ${p.fix}`)
        .join('\n')}`,
    });
    this.problems = problems;
  }

  /** Whether `error` is an `AttunePluginError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttunePluginError {
    return isAttuneErrorNamed(error, 'AttunePluginError');
  }
}
