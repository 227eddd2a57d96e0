import type { AttuneEvent, UnknownEvent } from '../events/types.js';
import { canonicalJson } from './canonical-json.js';
import { AttuneEventError } from './event-error.js';
import { compareEvents } from './order.js';

/** Any event the log holds: a known one, or one of a type this code does not know. */
export type LoggedEvent = AttuneEvent | UnknownEvent;

/** What happened when an event was added to the log. */
export type AppendOutcome = 'added' | 'duplicate';

/**
 * The append-only event log, kept in the one total order (clock, device, sequence). Appending an event
 * newer than all others — the usual case — costs the same however long the log is.
 */
export class EventLog {
  readonly #events: LoggedEvent[] = [];
  // Event ids are `device:seq`, so a per-device array indexed by sequence finds an id without a
  // million-entry map.
  readonly #byDevice = new Map<string, (LoggedEvent | undefined)[]>();

  /** How many events the log holds. */
  get size(): number {
    return this.#events.length;
  }

  /** The events, in order. */
  get events(): readonly LoggedEvent[] {
    return this.#events;
  }

  /** The event with this id, if the log holds it. */
  get(id: string): LoggedEvent | undefined {
    const colon = id.lastIndexOf(':');
    if (colon < 0) return undefined;
    const event = this.#byDevice.get(id.slice(0, colon))?.[Number(id.slice(colon + 1))];
    return event?.id === id ? event : undefined;
  }

  /**
   * Adds a checked event. The same event twice is a no-op; the same id with other content is refused,
   * the same way on every device.
   *
   * @throws {@link AttuneEventError} with code `duplicate-id`; the log is unchanged.
   */
  append(event: LoggedEvent): AppendOutcome {
    let slots = this.#byDevice.get(event.device);
    if (!slots) {
      slots = [];
      this.#byDevice.set(event.device, slots);
    }
    // Reading past the end of an array is slow in V8, and appending always does.
    const existing = event.seq < slots.length ? slots[event.seq] : undefined;
    if (existing) {
      if (canonicalJson(existing) === canonicalJson(event)) return 'duplicate';
      throw new AttuneEventError(
        'duplicate-id',
        'id',
        `Another event with id "${event.id}" and different content is already recorded`,
        'Give each event a unique id; two devices may be sharing one device id.',
      );
    }
    const events = this.#events;
    const last = events[events.length - 1];
    if (!last || compareEvents(last, event) < 0) {
      events.push(event);
    } else {
      // Binary search for the first event after this one; out-of-order arrivals are the rare case.
      let low = 0;
      let high = events.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareEvents(events[middle] as LoggedEvent, event) < 0) low = middle + 1;
        else high = middle;
      }
      events.splice(low, 0, event);
    }
    slots[event.seq] = event;
    return 'added';
  }
}
