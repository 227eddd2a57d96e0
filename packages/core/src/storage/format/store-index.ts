import type { LoggedEvent } from '../../events/types.js';
import { currentStorageFormat } from './migrations.js';

/** Highest sequence numbers, per device id. */
export type SequenceMarks = Readonly<Record<string, number>>;

/**
 * The index of a store, format 2: which couple it holds, which device id this install records
 * under, and two marks per device. It is written after the records, so after a crash `stored` can
 * only be behind them — and it is then rebuilt from them; when it is ahead, events were lost (a
 * truncated file, a restored backup).
 */
export interface StoreIndex {
  readonly format: 'attune-event-store';
  /** The newest storage format ever written here. */
  readonly version: number;
  readonly couple: string;
  /**
   * The device id this install records under, made by the store; absent in format 1, when the app
   * kept it.
   */
  readonly device?: string;
  /** The install marker the storage was last opened with, when the app gives one. */
  readonly install?: string;
  /**
   * Per device, the highest sequence number ever written here. It never goes down — not through an
   * erasure, a merge that dropped events, or lost records — so an engine started from this storage
   * never gives a new event an id already used.
   */
  readonly highWater: SequenceMarks;
  /** Per device, the highest sequence number stored now: what tells lost records from a crash. */
  readonly stored: SequenceMarks;
}

/**
 * Marks keyed by device id, in an object without a prototype: a device named `constructor` or
 * `__proto__` is a key like any other.
 */
export function emptyMarks(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/** A copy of some marks, without a prototype. */
export function copyMarks(marks: SequenceMarks): Record<string, number> {
  const copy = emptyMarks();
  for (const [device, seq] of Object.entries(marks)) copy[device] = seq;
  return copy;
}

/** One device's mark, 0 where it has none. */
export function markOf(marks: SequenceMarks, device: string): number {
  return Object.hasOwn(marks, device) ? (marks[device] as number) : 0;
}

/** The highest sequence number per device among some events. */
export function highWaterOf(events: Iterable<LoggedEvent>): Record<string, number> {
  const marks = emptyMarks();
  for (const event of events) {
    if (markOf(marks, event.device) < event.seq) marks[event.device] = event.seq;
  }
  return marks;
}

/** The higher of two marks, device by device. */
export function higherMarks(a: SequenceMarks, b: SequenceMarks): Record<string, number> {
  const marks = copyMarks(a);
  for (const [device, seq] of Object.entries(b)) {
    if (markOf(marks, device) < seq) marks[device] = seq;
  }
  return marks;
}

const sorted = (marks: SequenceMarks) =>
  Object.fromEntries(Object.entries(marks).sort(([a], [b]) => (a < b ? -1 : 1)));

/** What an index says; `encodeIndex` adds the format and version. */
export interface StoreIndexFields {
  readonly couple: string;
  readonly device: string | undefined;
  readonly install: string | undefined;
  readonly highWater: SequenceMarks;
  readonly stored: SequenceMarks;
}

/** The index text in the current format. */
export function encodeIndex(fields: StoreIndexFields): string {
  const index: StoreIndex = {
    format: 'attune-event-store',
    version: currentStorageFormat,
    couple: fields.couple,
    ...(fields.device === undefined ? {} : { device: fields.device }),
    ...(fields.install === undefined ? {} : { install: fields.install }),
    highWater: sorted(fields.highWater),
    stored: sorted(fields.stored),
  };
  return JSON.stringify(index);
}

/** An index read back. */
export type DecodedIndex =
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable' }
  /** Written by a newer Attune: its shape may have changed, so only the version is read. */
  | { readonly kind: 'newer'; readonly version: number }
  /** An index of this format or an older one (`version`), read as the current shape. */
  | { readonly kind: 'index'; readonly index: StoreIndex; readonly version: number };

const isMarks = (value: unknown): value is SequenceMarks =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((seq) => Number.isSafeInteger(seq) && (seq as number) >= 0);

/** A device id as events carry it, or an install marker: text of 1 to 128 characters. */
export const isName = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 128;

/**
 * Reads an index, telling a missing one from a damaged one and from one written by newer code. An
 * index of format 1, whose `highWater` meant what is stored now, reads with that mark as both marks
 * and no device.
 */
export function decodeIndex(text: string | undefined): DecodedIndex {
  if (text === undefined) return { kind: 'none' };
  let parsed: Partial<Record<keyof StoreIndex, unknown>> | null;
  try {
    parsed = JSON.parse(text) as Partial<Record<keyof StoreIndex, unknown>> | null;
  } catch {
    return { kind: 'unreadable' };
  }
  if (parsed?.format !== 'attune-event-store' || !Number.isSafeInteger(parsed.version)) {
    return { kind: 'unreadable' };
  }
  const version = parsed.version as number;
  if (version > currentStorageFormat) return { kind: 'newer', version };
  const { couple, highWater } = parsed;
  if (typeof couple !== 'string' || !isMarks(highWater)) return { kind: 'unreadable' };
  if (version < 2) {
    return {
      kind: 'index',
      version,
      index: { format: 'attune-event-store', version, couple, highWater, stored: highWater },
    };
  }
  const { device, install, stored } = parsed;
  // From format 2 on the store always writes its device id: an index without one is damaged.
  if (!isMarks(stored) || !isName(device) || (install !== undefined && !isName(install))) {
    return { kind: 'unreadable' };
  }
  return {
    kind: 'index',
    version,
    index: {
      format: 'attune-event-store',
      version,
      couple,
      device,
      ...(install === undefined ? {} : { install }),
      // A damaged index could hold a stored mark above the high-water one; never trust it lower.
      highWater: higherMarks(highWater, stored),
      stored,
    },
  };
}
