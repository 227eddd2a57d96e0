import { AttuneEventError, shown } from '../log/event-error.js';
import type { Exercise } from '../program/types.js';
import type { EngineContext } from './engine-context.js';

/** Refuses a command the program does not allow now; the log is unchanged. */
export function notAllowed(field: string, message: string, fix: string): never {
  throw new AttuneEventError('not-allowed', field, message, fix);
}

/** Refuses what a partner passed to a command; the log is unchanged. */
export function malformed(field: string, message: string, fix: string): never {
  throw new AttuneEventError('malformed', field, message, fix);
}

/**
 * What a command was passed where it takes an object, checked: an object, not an array or `null`,
 * whose every key is one of `known` (when given). Unknown keys are refused rather than dropped, so a
 * misspelt option or field is never recorded as missing.
 *
 * @throws {@link AttuneEventError} with code `malformed`, naming the field or the unknown key.
 */
export function objectOf(
  value: unknown,
  field: string,
  known?: readonly string[],
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    malformed(field, `${field} should be an object`, 'Pass an object.');
  }
  if (known) {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        malformed(
          `${field}.${key}`,
          `${field} has no "${key}"`,
          known.length > 0 ? `Use: ${known.join(', ')}.` : 'Pass an empty object.',
        );
      }
    }
  }
  return value as Readonly<Record<string, unknown>>;
}

/** The value of an own key, never one an object inherits (such as `toString`). */
export function own(value: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * The exercise a partner may work on now, or an error saying why not: it is unknown, of another
 * kind, paused, in a locked step, or resting. A safety check is never held back.
 */
export function usableExercise(
  context: EngineContext,
  partner: string,
  id: string,
  kind?: Exercise['kind'],
): Exercise {
  context.knownPartner(partner);
  const found = typeof id === 'string' ? context.exercises.get(id) : undefined;
  if (!found) {
    throw new AttuneEventError(
      'malformed',
      'data.exercise',
      `The program has no exercise "${shown(id)}"`,
      'Use the id of an exercise in the program.',
    );
  }
  if (kind && found.exercise.kind !== kind) {
    throw new AttuneEventError(
      'malformed',
      'data.exercise',
      `"${id}" is a ${found.exercise.kind} exercise, not a ${kind}`,
      `Record ${found.exercise.kind} events for it.`,
    );
  }
  if (found.exercise.kind === 'safety-check') return found.exercise;
  const state = context.progress();
  if (state.paused && !context.program.alwaysOpen.includes(found.step)) {
    notAllowed('data.exercise', 'The program is paused', 'Resume the program first.');
  }
  const step = state.steps.find((candidate) => candidate.id === found.step);
  if (step?.status === 'locked') {
    notAllowed(
      'data.exercise',
      `Step "${found.step}" is not open yet`,
      "Read the step's unlock explanation to see what opens it.",
    );
  }
  if (step?.resting.includes(id)) {
    notAllowed('data.exercise', `"${id}" is resting for now`, 'Try another exercise.');
  }
  return found.exercise;
}
