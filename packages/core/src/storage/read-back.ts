import type { LoggedEvent } from '../events/types.js';
import { checkEvent, type EventCheckContext } from '../log/check-event.js';
import { AttuneEventError } from '../log/event-error.js';
import { canonicalJson } from '../log/same-event.js';
import type { Couple } from '../program/couple.js';
import type { StorageMigration } from './format/migrations.js';
import { decodeRecord, encodeRecord } from './format/stored-record.js';
import { AttuneStorageError } from './storage-error.js';

/**
 * What every stored event is checked against, on opening and before it is written: the couple's
 * partners, and any clock — sync accepts clocks far ahead, so storage must keep them too.
 */
export function storedEventContext(couple: Couple): EventCheckContext {
  return {
    partners: couple.partners.map((partner) => partner.id),
    latestWall: Number.MAX_SAFE_INTEGER,
  };
}

/** An event as the next open will read it, or why it would be set aside instead. */
export type ReadBack =
  | { readonly event: LoggedEvent; readonly error?: undefined }
  | { readonly error: AttuneStorageError; readonly event?: undefined };

const refuse = (message: string, cause?: unknown) =>
  new AttuneStorageError(
    'invalid-event',
    message,
    'Store events as checkEvent returns them: the engine records and receives them so',
    { cause },
  );

/**
 * Reads an event back the way `openEventStore` reads its record: the record's text decoded and
 * upgraded (`decodeRecord`), then `checkEvent`. An event that would be set aside as corrupted, or
 * would come back different from what was given (a field `checkEvent` drops, a value JSON changes),
 * is refused, so the store never acknowledges what it cannot give back.
 */
export function readBack(
  event: unknown,
  context: EventCheckContext,
  migrations: readonly StorageMigration[],
): ReadBack {
  let text: string;
  try {
    text = encodeRecord(event as LoggedEvent);
  } catch (error) {
    return { error: refuse('The event cannot be written as JSON', error) };
  }
  const id = (event as { id?: unknown } | null)?.id;
  const named = typeof id === 'string' ? `Event "${id}"` : 'The event';
  const decoded = decodeRecord(text, migrations);
  if (decoded.kind !== 'event') {
    return { error: refuse(`${named} would not read back from storage`) };
  }
  let checked: LoggedEvent;
  try {
    checked = checkEvent(decoded.event, context);
  } catch (error) {
    if (!AttuneEventError.isInstance(error)) throw error;
    return {
      error: refuse(
        `${named} is not a valid event, so it would be set aside: ${error.message}`,
        error,
      ),
    };
  }
  if (canonicalJson(checked) !== canonicalJson(decoded.event)) {
    return {
      error: refuse(
        `${named} would read back different from what was given: checkEvent keeps only the fields it knows`,
      ),
    };
  }
  return { event: checked };
}
