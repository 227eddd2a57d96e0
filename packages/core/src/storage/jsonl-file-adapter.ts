/// <reference types="node" />
import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StorageAdapter, StorageContents, StoredText } from './adapter.js';

/** An open file, as the JSON Lines adapter uses it (a subset of Node's `FileHandle`). */
export interface JsonlFileHandle {
  /** As Node's `FileHandle.stat`. */
  stat(): Promise<{ readonly size: number }>;
  /** As Node's `FileHandle.appendFile`. */
  appendFile(data: string, encoding: 'utf8'): Promise<void>;
  /** As Node's `FileHandle.writeFile`. */
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  /** As Node's `FileHandle.sync`. */
  sync(): Promise<void>;
  /** As Node's `FileHandle.truncate`. */
  truncate(length: number): Promise<void>;
  /** As Node's `FileHandle.close`. */
  close(): Promise<void>;
}

/** The file system calls the JSON Lines adapter makes (a subset of `node:fs/promises`). */
export interface JsonlFileSystem {
  /** As Node's `fs/promises.readFile`. */
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  /** As Node's `fs/promises.open`. */
  open(path: string, flags: string): Promise<JsonlFileHandle>;
  /** As Node's `fs/promises.rename`. */
  rename(from: string, to: string): Promise<void>;
  /** As Node's `fs/promises.mkdir`. */
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** Options of {@link createJsonlFileAdapter}. */
export interface JsonlFileAdapterOptions {
  /**
   * The records file, such as `data/couple-42.jsonl`. The index is kept beside it in
   * `<path>.index.json`, and records set aside in `<path>.set-aside.jsonl`.
   */
  readonly path: string;
  /** The file system (default `node:fs/promises`); tests pass one that fails on purpose. */
  readonly fs?: JsonlFileSystem;
}

const isMissing = (error: unknown) => (error as { code?: unknown }).code === 'ENOENT';

/**
 * A {@link StorageAdapter} on one JSON Lines file, for Node: a sync server, a terminal app, tests.
 * Appends are flushed to disk (fsync) before they count as written; a write that fails half-way is
 * cut back, and a last line torn by a crash is found when reading and set aside. Rewrites (the index,
 * erasures) go to a temporary file that is renamed over the old one. One process should write a file
 * at a time: Node has no Web Locks, so this adapter does not lock.
 *
 * @example
 * ```ts
 * import { createJsonlFileAdapter } from '@attune/core/node';
 * const store = await openEventStore({ adapter: createJsonlFileAdapter({ path: 'couple.jsonl' }), couple });
 * ```
 */
export function createJsonlFileAdapter(options: JsonlFileAdapterOptions): StorageAdapter {
  const fs: JsonlFileSystem = options.fs ?? (nodeFs as unknown as JsonlFileSystem);
  const { path } = options;
  const indexPath = `${path}.index.json`;
  const asidePath = `${path}.set-aside.jsonl`;
  let lines: string[] = [];
  // A last line that is whole JSON but lost its newline gets one before the next append.
  let needsNewline = false;
  let madeDirectory = false;

  const readText = async (file: string): Promise<string | undefined> => {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };

  const ensureDirectory = async () => {
    if (madeDirectory) return;
    await fs.mkdir(dirname(path), { recursive: true });
    madeDirectory = true;
  };

  /** Writes a whole file durably: a temporary file, fsync, then a rename over the old one. */
  const writeWhole = async (file: string, data: string) => {
    await ensureDirectory();
    const temporary = `${file}.tmp`;
    const handle = await fs.open(temporary, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  };

  /** Appends durably; a failed write is cut back, so no half line is left for the next one to extend. */
  const appendDurably = async (file: string, data: string) => {
    await ensureDirectory();
    const handle = await fs.open(file, 'a');
    try {
      const { size } = await handle.stat();
      try {
        await handle.appendFile(data, 'utf8');
        await handle.sync();
      } catch (error) {
        await handle.truncate(size).catch(() => undefined);
        throw error;
      }
    } finally {
      await handle.close();
    }
  };

  const joined = (records: readonly string[]) => records.map((record) => `${record}\n`).join('');

  return {
    async read(): Promise<StorageContents> {
      const text = (await readText(path)) ?? '';
      const index = await readText(indexPath);
      const segments = text.split('\n');
      // Text after the last newline was still being written when the process stopped.
      const tail = segments.pop() as string;
      lines = segments.filter((line) => line.trim() !== '');
      const records: StoredText[] = lines.map((line) => ({ text: line }));
      needsNewline = false;
      if (tail.trim() !== '') {
        let whole = true;
        try {
          JSON.parse(tail);
        } catch {
          whole = false;
        }
        lines.push(tail);
        records.push(whole ? { text: tail } : { text: tail, torn: true });
        needsNewline = whole;
      }
      return { index, records };
    },
    async append(records) {
      if (records.length === 0) return;
      await appendDurably(path, (needsNewline ? '\n' : '') + joined(records));
      needsNewline = false;
    },
    writeIndex: (index) => writeWhole(indexPath, index),
    async replace(records, index) {
      // Records first: a crash before the index is written leaves an index that is rebuilt on opening.
      await writeWhole(path, joined(records));
      lines = [...records];
      needsNewline = false;
      await writeWhole(indexPath, index);
    },
    async setAside(items) {
      await appendDurably(
        asidePath,
        joined(
          items.map((item) =>
            JSON.stringify({ reason: item.reason, line: item.position + 1, text: item.text }),
          ),
        ),
      );
      const positions = new Set(items.map((item) => item.position));
      lines = lines.filter((_, position) => !positions.has(position));
      await writeWhole(path, joined(lines));
      needsNewline = false;
    },
    async close() {},
  };
}
