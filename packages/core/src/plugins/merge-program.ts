import type { Exercise, Program } from '../program/types.js';
import type { AttunePlugin, ExerciseKindDefinition } from './types.js';

/**
 * The program an engine runs with its plugins: a plugin's whole program in place of the given one,
 * the plugins' steps after its own, and each plugin kind's defaults filled in. The given program comes
 * back as it is when plugins change nothing, so its identity holds.
 */
export function mergeProgram(program: Program, plugins: readonly AttunePlugin[]): Program {
  const base = plugins.find((plugin) => plugin.program)?.program ?? program;
  const added = plugins.flatMap((plugin) => plugin.steps ?? []);
  const defaults = new Map<string, ExerciseKindDefinition['defaults']>();
  for (const plugin of plugins) {
    for (const kind of plugin.exerciseKinds ?? []) {
      if (kind.defaults) defaults.set(kind.kind, kind.defaults);
    }
  }
  const steps = [...base.steps, ...added].map((step) =>
    step.exercises.some((exercise) => defaults.has(exercise.kind))
      ? {
          ...step,
          exercises: step.exercises.map(
            (exercise) => ({ ...defaults.get(exercise.kind), ...exercise }) as Exercise,
          ),
        }
      : step,
  );
  return added.length === 0 && steps.every((step, i) => step === base.steps[i])
    ? base
    : { ...base, steps };
}
