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

/** Whether a stored value has what ordering the log reads: an id, a device, a seq and a clock. */
export function isEventShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { id?: unknown; device?: unknown; seq?: unknown; clock?: unknown };
  const clock = event.clock as { wall?: unknown; counter?: unknown } | null | undefined;
  return (
    typeof event.id === 'string' &&
    typeof event.device === 'string' &&
    typeof event.seq === 'number' &&
    typeof clock === 'object' &&
    clock !== null &&
    typeof clock.wall === 'number' &&
    typeof clock.counter === 'number'
  );
}

/** An id to name a skipped value by, short and safe to show. */
export function describeId(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 128) : '(no id)';
}
