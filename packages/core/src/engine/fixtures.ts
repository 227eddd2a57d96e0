import type { Couple } from '../program/couple.js';

/** A couple in two time zones, starting Monday 2026-01-05 08:00 UTC. Shared by the engine's tests. */
export const testCouple: Couple = {
  id: 'test-couple',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};

/** A clock tests move by hand, so nothing sleeps. */
export function manualClock(start: number = testCouple.startedAt): {
  now: () => number;
  advance: (ms: number) => void;
  set: (ms: number) => void;
} {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
