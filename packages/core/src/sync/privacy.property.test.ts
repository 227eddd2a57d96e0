import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { exportPartnerData } from '../export/export-partner-data.js';
import { simulateCouple } from '../testing/simulate.js';
import { exportEvents } from './export-events.js';

const PRIVATE = 'PRIVATE-MARKER-4b1d';
const behaviours = ['engaged', 'uneven', 'paused', 'diverging', 'unsafe'] as const;

describe('what leaves a device for the other partner', () => {
  it("never holds the author's private entries or safety answers, in a sync batch or a partner's export", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...behaviours),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('ana', 'kai'),
        (seed, behaviour, days, recipient) => {
          const { couple, events } = simulateCouple({
            days,
            seed,
            behaviour,
            privateMarker: PRIVATE,
          });
          const author = recipient === 'ana' ? 'kai' : 'ana';
          const authored = (event: LoggedEvent) => event.partner === author;
          const secret = events.filter(
            (event) =>
              authored(event) &&
              (event.visibility === 'private' || event.type === 'safety-check-taken'),
          );
          const ownMarkers = events.filter(
            (event) => !authored(event) && JSON.stringify(event.data).includes(PRIVATE),
          ).length;

          const batch = JSON.stringify(exportEvents(events, { couple, recipient }));
          const exported = JSON.stringify(
            exportPartnerData(events, { couple, partner: recipient, now: () => 0 }),
          );
          for (const text of [batch, exported]) {
            for (const event of secret) expect(text).not.toContain(`"${event.id}"`);
            expect(text.split(PRIVATE).length - 1).toBe(ownMarkers);
            // Safety answers leave only for their author's own devices.
            expect(text.split('"answers"').length - 1).toBe(
              events.filter((e) => !authored(e) && e.type === 'safety-check-taken').length,
            );
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});
