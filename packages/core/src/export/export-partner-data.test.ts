import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { viewEvents } from '../visibility/view.js';
import { exportPartnerData } from './export-partner-data.js';

const { couple } = simulated;
const ordered: LoggedEvent[] = [...sampleEvents].sort(compareEvents);

describe('exportPartnerData', () => {
  it('gives what a partner wrote in full and what was shared with them as their view shows it', () => {
    const data = exportPartnerData(ordered, {
      couple,
      partner: 'kai',
      now: () => Date.UTC(2026, 1, 1),
    });
    expect(data).toMatchObject({
      format: 'attune-partner-export',
      version: 1,
      exportedAt: '2026-02-01T00:00:00.000Z',
      couple: couple.id,
      partner: 'kai',
    });
    expect(data.written).toEqual(ordered.filter((event) => event.partner === 'kai'));
    expect(data.sharedWithThem).toEqual(
      viewEvents(ordered, 'kai').filter(
        (entry) => entry.partner !== 'kai' && !data.written.some((e) => e.id === entry.id),
      ),
    );
    expect(data.sharedWithThem.some((entry) => entry.visibility === 'private')).toBe(false);
    // The written events read back as they were: the export doubles as a backup of one's own part.
    expect(JSON.parse(JSON.stringify(data)).written).toEqual(data.written);
  });

  it('refuses a partner who is not in the couple', () => {
    expect(() => exportPartnerData(ordered, { couple, partner: 'zoe' })).toThrow(
      /"zoe" is not one of this couple's partners/,
    );
  });
});
