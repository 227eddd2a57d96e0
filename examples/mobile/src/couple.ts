import type { Couple } from '@attune/core';

/**
 * The couple this example runs for. A real app asks in onboarding and keeps it beside the history;
 * here it is fixed, so the example is about the store and the hooks.
 */
export const demoCouple: Couple = {
  id: 'ana-and-kai',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.parse('2026-01-05T08:00:00Z'),
};
