import type { AttuneEvent, UnknownEvent } from '../events/types.js';
import { isKnownEventType } from '../log/check-event.js';
import { localWeek } from '../time/zone.js';
import type { FoldContext } from './facts.js';

/**
 * What the events folded since progress was last computed may have changed, so that computing it
 * again looks only at those parts (see `createProgressTracker`). A mark says "may have changed": one
 * too many costs a little time, one too few would leave progress stale, so marks err on the side of
 * too many.
 */
export interface ProgressChanges {
  /** Anything may have changed, as before the first computation: compute everything. */
  readonly all: boolean;
  /** Exercises whose completions, starts or check-ins changed. */
  readonly exercises: Set<string>;
  /** Weeks (`localWeek` in the practising partner's time zone) in which someone practised. */
  readonly weeks: Set<number>;
  /** Ids of entries shared: each may open a check-in kept sealed or private. */
  readonly shares: Set<string>;
  /** An event of a type this version does not know arrived; the diagnostics count them. */
  unknownTypes: boolean;
}

/** No marks yet; `all` for the first computation, when anything may have changed. */
export function createProgressChanges(all: boolean): ProgressChanges {
  return { all, exercises: new Set(), weeks: new Set(), shares: new Set(), unknownTypes: false };
}

// A completion: the exercise, and the week of the partner who practised.
function practised(
  changes: ProgressChanges,
  event: AttuneEvent | UnknownEvent,
  exercise: string | undefined,
  context: FoldContext,
): void {
  if (exercise !== undefined) changes.exercises.add(exercise);
  try {
    changes.weeks.add(localWeek(context.timeZones.get(event.partner) ?? 'UTC', event.clock.wall));
  } catch {
    // A clock no calendar can place: the fold left the event out, so no week changed.
  }
}

/**
 * Marks what folding one event may have changed in progress. Call it after `foldEvent`, for every
 * event folded; it follows what `foldEvent` does with each type of event. An event the fold left
 * out (a clock out of range, data of the wrong shape) reaches the diagnostics, which the tracker
 * sees by itself; what its data names is marked all the same, and no event makes this throw.
 */
export function noteChange(
  changes: ProgressChanges,
  event: AttuneEvent | UnknownEvent,
  context: FoldContext,
): void {
  if (changes.all) return;
  const data = event.data as
    | { readonly exercise?: unknown; readonly entry?: unknown; readonly answer?: unknown }
    | null
    | undefined;
  const exercise = typeof data?.exercise === 'string' ? data.exercise : undefined;
  switch (event.type) {
    case 'answer-sealed':
      // The mark of a sealed check-in counts as its author's check-in (see `foldEvent`).
      if (data?.answer !== 'check-in-recorded') return;
      practised(changes, event, exercise, context);
      return;
    case 'exercise-completed':
    case 'check-in-recorded':
      practised(changes, event, exercise, context);
      return;
    case 'exercise-started':
      if (exercise !== undefined) changes.exercises.add(exercise);
      return;
    case 'entry-shared':
      if (typeof data?.entry === 'string') changes.shares.add(data.entry);
      return;
    default:
      if (!isKnownEventType(event.type)) changes.unknownTypes = true;
  }
}
