import type { PayloadCipher } from '../crypto/cipher.js';
import { encryptEvent } from '../crypto/encrypted-event.js';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { canonicalJson } from '../log/same-event.js';
import type { Couple } from '../program/couple.js';
import type { StorageAdapter } from './adapter.js';
import type { StorageMigration } from './format/migrations.js';
import {
  copyMarks,
  encodeIndex,
  higherMarks,
  highWaterOf,
  isName,
  markOf,
} from './format/store-index.js';
import { encodeRecord } from './format/stored-record.js';
import { readBack, storedEventContext } from './read-back.js';
import type { IndexMarks } from './repair-index.js';
import { AttuneStorageError, isQuotaError, type StorageProblem } from './storage-error.js';
import type { AppendRejection, AppendResult, EventStore } from './types.js';
import type { WriteLock } from './write-lock.js';

/** What the writer starts from: the history as read, and where to write. */
export interface StoreWriterInput {
  readonly adapter: StorageAdapter;
  readonly couple: Couple;
  readonly cipher: PayloadCipher | undefined;
  readonly migrations: readonly StorageMigration[];
  readonly lock: WriteLock;
  readonly stored: Map<string, LoggedEvent>;
  readonly marks: IndexMarks;
  /** The device id this install records under, and the install marker to keep in the index. */
  readonly device: string;
  readonly install: string | undefined;
  readonly problems: readonly StorageProblem[];
  readonly readOnly: () => AttuneStorageError | undefined;
  readonly tell: (problem: StorageProblem) => void;
}

/**
 * The open store: one write at a time, in order. Events wait in memory while the storage is full and
 * are written by the next `append` or `flush`; the index follows every write. Its high-water marks
 * only ever rise.
 */
export function createStoreWriter(input: StoreWriterInput): EventStore {
  const { adapter, couple, cipher, migrations, lock, stored, problems, tell } = input;
  const context = storedEventContext(couple);
  let highWater = copyMarks(input.marks.highWater);
  let storedMarks = copyMarks(input.marks.stored);
  let device = input.device;
  const waiting: LoggedEvent[] = [];
  const waitingById = new Map<string, LoggedEvent>();
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
  const indexText = (marks: IndexMarks = { highWater, stored: storedMarks }, id = device) =>
    encodeIndex({ couple: couple.id, device: id, install: input.install, ...marks });

  /**
   * Records the sequence numbers of events that wait in memory as used, where the index can still be
   * written: they may have reached the partner already, so even if they are lost here, their ids must
   * not be handed out again.
   */
  const reserveWaiting = async () => {
    const marks = higherMarks(highWater, highWaterOf(waiting));
    if (Object.entries(marks).every(([id, seq]) => markOf(highWater, id) === seq)) return;
    try {
      await adapter.writeIndex(indexText({ highWater: marks, stored: storedMarks }));
      highWater = marks;
    } catch {
      // Nothing more can be done here; the store says the events wait, and `close` that they are lost.
    }
  };

  const writeWaiting = async (): Promise<AppendResult> => {
    if (waiting.length === 0) return { written: 0, pending: 0, rejected: [] };
    const batch = waiting.slice();
    const texts = await Promise.all(batch.map(encode));
    try {
      await adapter.append(texts);
    } catch (error) {
      await reserveWaiting();
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
        return { written: 0, pending: waiting.length, rejected: [] };
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
      waitingById.delete(event.id);
      stored.set(event.id, event);
      if (markOf(storedMarks, event.device) < event.seq) storedMarks[event.device] = event.seq;
      if (markOf(highWater, event.device) < event.seq) highWater[event.device] = event.seq;
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
      await adapter.writeIndex(indexText());
    } catch {
      // A crash here is the case the index is built for: it is rebuilt from the records on opening.
    }
    return { written: batch.length, pending: waiting.length, rejected: [] };
  };

  const duplicate = (id: string) =>
    new AttuneStorageError(
      'duplicate-id',
      `Another event with id "${id}" and different content is already stored`,
      'Give each event a unique id; two devices may be sharing one device id',
    );

  const store: EventStore = {
    get events() {
      sorted ??= [...stored.values(), ...waiting].sort(compareEvents);
      return sorted;
    },
    get size() {
      return stored.size + waiting.length;
    },
    get device() {
      return device;
    },
    problems,
    get readOnly() {
      return input.readOnly();
    },
    get pending() {
      return waiting.length;
    },
    has: (id) => stored.has(id) || waitingById.has(id),
    highWater(of) {
      let mark = markOf(highWater, of);
      for (const event of waiting) if (event.device === of && event.seq > mark) mark = event.seq;
      return mark;
    },
    append(events) {
      const refused = refusal();
      if (refused) return Promise.reject(refused);
      const rejected: AppendRejection[] = [];
      events.forEach((given, index) => {
        const read = readBack(given, context, migrations);
        if (read.error) {
          rejected.push({ index, error: read.error });
          return;
        }
        const held = stored.get(read.event.id) ?? waitingById.get(read.event.id);
        if (held) {
          if (canonicalJson(held) !== canonicalJson(read.event)) {
            rejected.push({ index, error: duplicate(read.event.id) });
          }
          return;
        }
        waiting.push(given);
        waitingById.set(given.id, given);
        sorted = undefined;
      });
      return serial(writeWaiting).then((result) => ({ ...result, rejected }));
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
        for (const event of unique) {
          const read = readBack(event, context, migrations);
          if (read.error) throw read.error;
        }
        const marks: IndexMarks = {
          stored: highWaterOf(unique),
          highWater: higherMarks(higherMarks(highWater, highWaterOf(waiting)), highWaterOf(unique)),
        };
        const texts = await Promise.all(unique.map(encode));
        try {
          await adapter.replace(texts, indexText(marks));
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
        waitingById.clear();
        highWater = marks.highWater;
        storedMarks = marks.stored;
        sorted = undefined;
        full = false;
      });
    },
    setDevice(next) {
      return serial(async () => {
        const refused = refusal();
        if (refused) throw refused;
        if (!isName(next)) {
          throw new AttuneStorageError(
            'invalid-option',
            `A device id is text of 1 to 128 characters, not ${JSON.stringify(next) ?? String(next)}`,
            'Make one with createDeviceId()',
          );
        }
        if (next === device) return;
        try {
          await adapter.writeIndex(indexText(undefined, next));
        } catch (error) {
          throw new AttuneStorageError(
            'write-failed',
            'The new device id could not be written; the store keeps the one it had',
            'Try again',
            { cause: error },
          );
        }
        device = next;
      });
    },
    close() {
      return serial(async () => {
        if (closed) return;
        if (!input.readOnly()) {
          await writeWaiting().catch(() => undefined);
          if (waiting.length > 0) await reserveWaiting();
        }
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
