import type { PayloadCipher } from '../crypto/cipher.js';
import { encryptEvent } from '../crypto/encrypted-event.js';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import type { StorageAdapter } from './adapter.js';
import { encodeIndex, highWaterOf } from './format/store-index.js';
import { encodeRecord } from './format/stored-record.js';
import { AttuneStorageError, isQuotaError, type StorageProblem } from './storage-error.js';
import type { AppendResult, EventStore } from './types.js';
import type { WriteLock } from './write-lock.js';

/** What the writer starts from: the history as read, and where to write. */
export interface StoreWriterInput {
  readonly adapter: StorageAdapter;
  readonly coupleId: string;
  readonly cipher: PayloadCipher | undefined;
  readonly lock: WriteLock;
  readonly stored: Map<string, LoggedEvent>;
  readonly highWater: Record<string, number>;
  readonly problems: readonly StorageProblem[];
  readonly readOnly: () => AttuneStorageError | undefined;
  readonly tell: (problem: StorageProblem) => void;
}

/**
 * The open store: one write at a time, in order. Events wait in memory while the storage is full and
 * are written by the next `append` or `flush`; the index follows every write.
 */
export function createStoreWriter(input: StoreWriterInput): EventStore {
  const { adapter, coupleId, cipher, lock, stored, problems, tell } = input;
  let highWater = input.highWater;
  const waiting: LoggedEvent[] = [];
  const waitingIds = new Set<string>();
  let sorted: LoggedEvent[] | undefined;
  let full = false;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => {});
    return run;
  };
  const refusal = (): AttuneStorageError | undefined =>
    closed
      ? new AttuneStorageError(
          'closed',
          'This store was closed',
          'Open the storage again to write to it',
        )
      : input.readOnly();
  const encode = async (event: LoggedEvent): Promise<string> =>
    encodeRecord(cipher ? await encryptEvent(event, cipher) : event);

  const writeWaiting = async (): Promise<AppendResult> => {
    if (waiting.length === 0) return { written: 0, pending: 0 };
    const batch = waiting.slice();
    const texts = await Promise.all(batch.map(encode));
    try {
      await adapter.append(texts);
    } catch (error) {
      if (isQuotaError(error)) {
        if (!full) {
          full = true;
          tell({
            code: 'storage-full',
            path: '',
            fix: 'Ask the person to free some space; nothing is lost while the app stays open',
            message: `The storage is full: ${waiting.length} event(s) wait in memory and are written as soon as there is space. Ask the person to free some space; nothing is lost while the app stays open`,
          });
        }
        return { written: 0, pending: waiting.length };
      }
      tell({
        code: 'write-failed',
        path: '',
        fix: 'Call flush() to try again',
        message: `Writing ${batch.length} event(s) failed (${(error as Error).message}); they wait in memory`,
      });
      throw new AttuneStorageError(
        'write-failed',
        `Writing ${batch.length} event(s) failed; they wait in memory`,
        'Call flush() to try again',
        { cause: error },
      );
    }
    waiting.splice(0, batch.length);
    for (const event of batch) {
      waitingIds.delete(event.id);
      stored.set(event.id, event);
      if ((highWater[event.device] ?? 0) < event.seq) highWater[event.device] = event.seq;
    }
    if (full) {
      full = false;
      tell({
        code: 'storage-recovered',
        path: '',
        fix: '',
        message: 'There is space again: every event that waited in memory is written',
      });
    }
    try {
      await adapter.writeIndex(encodeIndex(coupleId, highWater));
    } catch {
      // A crash here is the case the index is built for: it is rebuilt from the records on opening.
    }
    return { written: batch.length, pending: waiting.length };
  };

  const store: EventStore = {
    get events() {
      sorted ??= [...stored.values(), ...waiting].sort(compareEvents);
      return sorted;
    },
    get size() {
      return stored.size + waiting.length;
    },
    problems,
    get readOnly() {
      return input.readOnly();
    },
    get pending() {
      return waiting.length;
    },
    has: (id) => stored.has(id) || waitingIds.has(id),
    append(events) {
      const refused = refusal();
      if (refused) return Promise.reject(refused);
      for (const event of events) {
        if (stored.has(event.id) || waitingIds.has(event.id)) continue;
        waiting.push(event);
        waitingIds.add(event.id);
        sorted = undefined;
      }
      return serial(writeWaiting);
    },
    flush() {
      const refused = refusal();
      if (refused) return Promise.reject(refused);
      return serial(writeWaiting);
    },
    replace(events) {
      return serial(async () => {
        const refused = refusal();
        if (refused) throw refused;
        const unique = [...new Map(events.map((event) => [event.id, event])).values()];
        const marks = highWaterOf(unique);
        const texts = await Promise.all(unique.map(encode));
        try {
          await adapter.replace(texts, encodeIndex(coupleId, marks));
        } catch (error) {
          throw isQuotaError(error)
            ? new AttuneStorageError(
                'storage-full',
                'The storage is full, so the history could not be rewritten; it is unchanged',
                'Free some space and try again',
                { cause: error },
              )
            : new AttuneStorageError(
                'write-failed',
                'The history could not be rewritten; it is unchanged',
                'Try again',
                { cause: error },
              );
        }
        stored.clear();
        for (const event of unique) stored.set(event.id, event);
        waiting.length = 0;
        waitingIds.clear();
        highWater = marks;
        sorted = undefined;
        full = false;
      });
    },
    close() {
      return serial(async () => {
        if (closed) return;
        if (!input.readOnly()) await writeWaiting().catch(() => undefined);
        closed = true;
        const lost = waiting.length;
        try {
          await adapter.close();
        } finally {
          lock.release();
        }
        if (lost > 0) {
          throw new AttuneStorageError(
            'storage-full',
            `${lost} event(s) could not be written before the store closed and are lost on this device`,
            "Sync them to the partner's devices before closing, or free space and keep the store open",
          );
        }
      });
    },
  };
  return store;
}
