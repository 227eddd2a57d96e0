import { AttuneError } from '../errors/attune-error.js';

const DAY = 86_400_000;
// Every time-zone transition in use happens on a quarter hour, so a change is looked for to the quarter hour.
const QUARTER_HOUR = 900_000;
const BLOCK = 8 * DAY;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Where the offset changes inside a block: the first quarter hour of the new offset, and both. */
interface OffsetChange {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/** What is known of one time zone's offsets, block of days by block. */
interface ZoneOffsets {
  /** Block → its one offset, or the change inside it. */
  readonly blocks: Map<number, number | OffsetChange>;
  /** The block last asked for and what it holds: most instants asked for in a row share one. */
  lastBlock: number;
  last: number | OffsetChange;
}

const zones = new Map<string, ZoneOffsets>();

// Whether the platform's Intl formats in time zones, probed once, with the first zone asked for.
let zonesSupported: boolean | undefined;

const createFormatter = (timeZone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });

/**
 * Whether `Intl.DateTimeFormat` can place an instant in a time zone. Some JavaScript engines
 * (Hermes or JavaScriptCore built without Intl, older Android) leave `Intl` out, lack
 * `formatToParts`, or know only UTC; every day and week would then fall on the wrong date.
 */
function probeTimeZones(): boolean {
  try {
    // Kolkata is 5:30 ahead of UTC, with no daylight saving: an engine that ignores `timeZone` says
    // otherwise. Not the instant 0: fake timers read a falsy date as "now".
    return offsetIn(createFormatter('Asia/Kolkata'), 1_577_836_800_000) === 19_800_000;
  } catch {
    return false;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    zonesSupported ??= probeTimeZones();
    if (!zonesSupported) {
      throw new AttuneError('AttunePlatformError', {
        code: 'intl-time-zones-missing',
        message:
          "Intl.DateTimeFormat cannot format in time zones here; Attune needs it for each partner's days",
        fix: 'Load @formatjs/intl-datetimeformat/polyfill-force.js and add-all-tz.js first (docs/react-native.md)',
      });
    }
    format = createFormatter(timeZone);
    formatters.set(timeZone, format);
  }
  return format;
}

function offsetIn(format: Intl.DateTimeFormat, at: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) {
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

const offsetAt = (timeZone: string, at: number): number => offsetIn(formatter(timeZone), at);

/**
 * How far a time zone is ahead of UTC at an instant, in ms (negative west of Greenwich).
 *
 * @throws RangeError for a time zone the platform does not know; an `AttuneError` with code
 * `intl-time-zones-missing` where the platform's `Intl` cannot format in time zones at all.
 */
export function zoneOffset(timeZone: string, utc: number): number {
  // Offsets change a few times a year at most. A block of days whose first and last quarter hours
  // agree has one offset throughout (no zone changes twice within it); in a block that holds a
  // change, the quarter hour it happens at is found once, by halving, so that a long history asks
  // the platform a few times per block, not once per quarter hour it touches.
  const block = Math.floor(utc / BLOCK);
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = { blocks: new Map(), lastBlock: Number.NaN, last: 0 };
    zones.set(timeZone, zone);
  }
  if (zone.lastBlock !== block) {
    let known = zone.blocks.get(block);
    if (known === undefined) {
      const start = offsetAt(timeZone, block * BLOCK);
      const end = offsetAt(timeZone, (block + 1) * BLOCK - QUARTER_HOUR);
      known = start === end ? start : findChange(timeZone, block * BLOCK, start);
      if (zone.blocks.size > 100_000) zone.blocks.clear();
      zone.blocks.set(block, known);
    }
    zone.lastBlock = block;
    zone.last = known;
  }
  const known = zone.last;
  if (typeof known === 'number') return known;
  return utc < known.at ? known.before : known.after;
}

/** The change of offset inside the block starting at `start`, whose ends have different offsets. */
function findChange(timeZone: string, start: number, before: number): OffsetChange {
  // The offset at quarter hour `low` is `before`; at `high` it is not.
  let low = 0;
  let high = BLOCK / QUARTER_HOUR - 1;
  let after = offsetAt(timeZone, start + high * QUARTER_HOUR);
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    const offset = offsetAt(timeZone, start + middle * QUARTER_HOUR);
    if (offset === before) low = middle;
    else {
      high = middle;
      after = offset;
    }
  }
  return { at: start + high * QUARTER_HOUR, before, after };
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
