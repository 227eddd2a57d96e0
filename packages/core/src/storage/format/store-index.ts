import type { LoggedEvent } from '../../events/types.js';
import { currentStorageFormat } from './migrations.js';

/**
 * The index of a store: which format and couple it holds, and the highest sequence number stored per
 * device. It is written after the records, so after a crash it can only be behind them — and it is
 * then rebuilt from them; when it is ahead, events were lost (a truncated file, a restored backup).
 */
export interface StoreIndex {
  readonly format: 'attune-event-store';
  /** The newest record format ever written here. */
  readonly version: number;
  readonly couple: string;
  readonly highWater: Readonly<Record<string, number>>;
}

/** The highest sequence number per device among some events. */
export function highWaterOf(events: Iterable<LoggedEvent>): Record<string, number> {
  const marks: Record<string, number> = {};
  for (const event of events) {
    if ((marks[event.device] ?? 0) < event.seq) marks[event.device] = event.seq;
  }
  return marks;
}

/** The index text for a couple's events in the current format. */
export function encodeIndex(couple: string, highWater: Readonly<Record<string, number>>): string {
  const sorted = Object.fromEntries(Object.entries(highWater).sort(([a], [b]) => (a < b ? -1 : 1)));
  const index: StoreIndex = {
    format: 'attune-event-store',
    version: currentStorageFormat,
    couple,
    highWater: sorted,
  };
  return JSON.stringify(index);
}

/** An index read back. */
export type DecodedIndex =
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable' }
  /** Written by a newer Attune: its shape may have changed, so only the version is read. */
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'index'; readonly index: StoreIndex };

/** Reads an index, telling a missing one from a damaged one and from one written by newer code. */
export function decodeIndex(text: string | undefined): DecodedIndex {
  if (text === undefined) return { kind: 'none' };
  let parsed: Partial<StoreIndex> | null;
  try {
    parsed = JSON.parse(text) as Partial<StoreIndex> | null;
  } catch {
    return { kind: 'unreadable' };
  }
  if (parsed?.format !== 'attune-event-store' || !Number.isSafeInteger(parsed.version)) {
    return { kind: 'unreadable' };
  }
  const version = parsed.version as number;
  if (version > currentStorageFormat) return { kind: 'newer', version };
  const { couple, highWater } = parsed;
  if (
    typeof couple !== 'string' ||
    typeof highWater !== 'object' ||
    highWater === null ||
    !Object.values(highWater).every(Number.isSafeInteger)
  ) {
    return { kind: 'unreadable' };
  }
  return { kind: 'index', index: parsed as StoreIndex };
}
