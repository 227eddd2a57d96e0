import type { EncryptedEvent } from '../../crypto/encrypted-event.js';
import type { LoggedEvent } from '../../events/types.js';
import { currentStorageFormat, migrateRecord, type StorageMigration } from './migrations.js';

/** One stored record, format 1: the format version and one event, its data possibly encrypted. */
export interface StoredRecord {
  readonly v: number;
  readonly event: LoggedEvent | EncryptedEvent;
}

/** The text of a record in the current format. */
export function encodeRecord(event: LoggedEvent | EncryptedEvent): string {
  const record: StoredRecord = { v: currentStorageFormat, event };
  return JSON.stringify(record);
}

/** A record read back: its event (not checked yet), a record too new to read, or why it is bad. */
export type DecodedRecord =
  | { readonly kind: 'event'; readonly event: unknown }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'bad'; readonly reason: string };

/** Parses a record and upgrades it to the current format. */
export function decodeRecord(
  text: string,
  migrations: readonly StorageMigration[],
  target: number = currentStorageFormat,
): DecodedRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'bad', reason: 'it is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'bad', reason: 'it is not a JSON object' };
  }
  const version = (parsed as { v?: unknown }).v;
  if (!Number.isSafeInteger(version) || (version as number) < 0) {
    return { kind: 'bad', reason: 'it has no format version "v"' };
  }
  if ((version as number) > target) return { kind: 'newer', version: version as number };
  try {
    const record = migrateRecord(
      parsed as Record<string, unknown>,
      version as number,
      migrations,
      target,
    );
    return { kind: 'event', event: record.event };
  } catch (error) {
    return { kind: 'bad', reason: `it could not be upgraded: ${(error as Error).message}` };
  }
}
