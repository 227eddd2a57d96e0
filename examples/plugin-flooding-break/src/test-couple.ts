import type { Couple } from '@attune/core';

/** The couple the plugin's tests follow: a partner in Mexico City and one in Tokyo. */
export const testCouple: Couple = {
  id: 'alex-and-rin',
  partners: [
    { id: 'alex', timeZone: 'America/Mexico_City' },
    { id: 'rin', timeZone: 'Asia/Tokyo' },
  ],
  startedAt: Date.UTC(2026, 2, 2, 9),
};
