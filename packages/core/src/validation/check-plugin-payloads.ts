import type { AttunePlugin, PluginPayloadProblem } from '../plugins/types.js';
import type { Program } from '../program/types.js';
import type { Rule } from '../rules/types.js';
import type { ProgramProblem } from './problems.js';

type Check = (data: Readonly<Record<string, unknown>>) => readonly PluginPayloadProblem[];

/**
 * Runs the checks of the plugins' kinds on every exercise and rule of those kinds, and reports what
 * they find at the path of the exercise or rule. A check that throws is reported, not thrown.
 */
export function checkPluginPayloads(
  program: Program,
  plugins: readonly AttunePlugin[],
): ProgramProblem[] {
  const exerciseChecks = new Map<string, Check>();
  const ruleChecks = new Map<string, Check>();
  for (const plugin of plugins) {
    for (const kind of plugin.exerciseKinds ?? []) {
      if (kind.check) exerciseChecks.set(kind.kind, kind.check.bind(kind));
    }
    for (const kind of plugin.ruleKinds ?? []) {
      if (kind.check) ruleChecks.set(kind.kind, kind.check.bind(kind));
    }
  }
  const problems: ProgramProblem[] = [];
  const run = (check: Check | undefined, data: object, path: string) => {
    if (!check) return;
    let found: readonly PluginPayloadProblem[];
    try {
      found = check(data as Readonly<Record<string, unknown>>);
    } catch (error) {
      found = [
        {
          path: '',
          message: `The plugin's check of this kind failed: ${error instanceof Error ? error.message : String(error)}.`,
          fix: 'Update the plugin that adds this kind, or report the failure to its author.',
        },
      ];
    }
    for (const problem of found) {
      problems.push({
        code: 'invalid-value',
        path: problem.path ? `${path}.${problem.path}` : path,
        message: problem.message,
        fix: problem.fix,
      });
    }
  };
  const walk = (rule: Rule, path: string) => {
    const inner = rule as { readonly rules?: readonly Rule[]; readonly rule?: Rule };
    inner.rules?.forEach((nested, i) => {
      walk(nested, `${path}.rules[${i}]`);
    });
    if (inner.rule) walk(inner.rule, `${path}.rule`);
    run(ruleChecks.get(rule.kind), rule, path);
  };
  program.steps.forEach((step, s) => {
    step.exercises.forEach((exercise, e) => {
      run(exerciseChecks.get(exercise.kind), exercise, `steps[${s}].exercises[${e}]`);
    });
    walk(step.unlock, `steps[${s}].unlock`);
    walk(step.completion, `steps[${s}].completion`);
  });
  return problems;
}
