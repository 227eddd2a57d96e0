import type { CheckInRecordedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import type { CheckInExercise } from '../program/types.js';
import { type Facts, isSharedBy } from './facts.js';
import type { CheckInTrends, DimensionTrend, TrendDirection, TrendPoint } from './types.js';

/** Which way a partner's scores on a dimension went lately: their last two against the two before. */
export function trendDirection(scores: readonly number[]): TrendDirection {
  if (scores.length < 2) return 'steady';
  const recent = scores.slice(-2);
  const before = scores.slice(-4, -2);
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const change =
    before.length === 0 ? (recent[1] ?? 0) - (recent[0] ?? 0) : mean(recent) - mean(before);
  if (change >= 0.5) return 'up';
  if (change <= -0.5) return 'down';
  return 'steady';
}

/**
 * The check-ins both partners may see: shared ones, and sealed ones once their author revealed them
 * (which the author's device does once the other partner checked in for the same round). Only
 * those, so that every device of both partners shows the same trends.
 */
export function visibleCheckIns(
  facts: Facts,
  exercise: string,
  _partners: readonly string[],
): CheckInRecordedEvent[] {
  const all = [...(facts.checkIns.get(exercise) ?? [])].map((fact) => fact.event);
  return all
    .filter(
      (event) =>
        event.visibility === 'shared' ||
        (event.visibility === 'sealed' && isSharedBy(facts, event.id, event.partner)),
    )
    .sort(compareEvents);
}

/** Trends per dimension, with divergence when the latest scores are `threshold` or more apart. */
export function computeCheckInTrends(
  facts: Facts,
  exercise: CheckInExercise,
  partners: readonly string[],
  threshold: number,
): CheckInTrends {
  const events = visibleCheckIns(facts, exercise.id, partners);
  const dimensions = exercise.dimensions.map((dimension): DimensionTrend => {
    const points: TrendPoint[] = [];
    for (const event of events) {
      const { scores } = event.data;
      if (!Object.hasOwn(scores, dimension.id)) continue;
      const score = scores[dimension.id] as number;
      points.push({ at: event.clock.wall, partner: event.partner, score });
    }
    // Without a prototype, so a partner id such as `__proto__` is a key like any other.
    const latest = Object.create(null) as Record<string, number>;
    const trend = Object.create(null) as Record<string, TrendDirection>;
    for (const partner of partners) {
      const scores = points
        .filter((point) => point.partner === partner)
        .map((point) => point.score);
      const last = scores[scores.length - 1];
      if (last !== undefined) latest[partner] = last;
      trend[partner] = trendDirection(scores);
    }
    const values = partners.map((partner) =>
      Object.hasOwn(latest, partner) ? latest[partner] : undefined,
    );
    const [a, b] = values;
    const diverging = a !== undefined && b !== undefined && Math.abs(a - b) >= threshold;
    return { dimension: dimension.id, points, latest, direction: trend, diverging };
  });
  return { exercise: exercise.id, dimensions };
}
