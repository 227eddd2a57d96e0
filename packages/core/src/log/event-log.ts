import type { LoggedEvent } from '../events/types.js';
import { canonicalJson } from './canonical-json.js';
import { AttuneEventError } from './event-error.js';
import { isEventShaped } from './event-shape.js';
import { compareEvents } from './order.js';

/** What happened when an event was added to the log. */
export type AppendOutcome = 'added' | 'duplicate';

/**
 * The append-only event log, kept in the one total order (clock, device, sequence). Appending an event
 * newer than all others — the usual case — costs the same however long the log is.
 */
export class EventLog {
  #events: LoggedEvent[] = [];
  #insertions = 0;
  // Per device, which sequences are held, one bit each. An event whose sequence is not marked
  // cannot be held yet — nearly every event, recorded or received — so it needs no lookup, and a
  // long log folded at start-up creates no garbage for the index.
  readonly #held = new Map<string, { marks: Uint8Array; count: number }>();
  // The device marked last: a device records several events in a row, so most marks skip the map.
  #lastDevice: string | undefined;
  #lastHeld: { marks: Uint8Array; count: number } | undefined;
  // Event ids are `device:seq`, so a per-device array indexed by sequence finds an id without a
  // million-entry map. Built on first need, to read an event by id: a repeated event is found by its
  // clock instead, where it would go in the log.
  #byDevice: Map<string, (LoggedEvent | undefined)[]> | undefined;

