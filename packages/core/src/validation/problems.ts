import type { AttuneProblem } from '../errors/problem.js';

/** What kind of problem `validateProgram` found. */
export type ProblemCode =
  | 'invalid-value'
  | 'unknown-field'
  | 'unknown-kind'
  | 'too-deep'
  | 'unsupported-version'
  | 'duplicate-id'
  | 'unknown-step'
  | 'unknown-exercise'
  | 'unknown-dimension'
  | 'wrong-exercise-kind'
  | 'impossible-rule'
  | 'reveals-safety-check'
  | 'unlock-cycle'
  | 'locked-help'
  | 'missing-content';

/**
 * One problem in a program: where in the document (such as `steps[2].exercises[0].id`, empty for the
 * document itself), what is wrong in words a content author understands, and how to fix it.
 */
export type ProgramProblem = AttuneProblem<ProblemCode>;

/** Formats a path of keys and indexes the way a person reads it: `steps[2].exercises[0].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Reads the value at a path through own properties only, so hostile keys reach nothing. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Shortens a value for a message, so a 1 MB string does not end up in an error. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  } catch {
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
