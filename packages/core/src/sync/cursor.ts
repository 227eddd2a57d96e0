import { hasForbiddenCharacter, MAX_ID_LENGTH } from '../log/bounds.js';
import { AttuneSyncError } from './sync-error.js';

/**
 * What a device holds, per device id: ranges of sequence numbers, `[first, last]`, sorted and not
 * touching. A recipient sends its cursor, and the sender exports only what is not in it. Ranges, not a
 * single "up to", because a partner's device never holds the other's private entries: their sequence
 * numbers are gaps it will never fill. The cursors made here have no prototype, so a device id such as
 * `constructor` or `__proto__` is a key like any other.
 */
export type SyncCursor = Readonly<Record<string, readonly (readonly [number, number])[]>>;

type Ranges = readonly (readonly [number, number])[];

// Without a prototype, assigning `__proto__` makes a key, and reading `toString` finds nothing.
const emptyCursor = (): Record<string, Ranges> => Object.create(null) as Record<string, Ranges>;

/** Adds events to a cursor, returning a new one: after importing a batch, or after a push succeeded. */
export function advanceCursor(
  cursor: SyncCursor,
  events: Iterable<{ readonly device: string; readonly seq: number }>,
): SyncCursor {
  const added = new Map<string, number[]>();
  for (const { device, seq } of events) {
    const list = added.get(device);
    if (list) list.push(seq);
    else added.set(device, [seq]);
  }
  const next = emptyCursor();
  for (const device of Object.keys(cursor)) next[device] = cursor[device] as Ranges;
  for (const [device, seqs] of added) {
    const held = Object.hasOwn(cursor, device) ? (cursor[device] as Ranges) : [];
    const ranges = [...held, ...seqs.map((seq) => [seq, seq] as const)].sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [first, last] of ranges) {
      const previous = merged[merged.length - 1];
      if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
      else merged.push([first, last]);
    }
    next[device] = merged;
  }
  return next;
}

/** The cursor of a device holding these events. */
export function cursorOf(
  events: Iterable<{ readonly device: string; readonly seq: number }>,
): SyncCursor {
  return advanceCursor({}, events);
}

/** Whether a cursor holds the event `device:seq`. */
export function cursorHas(cursor: SyncCursor, device: string, seq: number): boolean {
  const ranges = Object.hasOwn(cursor, device) ? cursor[device] : undefined;
  if (!ranges) return false;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [first, last] = ranges[middle] as readonly [number, number];
    if (seq < first) high = middle - 1;
    else if (seq > last) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Checks a cursor that came from elsewhere (a request body), returning a copy of it without a
 * prototype: device ids (at most 128 characters, no NUL or lone surrogate) to ranges.
 *
 * @throws {@link AttuneSyncError} with code `malformed`, naming the device at fault.
 */
export function checkCursor(value: unknown): SyncCursor {
  const fail = (where: string): never => {
    throw new AttuneSyncError(
      'malformed',
      `The sync cursor is malformed at ${where}`,
      'Send the cursor cursorOf() produced: device ids to sorted [first, last] ranges of whole numbers',
    );
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('its top level');
  const checked = emptyCursor();
  for (const [device, ranges] of Object.entries(value as Record<string, unknown>)) {
    if (device.length === 0 || device.length > MAX_ID_LENGTH || hasForbiddenCharacter(device)) {
      fail('a device id that is not an id');
    }
    if (!Array.isArray(ranges)) fail(`"${device}"`);
    let previous = 0;
    for (const range of ranges as unknown[]) {
      const [first, last] = Array.isArray(range) ? range : [];
      if (
        !Array.isArray(range) ||
        range.length !== 2 ||
        !Number.isSafeInteger(first) ||
        !Number.isSafeInteger(last) ||
        first < 1 ||
        last < first ||
        first <= previous
      ) {
        fail(`"${device}"`);
      }
      previous = last;
    }
    checked[device] = ranges as Ranges;
  }
  return checked;
}
