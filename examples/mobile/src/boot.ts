import { createAttuneI18n } from '@attune/content/locales/en';
import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import {
  type EnginePersistence,
  type EventStore,
  openEventStore,
  persistEngine,
  type StorageAdapter,
  type StorageProblem,
} from '@attune/core/storage';
import type { i18n } from 'i18next';

/** Options of {@link bootAttune}. */
export interface BootOptions {
  readonly couple: Couple;
  /** Where the history is kept: `createSqliteAdapter` over expo-sqlite on the phone. */
  readonly adapter: StorageAdapter;
  /** The engine's clock; the device's by default. Tests pass a fixed one. */
  readonly now?: () => number;
  /** Told about damaged records, a full disk, and a write that failed. */
  readonly onProblem?: (problem: StorageProblem | Error) => void;
}

/** What the app runs on: the engine over the stored history, and the English words. */
export interface BootedAttune {
  readonly engine: Engine;
  readonly i18n: i18n;
  readonly store: EventStore;
  readonly persistence: EnginePersistence;
  /** Writes what is pending and closes the store. */
  close(): Promise<void>;
}

/**
 * Opens the couple's history, builds the engine from it and saves every event the engine records
 * from then on, as docs/persistence-and-sync.md wires it, with the words of one locale.
 */
export async function bootAttune(options: BootOptions): Promise<BootedAttune> {
  const tell = options.onProblem ?? (() => undefined);
  const store = await openEventStore({
    adapter: options.adapter,
    couple: options.couple,
    // One app process writes the database; React Native has no Web Locks.
    locks: null,
    onProblem: tell,
  });
  const engine = createEngine({
    program: nineStepProgram,
    couple: options.couple,
    device: store.device,
    sequenceFloor: store.highWater(store.device),
    events: store.events,
    trusted: true,
    maxFutureMs: Number.POSITIVE_INFINITY,
    ...(options.now && { now: options.now }),
  });
  const persistence = persistEngine(engine, store, { onError: (error) => tell(error as Error) });
  const i18n = await createAttuneI18n({ locale: 'en', namespaces: ['common'] });
  return {
    engine,
    i18n,
    store,
    persistence,
    async close() {
      await persistence.settled();
      persistence.stop();
      await store.close();
    },
  };
}
