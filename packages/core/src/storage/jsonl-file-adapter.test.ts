/// <reference types="node" />

import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { openEventStore } from './event-store.js';
import { sampleEvents, simulated } from './fixtures.js';
import {
  createJsonlFileAdapter,
  type JsonlFileHandle,
  type JsonlFileSystem,
} from './jsonl-file-adapter.js';

const { couple } = simulated;
const inOrder = (events: readonly LoggedEvent[]) => [...events].sort(compareEvents);
const realFs = fs as unknown as JsonlFileSystem;

let dir = '';
let path = '';
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'attune-jsonl-'));
  path = join(dir, 'nested', 'couple.jsonl');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const open = (fsOverride?: JsonlFileSystem) =>
  openEventStore({
    adapter: createJsonlFileAdapter(fsOverride ? { path, fs: fsOverride } : { path }),
    couple,
    locks: null,
  });

/** A file system that fails where a test says, and otherwise is the real one. */
function faultyFs(faults: {
  readFile?: (file: string) => Error | undefined;
  rename?: (to: string) => Error | undefined;
  appendFile?: (data: Uint8Array) => Error | undefined;
}): JsonlFileSystem {
  return {
    readFile: async (file) => {
      const error = faults.readFile?.(file);
      if (error) throw error;
      return realFs.readFile(file);
    },
    rename: async (from, to) => {
      const error = faults.rename?.(to);
      if (error) throw error;
      return realFs.rename(from, to);
    },
    mkdir: (file, options) => realFs.mkdir(file, options),
    open: async (file, flags): Promise<JsonlFileHandle> => {
      const handle = await realFs.open(file, flags);
      return {
        stat: () => handle.stat(),
        writeFile: (data) => handle.writeFile(data),
        sync: () => handle.sync(),
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
        appendFile: async (data) => {
          const error = faults.appendFile?.(data);
          if (error) {
            // Half the line reaches the disk before the disk is full.
            await handle.appendFile(data.slice(0, data.length / 2));
            throw error;
          }
          return handle.appendFile(data);
        },
      };
    },
  };
}

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('createJsonlFileAdapter', () => {
  it('appends one JSON line per event, synced to disk, and reads them back', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 20));
    await store.append(sampleEvents.slice(20));
    await store.close();
    const text = await fs.readFile(path, 'utf8');
    expect(text.split('\n')).toHaveLength(sampleEvents.length + 1);
    expect(JSON.parse(text.split('\n')[0] as string)).toEqual({ v: 2, event: sampleEvents[0] });
    const index = JSON.parse(await fs.readFile(`${path}.index.json`, 'utf8'));
    expect(index).toMatchObject({ format: 'attune-event-store', couple: couple.id });

    const reopened = await open();
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder(sampleEvents));
  });

  it('sets a last line torn by a crash aside, and appends cleanly after it', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 5));
    const whole = JSON.stringify({ v: 1, event: sampleEvents[5] });
    await fs.appendFile(path, whole.slice(0, 40));

    const reopened = await open();
    expect(reopened.size).toBe(5);
    expect(reopened.problems.map(({ code, position }) => [code, position])).toEqual([
      ['torn-record', 5],
    ]);
    expect(reopened.problems[0]?.message).toMatch(/cut short by an interrupted write/);
    const aside = (await fs.readFile(`${path}.set-aside.jsonl`, 'utf8')).trim().split('\n');
    expect(aside.map((line) => JSON.parse(line))).toEqual([
      { reason: expect.stringMatching(/^torn-record/), line: 6, text: whole.slice(0, 40) },
    ]);
    await reopened.append(sampleEvents.slice(5, 7));
    const third = await open();
    expect(third.problems).toEqual([]);
    expect(third.events).toEqual(inOrder(sampleEvents.slice(0, 7)));
  });

  it('sets aside lines that are not UTF-8 byte for byte, and keeps every other byte of the file', async () => {
    const store = await open();
    const answer = sampleEvents.find((event) => event.type === 'answer-recorded') as LoggedEvent;
    const worded = { ...answer, data: { ...(answer.data as object), text: 'café — 💬 ünïcödé' } };
    await store.append([...sampleEvents.slice(0, 2), worded as LoggedEvent]);
    const before = await fs.readFile(path);
    const notUtf8 = Buffer.from([0x7b, 0x22, 0x76, 0x22, 0x3a, 0xff, 0xfe, 0x7d]);
    // A crash cut the last record in the middle of a two-byte character.
    const torn = Buffer.from('{"v":2,"event":{"text":"é', 'utf8').subarray(0, -1);
    await fs.appendFile(path, Buffer.concat([notUtf8, Buffer.from('\n'), torn]));

    const reopened = await open();
    expect(reopened.size).toBe(3);
    expect(reopened.problems.map(({ code, position }) => [code, position])).toEqual([
      ['corrupted-record', 3],
      ['torn-record', 4],
    ]);
    const aside = (await fs.readFile(`${path}.set-aside.jsonl`, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(aside).toEqual([
      {
        reason: expect.stringMatching(/^corrupted-record: is not valid text/),
        line: 4,
        bytes: notUtf8.toString('base64'),
      },
      { reason: expect.stringMatching(/^torn-record/), line: 5, bytes: torn.toString('base64') },
    ]);
    expect(Buffer.from(aside[0].bytes, 'base64').equals(notUtf8)).toBe(true);
    expect((await fs.readFile(path)).equals(before)).toBe(true);
    expect((await open()).events).toEqual(reopened.events);
  });

  it('keeps a whole last line that only lost its newline', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 2));
    await fs.appendFile(path, JSON.stringify({ v: 1, event: sampleEvents[2] }));
    const reopened = await open();
    expect(reopened.size).toBe(3);
    await reopened.append(sampleEvents.slice(3, 4));
    expect((await open()).events).toEqual(inOrder(sampleEvents.slice(0, 4)));
  });

  it('reports a file truncated by whole lines as events missing, naming the devices', async () => {
    const store = await open();
    await store.append(sampleEvents);
    const lines = (await fs.readFile(path, 'utf8')).split('\n');
    await fs.writeFile(path, `${lines.slice(0, 10).join('\n')}\n`);
    const reopened = await open();
    expect(reopened.size).toBe(10);
    expect(
      reopened.problems.filter((problem) => problem.code === 'events-missing').length,
    ).toBeGreaterThan(0);
  });

  it('rebuilds the index after a crash between appending events and renaming the new index', async () => {
    let crash = false;
    const store = await open(
      faultyFs({
        rename: (to) => (crash && to.endsWith('.index.json') ? errno('EIO') : undefined),
      }),
    );
    await store.append(sampleEvents.slice(0, 3));
    crash = true;
    await store.append(sampleEvents.slice(3, 6));
    const reopened = await open();
    expect(reopened.size).toBe(6);
    expect(reopened.problems.map((problem) => problem.code)).toEqual(['index-repaired']);
  });

  it('cuts back a write the full disk interrupted, keeps the events in memory, and writes them later', async () => {
    let full = false;
    const store = await open(faultyFs({ appendFile: () => (full ? errno('ENOSPC') : undefined) }));
    await store.append(sampleEvents.slice(0, 3));
    full = true;
    expect(await store.append(sampleEvents.slice(3, 6))).toEqual({
      written: 0,
      pending: 3,
      rejected: [],
    });
    expect((await fs.readFile(path, 'utf8')).endsWith('\n')).toBe(true);
    full = false;
    expect(await store.flush()).toEqual({ written: 3, pending: 0, rejected: [] });
    const reopened = await open();
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder(sampleEvents.slice(0, 6)));
  });

  it('refuses to open when the file cannot be read, and leaves it as it was', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 3));
    const before = await fs.readFile(path, 'utf8');
    await expect(
      open(faultyFs({ readFile: (file) => (file === path ? errno('EIO') : undefined) })),
    ).rejects.toMatchObject({ code: 'read-failed' });
    expect(await fs.readFile(path, 'utf8')).toBe(before);
  });

  it('replaces the file through a temporary file', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 8));
    await store.replace(sampleEvents.slice(0, 2));
    await store.replace([]);
    expect(await fs.readFile(path, 'utf8')).toBe('');
    await store.replace(sampleEvents.slice(0, 1));
    expect((await open()).events).toEqual(sampleEvents.slice(0, 1));
  });
});
