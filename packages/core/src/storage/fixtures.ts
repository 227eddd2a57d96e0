import type { LoggedEvent } from '../events/types.js';
import { simulateCouple } from '../testing/simulate.js';
import type { StorageAdapter } from './adapter.js';
import type { LockManagerLike } from './write-lock.js';

/** A realistic couple with a few weeks of events, shared by the storage and sync tests. */
export const simulated: ReturnType<typeof simulateCouple> = simulateCouple({
  days: 21,
  seed: 11,
  behaviour: 'unsafe',
  privateMarker: 'PRIVATE-7f3a',
});

/** The simulated events, as the log holds them. */
export const sampleEvents: readonly LoggedEvent[] = simulated.events;

/** An error shaped like the browser's `QuotaExceededError`. */
export function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

/** An adapter whose methods can be made to fail, one call at a time, to simulate faults. */
export function faultyAdapter(
  base: StorageAdapter,
): StorageAdapter & { fail(method: keyof StorageAdapter, error: unknown, times?: number): void } {
  const faults = new Map<string, { error: unknown; times: number }>();
  const guard =
    <A extends unknown[], R>(method: keyof StorageAdapter, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const fault = faults.get(method);
      if (fault && fault.times > 0) {
        fault.times--;
        throw fault.error;
      }
      return call(...args);
    };
  return {
    lockName: 'faulty',
    read: guard('read', () => base.read()),
    append: guard('append', (records: readonly string[]) => base.append(records)),
    writeIndex: guard('writeIndex', (index: string) => base.writeIndex(index)),
    replace: guard('replace', (records: readonly string[], index: string) =>
      base.replace(records, index),
    ),
    setAside: guard('setAside', (items: Parameters<StorageAdapter['setAside']>[0]) =>
      base.setAside(items),
    ),
    close: guard('close', () => base.close()),
    fail(method, error, times = 1) {
      faults.set(method, { error, times });
    },
  };
}

/** Web Locks in memory, as two tabs of one browser would share them. */
export function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const run = async (name: string, callback: (lock: unknown) => Promise<unknown>) => {
    held.add(name);
    try {
      return await callback({ name });
    } finally {
      held.delete(name);
      waiting.get(name)?.shift()?.();
    }
  };
  return {
    request(name, options, callback) {
      if (!held.has(name)) return run(name, callback);
      if (options.ifAvailable) return callback(null);
      return new Promise((resolve) => {
        const queue = waiting.get(name) ?? [];
        queue.push(() => resolve(run(name, callback)));
        waiting.set(name, queue);
      });
    },
  };
}
