import { AttuneError } from '../errors/attune-error.js';

const DAY = 86_400_000;
// Every time-zone transition in use happens on a quarter hour, so offsets are cached per quarter hour.
const QUARTER_HOUR = 900_000;
const BLOCK = 8 * DAY;

const formatters = new Map<string, Intl.DateTimeFormat>();
// Per time zone, block of days → offset in it, or NaN for a block in which the offset changes.
const offsets = new Map<string, Map<number, number>>();
// Per time zone, quarter hour → offset, inside the blocks where the offset changes.
const changingBlocks = new Map<string, Map<number, number>>();

// Whether the platform's Intl formats in any time zone, probed once: undefined until first asked.
let zonesSupported: boolean | undefined;

/**
 * Throws a clear error where `Intl.DateTimeFormat` cannot place an instant in a time zone: some
 * JavaScript engines (Hermes or JavaScriptCore built without Intl, older Android) leave `Intl` out,
 * lack `formatToParts`, or know only UTC. Without it every day and week would fall on the wrong date.
 */
function assertTimeZoneSupport(): void {
  zonesSupported ??= probeTimeZones();
  if (zonesSupported) return;
  throw new AttuneError('AttunePlatformError', {
    code: 'intl-time-zones-missing',
    message:
      "This JavaScript engine's Intl.DateTimeFormat cannot format in a time zone (Intl.DateTimeFormat with `timeZone`, and its formatToParts), which Attune needs to place each partner's days and weeks",
    fix: "Load a polyfill before Attune: @formatjs/intl-getcanonicallocales, @formatjs/intl-locale, @formatjs/intl-numberformat and @formatjs/intl-datetimeformat, with '@formatjs/intl-datetimeformat/add-all-tz' for the time-zone data (docs/react-native.md)",
  });
}

function probeTimeZones(): boolean {
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Kolkata',
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
    });
    // 12:00 UTC is 17:30 in Kolkata: an engine that ignores `timeZone` gives another time.
    const parts = format.formatToParts(Date.UTC(2026, 0, 15, 12, 0));
    const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return value('hour') === 17 && value('minute') === 30;
  } catch {
    return false;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    assertTimeZoneSupport();
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function offsetAt(timeZone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  );
  return local - Math.floor(at / 60_000) * 60_000;
}

/**
 * How far a time zone is ahead of UTC at an instant, in ms (negative west of Greenwich).
 *
 * @throws RangeError for a time zone the platform does not know; an `AttuneError` with code
 * `intl-time-zones-missing` where the platform's `Intl` cannot format in time zones at all.
 */
export function zoneOffset(timeZone: string, utc: number): number {
  // Offsets change a few times a year at most. A block of days whose first and last quarter hours
  // agree has one offset throughout (no zone changes twice within it); only a block holding a change
  // is looked at quarter hour by quarter hour.
  const day = Math.floor(utc / BLOCK);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let known = zone.get(day);
  if (known === undefined) {
    const start = offsetAt(timeZone, day * BLOCK);
    const end = offsetAt(timeZone, (day + 1) * BLOCK - QUARTER_HOUR);
    known = start === end ? start : Number.NaN;
    if (zone.size > 100_000) zone.clear();
    zone.set(day, known);
  }
  if (!Number.isNaN(known)) return known;
  const quarter = Math.floor(utc / QUARTER_HOUR);
  let changing = changingBlocks.get(timeZone);
  if (!changing) {
    changing = new Map();
    changingBlocks.set(timeZone, changing);
  }
  let offset = changing.get(quarter);
  if (offset === undefined) {
    offset = offsetAt(timeZone, quarter * QUARTER_HOUR);
    if (changing.size > 100_000) changing.clear();
    changing.set(quarter, offset);
  }
  return offset;
}

/** A wall-clock time in some time zone. `month` is 1–12; `weekday` is 0 = Sunday … 6 = Saturday. */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

/** The wall-clock time in a time zone at an instant. */
export function toLocal(timeZone: string, utc: number): LocalTime {
  const shifted = new Date(utc + zoneOffset(timeZone, utc));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/**
 * The instant a wall-clock time happens in a time zone. A time skipped by a clock change (02:30 on a
 * spring-forward night) moves forward by the gap; a time that happens twice takes the first.
 */
export function fromLocal(
  timeZone: string,
  local: Pick<LocalTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = asUtc - zoneOffset(timeZone, asUtc - DAY / 2);
  const after = asUtc - zoneOffset(timeZone, asUtc + DAY / 2);
  const valid = [before, after].filter((utc) => utc + zoneOffset(timeZone, utc) === asUtc);
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** Days since 1970-01-01 by the calendar of a time zone. */
export function localDay(timeZone: string, utc: number): number {
  return Math.floor((utc + zoneOffset(timeZone, utc)) / DAY);
}

/** Weeks (Monday to Sunday) since the week of 1970-01-01, by the calendar of a time zone. */
export function localWeek(timeZone: string, utc: number): number {
  // 1970-01-01 was a Thursday: three days after the Monday that starts its week.
  return Math.floor((localDay(timeZone, utc) + 3) / 7);
}

/** Formats a wall-clock time as `YYYY-MM-DDTHH:mm`, for showing or scheduling in that zone. */
export function formatLocal(local: LocalTime): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}
