import { describe, expect, it } from 'vitest';
import { formatLocal, fromLocal, localWeek, toLocal, zoneOffset } from './zone.js';

const HOUR = 3_600_000;

describe('time zones', () => {
  it('reads offsets across daylight-saving changes and half-hour zones', () => {
    expect(zoneOffset('America/New_York', Date.UTC(2026, 0, 15))).toBe(-5 * HOUR);
    expect(zoneOffset('America/New_York', Date.UTC(2026, 6, 15))).toBe(-4 * HOUR);
    expect(zoneOffset('Europe/Berlin', Date.UTC(2026, 6, 15))).toBe(2 * HOUR);
    expect(zoneOffset('Asia/Kolkata', Date.UTC(2026, 6, 15))).toBe(5.5 * HOUR);
    // Lord Howe Island moves its clocks by only half an hour.
    expect(zoneOffset('Australia/Lord_Howe', Date.UTC(2026, 0, 15))).toBe(11 * HOUR);
    expect(zoneOffset('Australia/Lord_Howe', Date.UTC(2026, 6, 15))).toBe(10.5 * HOUR);
  });

  it('turns a wall-clock time into an instant and back', () => {
    const at = fromLocal('Asia/Kolkata', { year: 2026, month: 3, day: 1, hour: 9, minute: 15 });
    expect(new Date(at).toISOString()).toBe('2026-03-01T03:45:00.000Z');
    expect(formatLocal(toLocal('Asia/Kolkata', at))).toBe('2026-03-01T09:15');
  });

  it('moves a time skipped by the spring-forward change to just after it', () => {
    const at = fromLocal('America/New_York', { year: 2026, month: 3, day: 8, hour: 2, minute: 30 });
    expect(formatLocal(toLocal('America/New_York', at))).toBe('2026-03-08T03:30');
  });

  it('takes the first of a time that happens twice when clocks fall back', () => {
    const at = fromLocal('America/New_York', {
      year: 2026,
      month: 11,
      day: 1,
      hour: 1,
      minute: 30,
    });
    expect(new Date(at).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    const lordHowe = fromLocal('Australia/Lord_Howe', {
      year: 2026,
      month: 4,
      day: 5,
      hour: 1,
      minute: 45,
    });
    expect(new Date(lordHowe).toISOString()).toBe('2026-04-04T14:45:00.000Z');
  });

  it('counts weeks from Monday in the local calendar', () => {
    // Sunday 23:30 in Berlin is still the same week; in UTC it is Sunday 22:30.
    const sunday = fromLocal('Europe/Berlin', {
      year: 2026,
      month: 1,
      day: 11,
      hour: 23,
      minute: 30,
    });
    const monday = fromLocal('Europe/Berlin', {
      year: 2026,
      month: 1,
      day: 12,
      hour: 0,
      minute: 30,
    });
    expect(localWeek('Europe/Berlin', monday) - localWeek('Europe/Berlin', sunday)).toBe(1);
    expect(localWeek('America/New_York', monday)).toBe(localWeek('America/New_York', sunday));
  });
});
