const DAY = 86_400_000;
// Every time-zone transition in use happens on a quarter hour, so offsets are cached per quarter hour.
const QUARTER_HOUR = 900_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
// Per time zone, quarter-hour bucket → offset. Folding a long log asks for the same few buckets often.
const offsets = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
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
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * How far a time zone is ahead of UTC at an instant, in ms (negative west of Greenwich).
 *
 * @throws RangeError for a time zone the platform does not know.
 */
export function zoneOffset(timeZone: string, utc: number): number {
  const bucket = Math.floor(utc / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const cached = zone.get(bucket);
  if (cached !== undefined) return cached;
  const at = bucket * QUARTER_HOUR;
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
  const offset = local - at;
  if (zone.size > 200_000) zone.clear();
  zone.set(bucket, offset);
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
