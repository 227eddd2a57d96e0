import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttuneError } from '../errors/attune-error.js';
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

describe('time zones on a platform without them', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** The zone module afresh, so that it probes the stubbed platform rather than the real one. */
  const freshZone = async () => {
    vi.resetModules();
    return import('./zone.js');
  };

  it('names the missing Intl feature and the polyfill where Intl is missing', async () => {
    vi.stubGlobal('Intl', undefined);
    const zone = await freshZone();
    let thrown: unknown;
    try {
      zone.toLocal('Europe/Berlin', Date.UTC(2026, 0, 15));
    } catch (error) {
      thrown = error;
    }
    expect(AttuneError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      name: 'AttunePlatformError',
      code: 'intl-time-zones-missing',
      message: expect.stringContaining('Intl.DateTimeFormat'),
      fix: expect.stringContaining('@formatjs/intl-datetimeformat'),
    });
  });

  it('refuses an Intl.DateTimeFormat that ignores the time zone instead of computing wrong days', async () => {
    // As an engine built with UTC only formats: every zone comes out as UTC.
    const Real = Intl.DateTimeFormat;
    class UtcOnly extends Real {
      constructor(locale?: string, options?: Intl.DateTimeFormatOptions) {
        super(locale, { ...options, timeZone: 'UTC' });
      }
    }
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: UtcOnly });
    const zone = await freshZone();
    expect(() => zone.localDay('America/New_York', Date.UTC(2026, 0, 15))).toThrow(
      /cannot format in time zones.*@formatjs\/intl-datetimeformat/s,
    );
  });

  it('refuses an Intl.DateTimeFormat without formatToParts', async () => {
    const Real = Intl.DateTimeFormat;
    class NoParts extends Real {}
    Object.defineProperty(NoParts.prototype, 'formatToParts', { value: undefined });
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: NoParts });
    const zone = await freshZone();
    expect(() => zone.zoneOffset('Asia/Kolkata', 0)).toThrow(
      expect.objectContaining({ code: 'intl-time-zones-missing' }),
    );
  });

  it('still throws a RangeError for a zone that a capable platform does not know', async () => {
    const zone = await freshZone();
    expect(() => zone.zoneOffset('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
