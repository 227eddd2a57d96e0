import type { CheckInRecordedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import type { CheckInExercise } from '../program/types.js';
import type { ProgressChanges } from './changes.js';
import { trendDirection, visibleCheckIns } from './check-ins.js';
import type { Facts } from './facts.js';
import type { CheckInTrends, DimensionTrend, TrendDirection, TrendPoint } from './types.js';

/** One dimension of a check-in exercise, as its trend is built check-in by check-in. */
interface DimensionState {
  readonly id: string;
  /** The points, in log order: the array last handed out, until a new point copies it. */
  points: TrendPoint[];
  /** Whether `points` was copied during this update, so it can take more points. */
  copied: boolean;
  /** Partner id → latest score, in the order partners first scored: what `latestScores` returns. */
  readonly latest: Map<string, number>;
  /** Partner id → that partner's last four scores, which set the direction. */
  readonly recent: Map<string, number[]>;
}

/** The trends of one check-in exercise, and what building them further needs. */
interface ExerciseState {
  readonly exercise: CheckInExercise;
  /** How many of the exercise's check-in facts (which only ever grow) have been looked at. */
  seen: number;
  /** The last check-in both partners may see, in log order. */
  last: CheckInRecordedEvent | undefined;
  dimensions: DimensionState[];
}

/** Keeps the check-in trends between changes, so that a new check-in adds its own points only. */
export interface TrendTracker {
  /**
   * The trends of every check-in exercise, in the order they were given. Without `changes` (or
   * `previous`), all are built from the facts. With them, an exercise nothing changed for is
   * `previous`'s own object, and a shared check-in that comes last in log order adds its points
   * (copying that exercise's point lists, one reference per point); any other new check-in, or a
   * share that may open one, builds the exercise's trends again.
   */
  update(
    facts: Facts,
    changes: ProgressChanges | undefined,
    previous: readonly CheckInTrends[] | undefined,
  ): readonly CheckInTrends[];
  /** The exercises whose trends the last update built again or added to. */
  readonly changed: ReadonlySet<string>;
  /**
   * Each partner's latest score on a dimension, as of the last update, in the order the partners
   * first scored it; `undefined` for a dimension no trend follows.
   */
  latestScores(exercise: string, dimension: string): ReadonlyMap<string, number> | undefined;
}

/**
 * Creates the tracker of the given check-in exercises' trends, with divergence when the partners'
 * latest scores are `threshold` or more apart.
 */
export function createTrendTracker(
  exercises: readonly CheckInExercise[],
  partners: readonly string[],
  threshold: number,
): TrendTracker {
  const states = exercises.map(
    (exercise): ExerciseState => ({ exercise, seen: 0, last: undefined, dimensions: [] }),
  );
  // Check-ins not shared, by event id, with their exercise: a share naming one may open it.
  const hidden = new Map<string, string>();
  const changed = new Set<string>();

  const add = (state: ExerciseState, event: CheckInRecordedEvent) => {
    state.last = event;
    const { scores } = event.data;
    for (const dimension of state.dimensions) {
      if (!Object.hasOwn(scores, dimension.id)) continue;
      const score = scores[dimension.id] as number;
      if (!dimension.copied) {
        dimension.points = dimension.points.slice();
        dimension.copied = true;
      }
      dimension.points.push({ at: event.clock.wall, partner: event.partner, score });
      dimension.latest.set(event.partner, score);
      const recent = dimension.recent.get(event.partner);
      if (recent) {
        recent.push(score);
        if (recent.length > 4) recent.shift();
      }
    }
  };

  // Goes through every check-in of the exercise again: which ones both partners see may have
  // changed, or one came before others in log order.
  const rebuild = (state: ExerciseState, facts: Facts) => {
    const all = facts.checkIns.get(state.exercise.id) ?? [];
    for (const { event } of all) {
      if (event.visibility !== 'shared') hidden.set(event.id, state.exercise.id);
    }
    state.seen = all.length;
    state.last = undefined;
    state.dimensions = state.exercise.dimensions.map((dimension) => ({
      id: dimension.id,
      points: [],
      copied: true,
      latest: new Map(),
      recent: new Map(partners.map((partner) => [partner, []])),
    }));
    for (const event of visibleCheckIns(facts, state.exercise.id, partners)) add(state, event);
  };

  // Adds the new check-ins when each is shared — seen by both, opening nothing else — and comes
  // last in log order, as nearly all do. False when one is not.
  const extend = (state: ExerciseState, facts: Facts): boolean => {
    const all = facts.checkIns.get(state.exercise.id) ?? [];
    if (all.length < state.seen) return false;
    for (let i = state.seen; i < all.length; i++) {
      const event = all[i]?.event as CheckInRecordedEvent;
      if (event.visibility !== 'shared' || (state.last && compareEvents(state.last, event) > 0)) {
        return false;
      }
      add(state, event);
      state.seen = i + 1;
    }
    return true;
  };

  const trendsOf = (state: ExerciseState): CheckInTrends => ({
    exercise: state.exercise.id,
    dimensions: state.dimensions.map((dimension): DimensionTrend => {
      dimension.copied = false;
      // Without a prototype, so a partner id such as `__proto__` is a key like any other.
      const latest = Object.create(null) as Record<string, number>;
      const direction = Object.create(null) as Record<string, TrendDirection>;
      for (const partner of partners) {
        const last = dimension.latest.get(partner);
        if (last !== undefined) latest[partner] = last;
        direction[partner] = trendDirection(dimension.recent.get(partner) ?? []);
      }
      const [a, b] = partners.map((partner) =>
        Object.hasOwn(latest, partner) ? latest[partner] : undefined,
      );
      const diverging = a !== undefined && b !== undefined && Math.abs(a - b) >= threshold;
      return { dimension: dimension.id, points: dimension.points, latest, direction, diverging };
    }),
  });

  return {
    changed,
    update(facts, changes, previous) {
      changed.clear();
      const all = !changes || changes.all || previous?.length !== states.length;
      const opened = new Set<string>();
      for (const entry of changes?.shares ?? []) {
        const exercise = hidden.get(entry);
        if (exercise !== undefined) opened.add(exercise);
      }
      const trends = states.map((state, i) => {
        const kept = previous?.[i];
        if (all || !kept || opened.has(state.exercise.id)) rebuild(state, facts);
        else if ((facts.checkIns.get(state.exercise.id)?.length ?? 0) === state.seen) return kept;
        else if (!extend(state, facts)) rebuild(state, facts);
        changed.add(state.exercise.id);
        return trendsOf(state);
      });
      return changed.size === 0 && previous ? previous : trends;
    },
    latestScores(exercise, dimension) {
      const state = states.find((candidate) => candidate.exercise.id === exercise);
      return state?.dimensions.find((candidate) => candidate.id === dimension)?.latest;
    },
  };
}