  /** How many events the log holds. */
  /**
   * How many events so far went somewhere other than the end of the log. What was built over the
   * log in order (a partner's view) can go on from where it stopped while this stays the same.
   */
  get insertions(): number {
    return this.#insertions;
  }

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
    const event = this.#index().get(id.slice(0, colon))?.[Number(id.slice(colon + 1))];
    return event?.id === id ? event : undefined;
  }

  /**
   * Adds many events, such as a whole log at start-up, and returns those added, in log order. Into
   * an empty log, events in strictly increasing log order — as storage keeps them — are taken as one
   * copy of the list instead of an append each. A value not even shaped like an event (see
   * {@link isEventShaped}), which only unchecked stored data can hold, is left out and handed to
   * `on.unshaped`: it could not be ordered. `on.added` hears of each event added, once, as the log
   * takes it: in log order when the events came in that order, in no particular order otherwise.
   *
   * @throws {@link AttuneEventError} as {@link EventLog.append} does.
   */
  load(
    events: readonly LoggedEvent[],
    on: {
      readonly added?: (event: LoggedEvent) => void;
      readonly unshaped?: (value: unknown) => void;
    } = {},
  ): readonly LoggedEvent[] {
    const { added, unshaped } = on;
    let heard = 0;
    if (this.#events.length === 0) {
      // One pass over a long log checks shape, order and repeats and tells of each event, so that
      // each is read from memory once at start-up.
      while (
        heard < events.length &&
        isEventShaped(events[heard]) &&
        (heard === 0 ||
          compareEvents(events[heard - 1] as LoggedEvent, events[heard] as LoggedEvent) < 0) &&
        this.#mark(events[heard] as LoggedEvent) === 'new'
      ) {
        added?.(events[heard] as LoggedEvent);
        heard++;
      }
      if (heard === events.length) {
        this.#events = events.slice();
        return this.#events;
      }
      this.#held.clear();
      this.#lastDevice = undefined;
    }
    // Those told of already, before the events turned out not to be in order, are not told again.
    const told = new Set<string>();
    for (let i = 0; i < heard; i++) told.add((events[i] as LoggedEvent).id);
    const shaped = events.filter((event) => {
      if (isEventShaped(event)) return true;
      unshaped?.(event);
      return false;
    });
    // Sorted first, so that most events land at the end of the log instead of being inserted.
    const taken: LoggedEvent[] = [];
    for (const event of shaped.sort(compareEvents)) {
      if (this.append(event) === 'added') {
        taken.push(event);
        if (!told.has(event.id)) added?.(event);
      }
    }
    if (4 * taken.length >= this.#events.length) this.compact();
    return taken;
  }

  /**
   * Adds a checked event. The same event twice is a no-op; the same id with other content is refused,
   * the same way on every device.
   *
   * @throws {@link AttuneEventError} with code `duplicate-id`; the log is unchanged.
   */
  append(event: LoggedEvent): AppendOutcome {
    const mark = this.#mark(event);
    const events = this.#events;
    const last = events[events.length - 1];
    // Nearly every event comes after all the others; out-of-order arrivals are the rare case.
    const at = !last || compareEvents(last, event) < 0 ? events.length : this.#position(event);
    if (mark !== 'new') {
      // The same event again has the same clock, so it sits where this one would go. Only a
      // sequence too far off to be marked needs the index.
      const existing = mark === 'held' ? events[at] : this.#index().get(event.device)?.[event.seq];
      if (mark === 'held' || existing) {
        if (existing?.id === event.id && canonicalJson(existing) === canonicalJson(event)) {
          return 'duplicate';
        }
        throw new AttuneEventError(
          'duplicate-id',
          'id',
          `Another event with id "${event.id}" and different content is already recorded`,
          'Give each event a unique id; two devices may be sharing one device id.',
        );
      }
    }
    if (at === events.length) events.push(event);
    else {
      events.splice(at, 0, event);
      this.#insertions++;
    }
    if (this.#byDevice) this.#slot(this.#byDevice, event);
    return 'added';
  }

  /**
   * Gives the list of events back the room that appending one at a time leaves at its end (an array
   * grown by pushes keeps up to half as much again): after a large batch, such as a history restored
   * or a first sync, a long log is held at its exact length. Costs one copy of the list, so call it
   * only when the log grew by a share of its length. Earlier readers of `events` keep the list as it
   * was.
   */
  compact(): void {
    this.#events = this.#events.slice();
  }

  /** Where an event goes: the index of the first event after it, by binary search. */
  #position(event: LoggedEvent): number {
    const events = this.#events;
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareEvents(events[middle] as LoggedEvent, event) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Marks an event's sequence as held: `new` when it was not, `held` when it was, `unmarked` when the
   * sequence is too far off to be marked and the index must tell.
   */
  #mark(event: LoggedEvent): 'new' | 'held' | 'unmarked' {
    const { device, seq } = event;
    let held = device === this.#lastDevice ? this.#lastHeld : this.#held.get(device);
    if (!held) {
      // One bit per sequence number: 1,024 of them to start with.
      held = { marks: new Uint8Array(128), count: 0 };
      this.#held.set(device, held);
    }
    this.#lastDevice = device;
    this.#lastHeld = held;
    if (seq >= held.marks.length * 8 || seq >>> 0 !== seq) {
      // Grown with the device's events, so a far-off sequence cannot make it huge; such an event,
      // like one whose sequence is not a small whole number, is looked up in the index instead.
      if (seq >= 4 * held.count + 1024 || seq >>> 0 !== seq) return 'unmarked';
      const marks = new Uint8Array(((2 * seq) >>> 3) + 1);
      marks.set(held.marks);
      held.marks = marks;
    }
    const byte = seq >>> 3;
    const bit = 1 << (seq & 7);
    if (((held.marks[byte] as number) & bit) !== 0) return 'held';
    held.marks[byte] = (held.marks[byte] as number) | bit;
    held.count++;
    return 'new';
  }

  #index(): Map<string, (LoggedEvent | undefined)[]> {
    if (!this.#byDevice) {
      const byDevice = new Map<string, (LoggedEvent | undefined)[]>();
      for (const event of this.#events) this.#slot(byDevice, event);
      this.#byDevice = byDevice;
    }
    return this.#byDevice;
  }

  #slot(byDevice: Map<string, (LoggedEvent | undefined)[]>, event: LoggedEvent): void {
    let slots = byDevice.get(event.device);
    if (!slots) {
      slots = [];
      byDevice.set(event.device, slots);
    }
    slots[event.seq] = event;
  }
}
