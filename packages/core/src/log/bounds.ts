/**
 * The limits on every event the engine accepts, recorded here or received. One place, so the checks
 * (`checkEvent`, the hybrid clock, the fold) and their tests agree; exported for tests and sibling
 * modules, not part of the public API.
 *
 * @module
 */

/**
 * The earliest clock wall time accepted: the Unix epoch. Not the couple's start: a phone whose clock
 * was reset to 1970 must still be able to record (the hybrid clock keeps its events in order), and
 * the stored format has always had unsigned wall times.
 */
export const MIN_WALL: number = 0;

/**
 * The latest clock wall time accepted: the last millisecond of the year 9999. Well inside the range of
 * `Date` (8.64e15 ms, the year 275760), so the fold's calendar arithmetic a few days or weeks past an
 * event never leaves it, and every time still has a four-digit year, which ISO 8601 strings and
 * databases' timestamp types need. No device clock reads later.
 */
export const MAX_WALL: number = Date.UTC(10_000, 0, 1) - 1;

/**
 * The largest clock counter accepted. The counter orders events within one millisecond, or while a
 * device's clock stands behind the latest it saw; a million is far more than a couple records, and
 * what `eventSchema` in `@attune/core/validation` allows. The hybrid clock moves on to the next
 * millisecond instead of counting past it, so a received counter at the bound never stalls recording.
 */
export const MAX_COUNTER: number = 1_000_000;

/**
 * The longest id: an event's partner, device and type, and every id in its data (exercise, prompt,
 * question, entry, the keys of scores, answers and fields). As `eventSchema` allows; an event id is
 * its device id, a colon and its sequence, so it is checked through them.
 */
export const MAX_ID_LENGTH: number = 128;

/**
 * The longest string in an event's data, in UTF-16 code units: an answer's text, a line of an
 * agreement, any string in a plugin's data. About ten pages of prose.
 */
export const MAX_TEXT_LENGTH: number = 20_000;

/**
 * How deeply an event's data may nest objects and arrays, the data itself being depth 1. The built-in
 * types need 3; a plugin's data rarely more than a few. Checks walk data without recursion, so this
 * is a limit on what is kept, not on what the stack can take.
 */
export const MAX_DEPTH: number = 32;

/**
 * The largest event data, as the UTF-8 bytes of its JSON: 64 KiB. The longest text (20,000 code
 * units, at most 60,000 bytes) fits with its ids; it keeps one event within what a sync batch, a
 * database row or an IndexedDB record comfortably holds.
 */
export const MAX_DATA_BYTES: number = 64 * 1024;

// With the `u` flag a character class of surrogates matches only lone ones: a pair is one code point.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
type WellFormed = { readonly isWellFormed?: () => boolean };
// Twice as fast as the expression where the platform has it (ES2024: Node 20, every current browser).
const native = typeof (String.prototype as WellFormed).isWellFormed === 'function';

/**
 * Whether a string holds a NUL character or a lone surrogate: neither is text, PostgreSQL refuses both
 * in `text` and `jsonb`, and a lone surrogate does not survive UTF-8.
 */
export function hasForbiddenCharacter(value: string): boolean {
  if (value.indexOf('\u0000') !== -1) return true;
  return native
    ? !(value as unknown as Required<WellFormed>).isWellFormed()
    : LONE_SURROGATE.test(value);
}

/** The UTF-8 length of a well-formed string, counting no further than `limit + 1`. */
export function utf8Length(value: string, limit: number = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < value.length && bytes <= limit; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is four bytes, two per half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
