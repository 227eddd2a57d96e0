import type { AttuneEvent, CheckInTrends } from '@attune/core';
import { useAttuneContext } from './context.js';
import { useAttuneSelector } from './use-attune-selector.js';

/** A check-in's trends and the action to record this partner's scores. */
export interface CheckInState {
  /**
   * Per dimension: the scores over time, each partner's latest score and direction, and `diverging`
   * when the partners' latest scores are far apart. `undefined` when the program has no such check-in.
   */
  readonly trends: CheckInTrends | undefined;
  /** Records this partner's scores, by dimension id. */
  record(scores: Readonly<Record<string, number>>): AttuneEvent;
}

/**
 * One check-in exercise's trends and divergence, and recording the partner's scores.
 *
 * @example
 * ```tsx
 * const { trends, record } = useCheckIn('weekly-check-in');
 * const diverging = trends?.dimensions.filter((dimension) => dimension.diverging);
 * ```
 */
export function useCheckIn(exerciseId: string): CheckInState {
  const { engine, partner } = useAttuneContext();
  return {
    trends: useAttuneSelector((snapshot) =>
      snapshot.checkIns.find((trends) => trends.exercise === exerciseId),
    ),
    record: engine.recordCheckIn.bind(engine, partner, exerciseId),
  };
}
