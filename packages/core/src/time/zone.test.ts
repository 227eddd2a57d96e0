import fc from 'fast-check';
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

const referenceFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset as the platform states it, asked every time: the reference the cache must match. */
function platformOffset(timeZone: string, at: number): number {
  let format = referenceFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    referenceFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  );
  return local - Math.floor(at / 60_000) * 60_000;
}

/** The minutes at which a zone's offset changed between two instants, found week by week. */
function changesOf(timeZone: string, from: number, to: number): number[] {
  const week = 7 * 86_400_000;
  const found: number[] = [];
  for (let at = from; at < to; at += week) {
    if (platformOffset(timeZone, at) === platformOffset(timeZone, at + week)) continue;
    let low = at;
    let high = at + week;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (platformOffset(timeZone, middle) === platformOffset(timeZone, at)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

describe('time-zone offsets over long histories', () => {
  // Zones with changes twice a year, half-hour changes, a change the hour before midnight, and none.
  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Tehran',
    'Asia/Kolkata',
  ];
  const changes = zones.flatMap((zone) =>
    changesOf(zone, Date.UTC(2000, 0, 3), Date.UTC(2030, 0, 1)).map((at) => ({ zone, at })),
  );

  it('finds clock changes to test against', () => {
    // Three zones with two changes a year over 30 years, Tehran until 2022, and more.
    expect(changes.length).toBeGreaterThan(200);
  });

  it('always gives the offset the platform gives, near changes and far from them', () => {
    const anyInstant = fc.record({
      zone: fc.constantFrom(...zones),
      at: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
    });
    // A few minutes to an hour either side of a change, and the minute of it.
    const nearChange = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -3_600_000, max: 3_600_000 }))
      .map(([{ zone, at }, shift]) => ({ zone, at: at + shift }));
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearChange), ({ zone, at }) => {
        expect(zoneOffset(zone, at)).toBe(platformOffset(zone, at));
      }),
      { numRuns: 2_000 },
    );
  });

  it('walks every minute across a spring and an autumn change exactly', () => {
    const walks = [
      ['America/New_York', Date.UTC(2026, 2, 8, 6)],
      ['America/New_York', Date.UTC(2026, 10, 1, 5)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14)],
      ['Europe/Berlin', Date.UTC(2026, 9, 25, 0)],
    ] as const;
    for (const [zone, change] of walks) {
      for (let at = change - 3_600_000; at <= change + 3_600_000; at += 60_000) {
        expect(zoneOffset(zone, at), `${zone} at ${new Date(at).toISOString()}`).toBe(
          platformOffset(zone, at),
        );
      }
    }
  });

  it('asks the platform a bounded number of times for a year of instants, quarter hour by quarter hour', async () => {
    vi.resetModules();
    const fresh = await import('./zone.js');
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      const start = Date.UTC(2027, 0, 1);
      for (let at = start; at < start + 365 * 86_400_000; at += 900_000) {
        fresh.zoneOffset('Europe/Berlin', at);
      }
      // Two per block of eight days (46 blocks), a dozen more for each of the two changes, and the
      // probe; asking per quarter hour inside the changing blocks would take over 1,500.
      expect(spy.mock.calls.length).toBeLessThan(2 * 46 + 2 * 12 + 4);
    } finally {
      spy.mockRestore();
      vi.resetModules();
    }
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
