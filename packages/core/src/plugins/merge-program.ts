import type { Exercise, Program, Step } from '../program/types.js';
import type { AttunePlugin, ExerciseDefaults, ProgramInput, StepInput } from './types.js';

/**
 * The program's steps with the plugins' steps placed: after the step a plugin names in `stepsAfter`
 * (behind steps earlier plugins placed there, so plugin order holds), or else at the end.
 */
function placeSteps(base: readonly StepInput[], plugins: readonly AttunePlugin[]): StepInput[] {
  const steps = [...base];
  // Per anchor step, how many plugin steps already follow it.
  const placed = new Map<string, number>();
  for (const plugin of plugins) {
    const own = plugin.steps ?? [];
    const anchor = plugin.stepsAfter;
    const after = anchor === undefined ? -1 : steps.findIndex((step) => step.id === anchor);
    if (own.length === 0) continue;
    if (anchor === undefined || after < 0) {
      steps.push(...own);
      continue;
    }
    steps.splice(after + 1 + (placed.get(anchor) ?? 0), 0, ...own);
    placed.set(anchor, (placed.get(anchor) ?? 0) + own.length);
  }
  return steps;
}

/**
 * The program an engine runs with its plugins: a plugin's whole program in place of the given one,
 * the plugins' steps placed among its own, and each plugin kind's defaults filled in. The given
 * program comes back as it is when plugins change nothing, so its identity holds. Run it on plugins
 * `validatePlugins` found no problem with: every field a default leaves out is then given.
 */
export function mergeProgram(program: Program, plugins: readonly AttunePlugin[]): Program {
  const base: ProgramInput = plugins.find((plugin) => plugin.program)?.program ?? program;
  const added = plugins.flatMap((plugin) => plugin.steps ?? []);
  const defaults = new Map<string, ExerciseDefaults>();
  for (const plugin of plugins) {
    for (const kind of plugin.exerciseKinds ?? []) {
      if (kind.defaults) defaults.set(kind.kind, kind.defaults);
    }
  }
  // Validation made sure that what an exercise leaves out, its kind's defaults give.
  const steps = placeSteps(base.steps, plugins).map((step) =>
    step.exercises.some((exercise) => defaults.has(exercise.kind))
      ? {
          ...step,
          exercises: step.exercises.map(
            (exercise) => ({ ...defaults.get(exercise.kind), ...exercise }) as Exercise,
          ),
        }
      : (step as Step),
  );
  return added.length === 0 && steps.every((step, i) => step === base.steps[i])
    ? (base as Program)
    : { ...base, steps };
}
