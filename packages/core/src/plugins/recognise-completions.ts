import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import type { Exercise } from '../program/types.js';
import type { Diagnostic } from '../progress/types.js';
import { isolate } from './isolate.js';
import type { ExerciseAnswers, ExerciseKindDefinition } from './types.js';

/** An exercise whose kind recognises completion from answers, with its answers so far. */
export interface TrackedExercise {
  readonly exercise: Exercise;
  readonly plugin: string;
  readonly kind: ExerciseKindDefinition;
  /** Its `answer-recorded` events, in arrival order; events of `completionEvents` come apart. */
  readonly answers: LoggedEvent[];
}

/** A completion a plugin kind recognised: when, and who gave the answer that completed it. */
export interface RecognisedCompletion {
  readonly wall: number;
  readonly partner: string;
}

/**
 * The completions a plugin kind recognises in the answers to its exercises, and in the events of
 * its `completionEvents` types, by exercise id. Both are replayed in log order, never arrival
 * order, so every device that holds the same events recognises the same completions at the same
 * times.
 */
export function recogniseCompletions(
  tracked: Iterable<TrackedExercise>,
  partners: readonly string[],
  eventsOf: (type: string) => readonly LoggedEvent[],
  report: (failure: Diagnostic) => void,
): Map<string, RecognisedCompletion[]> {
  const completions = new Map<string, RecognisedCompletion[]>();
  for (const { exercise, plugin, kind, answers } of tracked) {
    const recognise = kind.completedWhen;
    if (!recognise) continue;
    const watched = new Set(kind.completionEvents ?? []);
    let answered = new Map<string, Set<string>>();
    let seen = new Map<string, LoggedEvent[]>();
    const view: ExerciseAnswers = {
      partners,
      answeredBy: (prompt) => [...(answered.get(prompt) ?? [])],
      eventsOf: (type) => [...(seen.get(type) ?? [])],
    };
    const done: RecognisedCompletion[] = [];
    const replayed = [...answers, ...[...watched].flatMap(eventsOf)].sort(compareEvents);
    for (const event of replayed) {
      if (watched.has(event.type)) {
        seen.set(event.type, [...(seen.get(event.type) ?? []), event]);
      } else {
        const { prompt } = event.data as { readonly prompt: string };
        const partnersOf = answered.get(prompt) ?? new Set<string>();
        answered.set(prompt, partnersOf.add(event.partner));
      }
      const complete = isolate(
        plugin,
        `completedWhen of its exercise kind "${kind.kind}"`,
        () => recognise.call(kind, exercise as never, view),
        false,
        report,
      );
      if (complete === true) {
        done.push({ wall: event.clock.wall, partner: event.partner });
        answered = new Map();
        seen = new Map();
      }
    }
    if (done.length > 0) completions.set(exercise.id, done);
  }
  return completions;
}
