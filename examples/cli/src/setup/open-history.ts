import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import { createJsonlFileAdapter } from '@attune/core/node';
import {
  type EnginePersistence,
  type EventStore,
  openEventStore,
  persistEngine,
} from '@attune/core/storage';

/** A couple's history, open: the store on the file, the engine over it, and the link between. */
export interface History {
  readonly store: EventStore;
  readonly engine: Engine;
  /** The device id the engine records under: the one the history file's index keeps. */
  readonly device: string;
  /** Resolves once everything recorded so far is written; rejects with the write error if not. */
  saved(): Promise<void>;
  /** Writes what waits, then closes the file. */
  close(): Promise<void>;
}

/** Options of {@link openHistory}. */
export interface OpenHistoryOptions {
  readonly file: string;
  readonly couple: Couple;
  /**
   * The device id the setup file holds. The history keeps its own beside its high-water marks; this
   * one is kept when a history written before it did so is upgraded.
   */
  readonly device: string;
  /**
   * A marker of this install kept outside the folder of the history file (such as in the user's
   * configuration folder): a history file copied from another computer then records under a new
   * device id. Without it, such a copy is found only when the two sync.
   */
  readonly install?: string;
  readonly now: () => number;
  /** Told about every problem the store found or meets, in English from the core. */
  readonly onProblem: (message: string) => void;
}

/**
 * Opens the history in a JSON Lines file, as the persistence guide wires it: the store first, the
 * engine from what it loaded — under the store's device id and above its high-water mark — then
 * every new event saved as it is recorded.
 *
 * @throws `AttuneStorageError` (`read-failed`) when the file cannot be read; nothing was changed.
 */
export async function openHistory(options: OpenHistoryOptions): Promise<History> {
  const store = await openEventStore({
    adapter: createJsonlFileAdapter({ path: options.file }),
    couple: options.couple,
    // One terminal writes at a time, and Node has no Web Locks to coordinate more.
    locks: null,
    adoptDevice: options.device,
    ...(options.install === undefined ? {} : { install: options.install }),
    onProblem: (problem) => options.onProblem(problem.message),
  });
  const engine = createEngine({
    program: nineStepProgram,
    couple: options.couple,
    device: store.device,
    sequenceFloor: store.highWater(store.device),
    events: store.events,
    // The store checked every record while opening.
    trusted: true,
    now: options.now,
  });
  let persistence: EnginePersistence | undefined = persistEngine(engine, store);
  return {
    store,
    engine,
    device: store.device,
    saved: async () => {
      await persistence?.settled();
    },
    async close() {
      if (persistence) {
        await persistence.settled().catch(() => undefined);
        persistence.stop();
        persistence = undefined;
      }
      await store.close();
    },
  };
}
