import type { LoggedEvent } from '../log/event-log.js';

/** A stable text form of a value with sorted keys, so that two copies of an event compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Of two different events that claim the same id — which only happens when two devices used one
 * device id, as after restoring a backup — the one every device keeps: the one whose canonical JSON
 * sorts first. Any fixed rule would do; this one needs nothing but the two events, so every device
 * decides the same way whichever copy it saw first.
 */
export function keptVersion(a: LoggedEvent, b: LoggedEvent): LoggedEvent {
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}
