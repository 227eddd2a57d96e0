import type { BuiltInExerciseKind } from '../program/types.js';
import type { BuiltInRuleKind } from '../rules/types.js';

// Records rather than lists, so that adding a built-in kind without adding it here fails to compile.

/** The exercise kinds built into `@attune/core`, as keys. */
export const builtInExerciseKinds: Readonly<Record<BuiltInExerciseKind, 1>> = {
  reflection: 1,
  conversation: 1,
  'guided-practice': 1,
  ritual: 1,
  'check-in': 1,
  'partner-quiz': 1,
  appreciation: 1,
  agreement: 1,
  learn: 1,
  'safety-check': 1,
};

/** The rule kinds built into `@attune/core`, as keys. */
export const builtInRuleKinds: Readonly<Record<BuiltInRuleKind, 1>> = {
  always: 1,
  all: 1,
  any: 1,
  not: 1,
  'exercise-done': 1,
  'step-completed': 1,
  'check-in-score': 1,
  'check-in-divergence': 1,
  rhythm: 1,
  'days-since-start': 1,
  'safety-clear': 1,
};
