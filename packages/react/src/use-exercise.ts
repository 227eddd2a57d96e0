import type {
  AttuneEvent,
  Exercise,
  ExerciseProgress,
  Step,
  StepStatus,
  TogetherOptions,
  Visibility,
} from '@attune/core';
import { getExercise } from '@attune/core';
import { useAttuneContext } from './context.js';
import { shallowEqual } from './shallow-equal.js';
import { useAttuneSelector } from './use-attune-selector.js';

/** One exercise of one kind, where it stands, and what the partner using the screen can do in it. */
export interface ExerciseStateOf<E extends Exercise> {
  /** The exercise's kind; checking it narrows `exercise` to that kind's payload. */
  readonly kind: E['kind'];
  /** The exercise, with its kind's payload (prompts, phases, dimensions…). */
  readonly exercise: E;
  /** The step it belongs to. */
  readonly step: Step;
  /** The status of its step. */
  readonly status: StepStatus;
  /** True while the exercise rests for both partners (the reason is never given). */
  readonly resting: boolean;
  /**
   * Where the exercise stands, for the couple and for each partner: `not-started`, `in-progress`
   * (started, or done by one of two) or `done` (see `ExerciseStatus` in `@attune/core`).
   */
  readonly progress: ExerciseProgress;
  /** Records that the partner started it. */
  start(options?: TogetherOptions): AttuneEvent;
  /** Records the partner's written answer to a prompt, with the exercise's visibility by default. */
  answer(prompt: string, text: string, visibility?: Visibility): AttuneEvent;
  /** Records that the partner finished it; `{ together: true }` for both side by side. */
  complete(options?: TogetherOptions): AttuneEvent;
}

/**
 * {@link ExerciseStateOf} for each kind of `E`, as a union discriminated by `kind`. It holds the kinds
 * installed plugins registered in `ExerciseKindRegistry` too, so checking `kind` narrows to a plugin's
 * payload the same way.
 *
 * @example
 * ```tsx
 * if (state.kind === 'guided-practice') state.exercise.phases; // readonly PracticePhase[]
 * ```
 */
export type ExerciseState<E extends Exercise = Exercise> = E extends Exercise
  ? ExerciseStateOf<E>
  : never;

/**
 * One exercise, by id, with its step's status and its actions for the partner using this screen.
 * Actions throw the engine's `AttuneEventError` (locked step, paused program…) to the caller.
 *
 * @returns the exercise's state, or `undefined` when the program has no such exercise.
 * @example
 * ```tsx
 * const state = useExercise('what-feels-safe');
 * state?.answer('safe', text);
 * state?.complete();
 * ```
 */
export function useExercise(exerciseId: string): ExerciseState | undefined {
  const { engine, partner } = useAttuneContext();
  const found = getExercise(engine.program, exerciseId);
  const [status, resting, progress] = useAttuneSelector((snapshot) => {
    const step = snapshot.steps.find((candidate) => candidate.id === found?.step.id);
    return [
      step?.status,
      step?.resting.includes(exerciseId),
      step?.exercises.find((exercise) => exercise.id === exerciseId),
    ];
  }, shallowEqual);
  return (found && {
    kind: found.exercise.kind,
    ...found,
    status,
    resting: !!resting,
    progress,
    start: engine.startExercise.bind(engine, partner, exerciseId),
    answer: engine.answer.bind(engine, partner, exerciseId),
    complete: engine.completeExercise.bind(engine, partner, exerciseId),
  }) as ExerciseState | undefined;
}
