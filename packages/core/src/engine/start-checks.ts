import { MAX_WALL, MIN_WALL } from '../log/bounds.js';
import { AttuneEventError } from '../log/event-error.js';

/**
 * Refuses a couple whose start is not a time the engine can count days from: a whole number of
 * milliseconds within the clock bounds.
 */
export function checkStartedAt(startedAt: unknown): void {
  if (
    typeof startedAt !== 'number' ||
    !Number.isSafeInteger(startedAt) ||
    startedAt < MIN_WALL ||
    startedAt > MAX_WALL
  ) {
    throw new AttuneEventError(
      'malformed',
      'couple.startedAt',
      `The couple's start (${String(startedAt)}) is not a time between 1970 and the end of 9999`,
      'Pass the moment the couple started, in whole milliseconds since the epoch (Date.now()).',
    );
  }
}

/** An id to name a skipped value by, short and safe to show. */
export function describeId(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 128) : '(no id)';
}
