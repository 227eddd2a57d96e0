import type { AttuneProblem } from '../errors/problem.js';
import type { Rule } from '../rules/types.js';
import type { StepInput } from './types.js';

/** What a rule may wait for that the engine might not have. */
export type RuleTargetCode = 'unknown-step' | 'unknown-exercise' | 'unknown-dimension';

/** Calls `visit` on a rule and every rule nested in it, with its path. */
function walk(rule: Rule, path: string, visit: (rule: Rule, path: string) => void): void {
  visit(rule, path);
  const inner = rule as { readonly rules?: readonly Rule[]; readonly rule?: Rule };
  if (rule.kind === 'all' || rule.kind === 'any') {
    inner.rules?.forEach((nested, r) => {
      walk(nested, `${path}.rules[${r}]`, visit);
    });
  } else if (rule.kind === 'not' && inner.rule) walk(inner.rule, `${path}.rule`, visit);
}

/**
 * Finds the rules of `steps` that wait for a step, an exercise or a check-in dimension that none of
 * the `running` steps has: such a rule never holds, so its step would never open or never be done.
 * Paths start at `at`, such as `steps[0].completion.rules[1]`.
 */
export function checkRuleTargets(
  steps: readonly StepInput[],
  running: readonly StepInput[],
  at: string,
): AttuneProblem<RuleTargetCode>[] {
  const stepIds = new Set(running.map((step) => step.id));
  const exercises = new Map<string, StepInput['exercises'][number]>();
  for (const step of running) {
    for (const exercise of step.exercises) {
      if (!exercises.has(exercise.id)) exercises.set(exercise.id, exercise);
    }
  }
  const problems: AttuneProblem<RuleTargetCode>[] = [];
  steps.forEach((step, s) => {
    for (const field of ['unlock', 'completion'] as const) {
      // What the rule can never do, in the words of the step it belongs to.
      const never = field === 'unlock' ? 'could never open' : 'could never be completed';
      walk(step[field], `${at}[${s}].${field}`, (rule, path) => {
        const report = (code: RuleTargetCode, message: string, fix: string) => {
          problems.push({ code, path, message: `${message} so "${step.id}" ${never}.`, fix });
        };
        const target = rule as { readonly step?: unknown; readonly exercise?: unknown };
        if (rule.kind === 'step-completed' && !stepIds.has(String(target.step))) {
          report(
            'unknown-step',
            `The rule waits for step "${String(target.step)}", which this engine does not run,`,
            `Name one of its steps: ${[...stepIds].join(', ')}; or give the engine the plugin that adds it.`,
          );
        } else if (rule.kind === 'exercise-done' && !exercises.has(String(target.exercise))) {
          report(
            'unknown-exercise',
            `The rule waits for exercise "${String(target.exercise)}", which no step of this engine has,`,
            `Add an exercise with the id "${String(target.exercise)}" to one of your steps, or name one the program has.`,
          );
        } else if (rule.kind === 'check-in-score' || rule.kind === 'check-in-divergence') {
          const { exercise, dimension } = rule as { exercise?: unknown; dimension?: unknown };
          const checkIn = exercises.get(String(exercise));
          if (checkIn?.kind !== 'check-in') {
            report(
              'unknown-exercise',
              `The rule reads check-in "${String(exercise)}", which no step of this engine has,`,
              'Name the id of a check-in exercise of the program or of your steps.',
            );
          } else if (!checkIn.dimensions.some((candidate) => candidate.id === dimension)) {
            report(
              'unknown-dimension',
              `The rule reads dimension "${String(dimension)}", which check-in "${String(exercise)}" does not ask about,`,
              `Use one of: ${checkIn.dimensions.map((candidate) => candidate.id).join(', ')}.`,
            );
          }
        }
      });
    }
  });
  return problems;
}
