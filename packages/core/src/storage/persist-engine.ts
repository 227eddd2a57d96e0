import { raiseSequenceFloor } from '../engine/sequence-floor.js';
import type { Engine } from '../engine/types.js';
import type { LoggedEvent } from '../events/types.js';
import type { EventStore } from './types.js';

/** Options of {@link persistEngine}. */
export interface PersistEngineOptions {
  /**
   * Told when a write fails for another reason than space (the events still wait in the store), and
   * of every event the store refused (`invalid-event`, `duplicate-id`).
   */
  readonly onError?: (error: unknown) => void;
}

/** A running link from an engine to its store. */
export interface EnginePersistence {
  /** Stops saving new events. */
  stop(): void;
  /**
   * Resolves once every event so far was handed to the store (written, or waiting for space).
   * Rejects with the last error when there is no `onError`.
   */
  settled(): Promise<void>;
}

/**
 * Saves every event an engine records or receives to a store, as it happens. Create the engine from
 * `store.events` first, so the two start out holding the same events, and with `store.device`.
 *
 * It wires the store's sequence numbers into the engine: the engine records above the store's
 * high-water mark for its device (`store.highWater`) from now on, even when it was created without
 * `sequenceFloor`. When the engine records under another device id than the store holds — the app
 * took a new one after `importEvents` reported `deviceIdClash` — the store keeps that id from now on
 * (`store.setDevice`).
 *
 * @example
 * ```ts
 * const engine = createEngine({ program, couple, device: store.device, events: store.events, trusted: true });
 * const persistence = persistEngine(engine, store, { onError: report });
 * ```
 */
export function persistEngine(
  engine: Engine,
  store: EventStore,
  options: PersistEngineOptions = {},
): EnginePersistence {
  let seen = 0;
  let last: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const report = (error: unknown) => {
    if (options.onError) options.onError(error);
    else failure = { error };
  };

  raiseSequenceFloor(engine, store.highWater(engine.device));
  if (!store.readOnly && engine.device !== store.device) {
    last = store.setDevice(engine.device).catch(report);
  }

  const save = () => {
    const events = engine.getEvents();
    const fresh = events.length - seen;
    seen = events.length;
    if (fresh <= 0) return;
    // Events recorded here land at the end of the log and received ones mostly near it, so looking
    // back from the end finds the new ones without walking a long history.
    const unsaved: LoggedEvent[] = [];
    for (let i = events.length - 1; i >= 0 && unsaved.length < fresh; i--) {
      const event = events[i] as LoggedEvent;
      if (!store.has(event.id)) unsaved.push(event);
    }
    if (unsaved.length === 0) return;
    unsaved.reverse();
    const previous = last;
    last = store.append(unsaved).then(
      (result) => {
        for (const rejection of result.rejected) report(rejection.error);
      },
      (error: unknown) => report(error),
    );
    // Keeps `settled` waiting for every write, in order.
    last = Promise.all([previous, last]);
  };

  save();
  const unsubscribe = engine.subscribe(save);
  return {
    stop: unsubscribe,
    async settled() {
      await last;
      if (failure) {
        const { error } = failure;
        failure = undefined;
        throw error;
      }
    },
  };
}
