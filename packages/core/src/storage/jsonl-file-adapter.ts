/// <reference types="node" />
import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StorageAdapter, StorageContents, StoredText } from './adapter.js';

/** An open file, as the JSON Lines adapter uses it (a subset of Node's `FileHandle`). */
export interface JsonlFileHandle {
  /** As Node's `FileHandle.stat`. */
  stat(): Promise<{ readonly size: number }>;
  /** As Node's `FileHandle.appendFile`, given bytes. */
  appendFile(data: Uint8Array): Promise<void>;
  /** As Node's `FileHandle.writeFile`, given bytes. */
  writeFile(data: Uint8Array): Promise<void>;
  /** As Node's `FileHandle.sync`. */
  sync(): Promise<void>;
  /** As Node's `FileHandle.truncate`. */
  truncate(length: number): Promise<void>;
  /** As Node's `FileHandle.close`. */
  close(): Promise<void>;
}

/**
 * The file system calls the JSON Lines adapter makes (a subset of `node:fs/promises`). Files are read
 * and written as bytes, so a line that is not valid UTF-8 is set aside exactly as it was.
 */
export interface JsonlFileSystem {
  /** As Node's `fs/promises.readFile` without an encoding: the file's bytes. */
  readFile(path: string): Promise<Uint8Array>;
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
   * `<path>.index.json`, and records set aside in `<path>.set-aside.jsonl`: one JSON line per record,
   * `{"reason","line","text"}`, or `{"reason","line","bytes"}` with the record's bytes in base64 when
   * they are not valid UTF-8.
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
  // The records' bytes as last read or written, so a rewrite keeps every byte of the lines it keeps.
  let lines: Uint8Array[] = [];
  // A last line that is whole JSON but lost its newline gets one before the next append.
  let needsNewline = false;
  let madeDirectory = false;

  const readBytes = async (file: string): Promise<Uint8Array | undefined> => {
    try {
      return await fs.readFile(file);
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
  const writeWhole = async (file: string, data: Uint8Array) => {
    await ensureDirectory();
    const temporary = `${file}.tmp`;
    const handle = await fs.open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  };

  /** Appends durably; a failed write is cut back, so no half line is left for the next one to extend. */
  const appendDurably = async (file: string, data: Uint8Array) => {
    await ensureDirectory();
    const handle = await fs.open(file, 'a');
    try {
      const { size } = await handle.stat();
      try {
        await handle.appendFile(data);
        await handle.sync();
      } catch (error) {
        await handle.truncate(size).catch(() => undefined);
        throw error;
      }
    } finally {
      await handle.close();
    }
  };

  const joined = (records: readonly Uint8Array[]) =>
    Buffer.concat(records.flatMap((record) => [record, NEWLINE]));
  const bytesOf = (records: readonly string[]) =>
    records.map((record) => Buffer.from(record, 'utf8'));

  return {
    async read(): Promise<StorageContents> {
      const data = Buffer.from((await readBytes(path)) ?? new Uint8Array(0));
      const indexBytes = await readBytes(indexPath);
      const segments = splitLines(data);
      // Bytes after the last newline were still being written when the process stopped.
      const tail = segments.pop() as Buffer;
      lines = [];
      const records: StoredText[] = [];
      for (const line of segments) {
        const read = decodeLine(line);
        if (read.text.trim() === '') continue;
        lines.push(line);
        records.push(read.valid ? { text: read.text } : { text: read.text, invalidText: true });
      }
      needsNewline = false;
      const last = decodeLine(tail);
      if (last.text.trim() !== '') {
        let whole = last.valid;
        try {
          JSON.parse(last.text);
        } catch {
          whole = false;
        }
        lines.push(tail);
        records.push(
          whole
            ? { text: last.text }
            : { text: last.text, torn: true, ...(last.valid ? {} : { invalidText: true }) },
        );
        needsNewline = whole;
      }
      return {
        index: indexBytes === undefined ? undefined : Buffer.from(indexBytes).toString('utf8'),
        records,
      };
    },
    async append(records) {
      if (records.length === 0) return;
      const added = bytesOf(records);
      await appendDurably(path, Buffer.concat([needsNewline ? NEWLINE : EMPTY, joined(added)]));
      needsNewline = false;
      lines.push(...added);
    },
    writeIndex: (index) => writeWhole(indexPath, Buffer.from(index, 'utf8')),
    async replace(records, index) {
      const next = bytesOf(records);
      // Records first: a crash before the index is written leaves an index that is rebuilt on opening.
      await writeWhole(path, joined(next));
      lines = next;
      needsNewline = false;
      await writeWhole(indexPath, Buffer.from(index, 'utf8'));
    },
    async setAside(items) {
      const entries = items.map((item) => {
        const bytes = lines[item.position] ?? Buffer.from(item.text, 'utf8');
        const read = decodeLine(bytes);
        return JSON.stringify({
          reason: item.reason,
          line: item.position + 1,
          ...(read.valid ? { text: read.text } : { bytes: Buffer.from(bytes).toString('base64') }),
        });
      });
      await appendDurably(asidePath, joined(bytesOf(entries)));
      const positions = new Set(items.map((item) => item.position));
      lines = lines.filter((_, position) => !positions.has(position));
      await writeWhole(path, joined(lines));
      needsNewline = false;
    },
    async close() {},
  };
}

const NEWLINE = Buffer.from('\n');
const EMPTY = Buffer.alloc(0);
// Fatal, so bytes that are not UTF-8 are told apart; a byte order mark is kept as text, as written.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Splits bytes at every newline; the last part is what follows the last newline. */
function splitLines(data: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
    parts.push(data.subarray(start, end));
    start = end + 1;
  }
  parts.push(data.subarray(start));
  return parts;
}

/** A line's text, and whether its bytes are valid UTF-8 (if not, the text is only a rendering). */
function decodeLine(bytes: Uint8Array): { readonly text: string; readonly valid: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), valid: true };
  } catch {
    return { text: Buffer.from(bytes).toString('utf8'), valid: false };
  }
}
