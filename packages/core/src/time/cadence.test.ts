import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './cadence.js';
import { formatLocal, toLocal } from './zone.js';

const local = (zone: string, at: number) => formatLocal(toLocal(zone, at));

describe('nextOccurrence', () => {
  it('keeps a weekly 19:00 ritual at 19:00 across the US spring-forward change', () => {
    const zone = 'America/New_York';
    const start = Date.UTC(2026, 2, 1, 12); // Sunday 1 March, 07:00 local
    const weekly = { every: 'week', interval: 1, weekday: 0, time: '19:00' } as const;
    const first = nextOccurrence(weekly, zone, start, start);
    const second = nextOccurrence(weekly, zone, start, first);
    expect(local(zone, first)).toBe('2026-03-01T19:00');
    expect(local(zone, second)).toBe('2026-03-08T19:00');
    expect(second - first).toBe(7 * 24 * 3_600_000 - 3_600_000);
  });

  it('keeps a daily ritual at its local time across the European change', () => {
    const zone = 'Europe/Berlin';
    const start = Date.UTC(2026, 2, 27, 6);
    const daily = { every: 'day', interval: 1, time: '20:30' } as const;
    let at = start;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      at = nextOccurrence(daily, zone, start, at);
      seen.push(local(zone, at));
    }
    expect(seen).toEqual([
      '2026-03-27T20:30',
      '2026-03-28T20:30',
      '2026-03-29T20:30',
      '2026-03-30T20:30',
    ]);
  });

  it("works in half-hour zones and through Lord Howe Island's half-hour change", () => {
    const kolkata = nextOccurrence(
      { every: 'day', interval: 2, time: '07:45' },
      'Asia/Kolkata',
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 0, 1),
    );
    expect(new Date(kolkata).toISOString()).toBe('2026-01-01T02:15:00.000Z');

    const zone = 'Australia/Lord_Howe';
    const start = Date.UTC(2026, 3, 1); // 1 April, before the change on 5 April
    const daily = { every: 'day', interval: 1, time: '19:00' } as const;
    const before = nextOccurrence(daily, zone, start, Date.UTC(2026, 3, 3, 12));
    const after = nextOccurrence(daily, zone, start, before);
    const later = nextOccurrence(daily, zone, start, after);
    expect([before, after, later].map((at) => local(zone, at))).toEqual([
      '2026-04-04T19:00',
      '2026-04-05T19:00',
      '2026-04-06T19:00',
    ]);
    expect(after - before).toBe(24 * 3_600_000 + 1_800_000);
  });

  it('runs monthly on the starting day, or the last day of shorter months', () => {
    const zone = 'Europe/Berlin';
    const start = Date.UTC(2026, 0, 31, 10);
    const monthly = { every: 'month', interval: 1, time: '19:00' } as const;
    const first = nextOccurrence(monthly, zone, start, start);
    const second = nextOccurrence(monthly, zone, start, first);
    expect([local(zone, first), local(zone, second)]).toEqual([
      '2026-01-31T19:00',
      '2026-02-28T19:00',
    ]);
  });
});
