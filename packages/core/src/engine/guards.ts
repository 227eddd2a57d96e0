import { AttuneEventError } from '../log/event-error.js';
import type { Exercise } from '../program/types.js';
import type { EngineContext } from './engine-context.js';

/** Refuses a command the program does not allow now; the log is unchanged. */
export function notAllowed(field: string, message: string, fix: string): never {
  throw new AttuneEventError('not-allowed', field, message, fix);
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
  const found = context.exercises.get(id);
  if (!found) {
    throw new AttuneEventError(
      'malformed',
      'data.exercise',
      `The program has no exercise "${id}"`,
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
