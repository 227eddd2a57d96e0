import type { Couple } from '../program/couple.js';

/**
 * A couple for tests: `ana` in Berlin and `kai` in New York, starting Monday 2026-01-05 08:00 UTC.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const engine = createEngine({ program, couple: testCouple, device: 'test', now: clock.now });
 * ```
 */
export const testCouple: Couple = {
  id: 'test-couple',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};
