import type { SetAsideRecord, StorageAdapter, StorageContents } from './adapter.js';

/** What a memory adapter holds, for tests and for hosts that keep storage of their own. */
export interface MemoryContents {
  readonly index: string | undefined;
  readonly records: readonly string[];
  readonly setAside: readonly SetAsideRecord[];
}

/** A {@link StorageAdapter} in memory, with a way to look inside. */
export interface MemoryAdapter extends StorageAdapter {
  /** A copy of what it holds now. */
  contents(): MemoryContents;
}

/**
 * A {@link StorageAdapter} that keeps everything in memory: for tests, for previews, and as the
 * pattern to follow for an adapter of your own. Open several stores on one adapter to simulate
 * restarts.
 *
 * @example
 * ```ts
 * const store = await openEventStore({ adapter: createMemoryAdapter(), couple });
 * ```
 */
export function createMemoryAdapter(
  initial: { readonly index?: string; readonly records?: readonly string[] } = {},
): MemoryAdapter {
  let index = initial.index;
  let records = [...(initial.records ?? [])];
  const setAside: SetAsideRecord[] = [];
  return {
    async read(): Promise<StorageContents> {
      return { index, records: records.map((text) => ({ text })) };
    },
    async append(added) {
      records.push(...added);
    },
    async writeIndex(text) {
      index = text;
    },
    async replace(all, text) {
      records = [...all];
      index = text;
    },
    async setAside(items) {
      setAside.push(...items);
      const positions = new Set(items.map((item) => item.position));
      records = records.filter((_, position) => !positions.has(position));
    },
    async close() {},
    contents: () => ({ index, records: [...records], setAside: [...setAside] }),
  };
}
