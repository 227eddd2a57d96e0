import { createDeviceId } from '../sync/device-id.js';
import type { StorageContents } from './adapter.js';
import { deviceIdentity } from './device-identity.js';
import { storageMigrations } from './format/migrations.js';
import { decodeIndex, isName } from './format/store-index.js';
import { newerFormat, readHistory } from './read-history.js';
import { marksOf, repairIndex } from './repair-index.js';
import { AttuneStorageError, type StorageProblem } from './storage-error.js';
import { createStoreWriter } from './store-writer.js';
import type { EventStore, EventStoreOptions } from './types.js';
import { acquireWriteLock, platformLocks, type WriteLock } from './write-lock.js';

/**
 * Opens a couple's stored history: reads every record, upgrades old formats, decrypts, checks each
 * event, and sets damaged records aside (reported in `problems`) while everything else loads. Storage
 * written by a newer Attune, by another couple, or held by another tab opens read-only. The store
 * keeps this install's device id (`store.device`) and each device's high-water mark
 * (`store.highWater`), so an engine started from it never gives a new event an id already used.
 *
 * @example
 * ```ts
 * const store = await openEventStore({ adapter: createIndexedDbAdapter({ name: couple.id }), couple });
 * const engine = createEngine({
 *   program,
 *   couple,
 *   device: store.device,
 *   sequenceFloor: store.highWater(store.device),
 *   events: store.events,
 *   trusted: true,
 * });
 * persistEngine(engine, store);
 * ```
 * @throws {@link AttuneStorageError} with code `read-failed` when the adapter cannot read, or
 *   `invalid-option` when `install` or `adoptDevice` is not text of 1 to 128 characters; nothing was
 *   written.
 */
export async function openEventStore(options: EventStoreOptions): Promise<EventStore> {
  const { adapter, couple, cipher } = options;
  for (const [name, value] of [
    ['install', options.install],
    ['adoptDevice', options.adoptDevice],
  ] as const) {
    if (value !== undefined && !isName(value)) {
      throw new AttuneStorageError(
        'invalid-option',
        `The ${name} option should be text of 1 to 128 characters`,
        name === 'install'
          ? 'Make the marker once with createDeviceId() and keep it'
          : 'Pass the device id the app kept, or leave the option out',
      );
    }
  }
  const tell = (problem: StorageProblem) => {
    options.onProblem?.(problem);
  };
  let readOnly: AttuneStorageError | undefined;
  const blockWrites = (error: AttuneStorageError) => {
    readOnly ??= error;
  };

  let lock: WriteLock = { held: true, release: () => {} };
  const locks = options.locks === undefined ? platformLocks() : (options.locks ?? undefined);
  if (locks && adapter.lockName) {
    lock = await acquireWriteLock(locks, adapter.lockName, options.waitForLock ?? false);
    if (!lock.held) {
      blockWrites(
        new AttuneStorageError(
          'locked',
          'Another tab or window is writing to this history, so this one opened it read-only',
          'Close the other tab and open it again, or open with waitForLock: true to wait for it',
        ),
      );
    }
  }

  let contents: StorageContents;
  try {
    contents = await adapter.read();
  } catch (error) {
    lock.release();
    throw new AttuneStorageError(
      'read-failed',
      'The stored history could not be read; nothing was changed',
      'Try again; if it keeps failing, copy the storage before anything else touches it',
      { cause: error },
    );
  }

  const index = decodeIndex(contents.index);
  if (index.kind === 'newer') blockWrites(newerFormat(index.version));
  if (index.kind === 'index' && index.index.couple !== couple.id) {
    blockWrites(
      new AttuneStorageError(
        'wrong-couple',
        `This storage holds the history of couple "${index.index.couple}", not "${couple.id}", so it was opened read-only`,
        "Give each couple's history its own storage (its own database name or file)",
      ),
    );
  }

  const migrations = options.migrations ?? storageMigrations;
  const history = await readHistory(contents, {
    adapter,
    couple,
    cipher,
    migrations,
    blockWrites,
    isReadOnly: () => readOnly !== undefined,
  });
  const { stored, problems } = history;
  let device: string;
  let install = options.install;
  let marks: ReturnType<typeof marksOf>;
  if (readOnly) {
    // A read-only store writes no index, and may not have read every record: comparing would cry
    // wolf. What is recorded with it is not kept, so it gets an id no other session uses.
    marks = marksOf(index, stored);
    device = createDeviceId();
  } else {
    const identity = deviceIdentity({
      index,
      install,
      adoptDevice: options.adoptDevice,
    });
    marks = await repairIndex({
      adapter,
      coupleId: couple.id,
      index,
      stored,
      identity,
      problems,
    });
    device = identity.device;
    install = identity.install;
  }
  for (const problem of problems) tell(problem);

  return createStoreWriter({
    adapter,
    couple,
    cipher,
    migrations,
    lock,
    stored,
    marks,
    device,
    install,
    problems,
    readOnly: () => readOnly,
    tell,
  });
}
