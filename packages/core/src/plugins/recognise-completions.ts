import type { Diagnostic } from '../engine/types.js';
import type { LoggedEvent } from '../log/event-log.js';
import { compareEvents } from '../log/order.js';
import type { Exercise } from '../program/types.js';
import { isolate } from './isolate.js';
import type { ExerciseAnswers, ExerciseKindDefinition } from './types.js';

/** An exercise whose kind recognises completion from answers, with its answers so far. */
export interface TrackedExercise {
  readonly exercise: Exercise;
  readonly plugin: string;
  readonly kind: ExerciseKindDefinition;
  /** Its `answer-recorded` events, in arrival order. */
  readonly answers: LoggedEvent[];
}

/**
 * The completions a plugin kind recognises in the answers to its exercises, as wall times by exercise
 * id. Answers are replayed in log order, never arrival order, so every device that holds the same
 * events recognises the same completions at the same times.
 */
export function recogniseCompletions(
  tracked: Iterable<TrackedExercise>,
  partners: readonly string[],
  report: (failure: Diagnostic) => void,
): Map<string, number[]> {
  const completions = new Map<string, number[]>();
  for (const { exercise, plugin, kind, answers } of tracked) {
    const recognise = kind.completedWhen;
    if (!recognise) continue;
    let answered = new Map<string, Set<string>>();
    const view: ExerciseAnswers = {
      partners,
      answeredBy: (prompt) => [...(answered.get(prompt) ?? [])],
    };
    const walls: number[] = [];
    for (const event of [...answers].sort(compareEvents)) {
      const { prompt } = event.data as { readonly prompt: string };
      const partnersOf = answered.get(prompt) ?? new Set<string>();
      answered.set(prompt, partnersOf.add(event.partner));
      const done = isolate(
        plugin,
        `completedWhen of its exercise kind "${kind.kind}"`,
        () => recognise.call(kind, exercise as never, view),
        false,
        report,
      );
      if (done === true) {
        walls.push(event.clock.wall);
        answered = new Map();
      }
    }
    if (walls.length > 0) completions.set(exercise.id, walls);
  }
  return completions;
}
