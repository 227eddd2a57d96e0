/// <reference types="node" />

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { openEventStore } from './event-store.js';
import { sampleEvents, simulated } from './fixtures.js';
import { createSqliteAdapter, type SqliteDatabaseLike } from './sqlite-adapter.js';

const { couple } = simulated;
const inOrder = (events: readonly LoggedEvent[]) => [...events].sort(compareEvents);

/**
 * better-sqlite3 behind the structural interface, as `expo-sqlite`'s async API offers it: the
 * adapter under test is the one an Expo app runs, only the SQLite underneath differs.
 */
function betterSqlite(file: string): SqliteDatabaseLike {
  const db = new Database(file);
  return {
    execAsync: async (source) => {
      db.exec(source);
    },
    runAsync: async (source, params) => db.prepare(source).run(...params),
    getAllAsync: async <Row>(source: string, params: (string | number | null)[]) =>
      db.prepare(source).all(...params) as Row[],
    closeAsync: async () => {
      db.close();
    },
  };
}

/** A database whose `runAsync` fails on the calls a test says, and otherwise is the real one. */
function faulty(file: string, fail: (source: string, call: number) => Error | undefined) {
  const db = betterSqlite(file);
  let calls = 0;
  return {
    ...db,
    runAsync: async (source: string, params: (string | number | null)[]) => {
      const error = fail(source, ++calls);
      if (error) throw error;
      return db.runAsync(source, params);
    },
  } satisfies SqliteDatabaseLike;
}

const sqliteError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
// expo-sqlite names SQLite's error only in the message.
const expoFull = () =>
  new Error(
    "Call to function 'NativeStatement.runAsync' has been rejected.\n→ Caused by: database or disk is full",
  );

/** Reads a table directly, bypassing the adapter. */
function dump(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Writes values into the records table as damage or another program would. */
function inject(file: string, sql: string): void {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attune-sqlite-'));
  file = join(dir, 'attune.db');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const open = (database: () => SqliteDatabaseLike = () => betterSqlite(file)) =>
  openEventStore({
    adapter: createSqliteAdapter({ open: async () => database() }),
    couple,
    locks: null,
  });

describe('createSqliteAdapter', () => {
  it('keeps events across restarts', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 30));
    await store.append(sampleEvents.slice(30));
    await store.close();

    const reopened = await open();
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder(sampleEvents));
    await reopened.close();
    expect(dump(file, 'SELECT count(*) AS n FROM attune_records')).toEqual([
      { n: sampleEvents.length },
    ]);
    const [index] = dump(file, 'SELECT value FROM attune_meta') as { value: string }[];
    expect(JSON.parse(index?.value ?? '')).toMatchObject({
      format: 'attune-event-store',
      couple: couple.id,
    });
  });

  it('sets damaged records aside in their own table, byte for byte, and loads the rest', async () => {
    const first = await open();
    await first.append(sampleEvents.slice(0, 3));
    await first.close();
    inject(
      file,
      [
        // A number, a cut-off record, bytes that are not text, and text whose bytes are not UTF-8.
        'INSERT INTO attune_records (record) VALUES (42);',
        `INSERT INTO attune_records (record) VALUES ('{"v":1,"event":');`,
        "INSERT INTO attune_records (record) VALUES (x'7bfffe7d');",
        "INSERT INTO attune_records (record) VALUES (CAST(x'7b22762233ff7d' AS TEXT));",
        // The first three bytes of a four-byte character: as long as the U+FFFD read in their place.
        "INSERT INTO attune_records (record) VALUES (CAST(x'f09f92' AS TEXT));",
      ].join('\n'),
    );

    const store = await open();
    expect(store.size).toBe(3);
    expect(store.problems.map(({ code, position }) => [code, position])).toEqual([
      ['corrupted-record', 3],
      ['corrupted-record', 4],
      ['corrupted-record', 5],
      ['corrupted-record', 6],
      ['corrupted-record', 7],
    ]);
    await store.close();
    expect(dump(file, 'SELECT count(*) AS n FROM attune_records')).toEqual([{ n: 3 }]);
    expect(
      dump(
        file,
        'SELECT position, typeof(record) AS kind, hex(record) AS hex, reason FROM attune_set_aside ORDER BY id',
      ),
    ).toEqual([
      {
        position: 3,
        kind: 'integer',
        hex: '3432',
        reason: expect.stringMatching(/^corrupted-record: .*not valid text/),
      },
      {
        position: 4,
        kind: 'text',
        hex: Buffer.from('{"v":1,"event":').toString('hex').toUpperCase(),
        reason: expect.stringMatching(/not valid JSON/),
      },
      {
        position: 5,
        kind: 'blob',
        hex: '7BFFFE7D',
        reason: expect.stringMatching(/not valid text/),
      },
      {
        position: 6,
        kind: 'text',
        hex: '7B22762233FF7D',
        reason: expect.stringMatching(/not valid text/),
      },
      { position: 7, kind: 'text', hex: 'F09F92', reason: expect.stringMatching(/not valid text/) },
    ]);
    expect((await open()).problems).toEqual([]);
  });

  it('keeps text that holds U+FFFD and other characters as typed', async () => {
    const store = await open();
    const answer = sampleEvents.find((event) => event.type === 'answer-recorded') as LoggedEvent;
    const worded = {
      ...answer,
      data: { ...(answer.data as object), text: 'café — 💬 \uFFFD ünïcödé \uFEFF' },
    } as LoggedEvent;
    await store.append([...sampleEvents.slice(0, 2), worded]);
    await store.close();
    const reopened = await open();
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder([...sampleEvents.slice(0, 2), worded]));
  });

  it('reads back text in any script byte for byte, and sets aside what it never read', async () => {
    const adapter = createSqliteAdapter({ open: async () => betterSqlite(file) });
    const texts = ['{"t":"ascii"}', '{"t":"café ñ"}', '{"t":"ありがとう — شكرا"}', '{"t":"💬🫶"}'];
    await adapter.append(texts);
    expect((await adapter.read()).records).toEqual(texts.map((text) => ({ text })));
    // A position the last read did not have is kept as the text given.
    await adapter.setAside([{ position: 99, text: '{"lost"', reason: 'torn-record: test' }]);
    await adapter.close();
    expect(dump(file, 'SELECT position, record, reason FROM attune_set_aside')).toEqual([
      { position: 99, record: '{"lost"', reason: 'torn-record: test' },
    ]);
    expect(dump(file, 'SELECT count(*) AS n FROM attune_records')).toEqual([{ n: 4 }]);
  });

  it('appends all of a batch or none of it', async () => {
    // The second INSERT of a batch larger than one statement fails: the first must not stay.
    let full = true;
    let inserts = 0;
    const adapter = createSqliteAdapter({
      open: async () =>
        faulty(file, (source) =>
          full && source.startsWith('INSERT INTO "attune_records"') && ++inserts === 2
            ? sqliteError('SQLITE_FULL')
            : undefined,
        ),
    });
    const texts = Array.from({ length: 450 }, (_, n) => JSON.stringify({ n }));
    await expect(adapter.append(texts)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(dump(file, 'SELECT count(*) AS n FROM attune_records')).toEqual([{ n: 0 }]);
    full = false;
    await adapter.append(texts);
    expect((await adapter.read()).records.map((record) => record.text)).toEqual(texts);
    await adapter.close();
  });

  it('keeps events a full disk refused in memory, and writes them later', async () => {
    let full = false;
    const store = await open(() =>
      faulty(file, (source) =>
        full && source.startsWith('INSERT INTO "attune_records"') ? expoFull() : undefined,
      ),
    );
    await store.append(sampleEvents.slice(0, 3));
    full = true;
    expect(await store.append(sampleEvents.slice(3, 6))).toEqual({
      written: 0,
      pending: 3,
      rejected: [],
    });
    full = false;
    expect(await store.flush()).toEqual({ written: 3, pending: 0, rejected: [] });
    await store.close();
    const reopened = await open();
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(inOrder(sampleEvents.slice(0, 6)));
  });

  it('replaces every record and the index in one transaction', async () => {
    const store = await open();
    await store.append(sampleEvents.slice(0, 10));
    await store.replace(sampleEvents.slice(0, 2));
    await store.close();
    const reopened = await open();
    expect(reopened.events).toEqual(inOrder(sampleEvents.slice(0, 2)));
    expect(reopened.problems).toEqual([]);
    await reopened.close();

    // A replace that fails before its index is written leaves the old records and index.
    const failing = await open(() =>
      faulty(file, (source) =>
        source.includes('"attune_meta"') ? sqliteError('SQLITE_IOERR') : undefined,
      ),
    );
    await expect(failing.replace([])).rejects.toThrow();
    const after = await open();
    expect(after.events).toEqual(inOrder(sampleEvents.slice(0, 2)));
    expect(after.problems).toEqual([]);
  });

  it('keeps two couples apart in one database by table prefix', async () => {
    const kept = (prefix: string) =>
      openEventStore({
        adapter: createSqliteAdapter({ open: async () => betterSqlite(file), tablePrefix: prefix }),
        couple,
        locks: null,
      });
    const a = await kept('couple_a');
    await a.append(sampleEvents.slice(0, 4));
    await a.close();
    const b = await kept('couple_b');
    expect(b.size).toBe(0);
    await b.close();
    expect((await kept('couple_a')).size).toBe(4);
    expect(() =>
      createSqliteAdapter({ open: async () => betterSqlite(file), tablePrefix: 'a; DROP' }),
    ).toThrow(/not a plain SQL name/);
  });

  it('fails clearly when the database cannot be opened, and tries again', async () => {
    let attempts = 0;
    const adapter = createSqliteAdapter({
      open: async () => {
        attempts++;
        if (attempts === 1) throw new Error('unable to open database file');
        return betterSqlite(file);
      },
    });
    await expect(openEventStore({ adapter, couple, locks: null })).rejects.toMatchObject({
      code: 'read-failed',
      cause: expect.objectContaining({ message: 'unable to open database file' }),
    });
    const store = await openEventStore({ adapter, couple, locks: null });
    expect(store.readOnly).toBeUndefined();
    await store.close();
    expect(attempts).toBe(2);
  });

  it('runs its calls one after another on the shared connection', async () => {
    const store = await open();
    // Without a queue, two transactions begun at once on one connection fail ("within a transaction").
    await Promise.all([
      store.append(sampleEvents.slice(0, 5)),
      store.append(sampleEvents.slice(5, 10)),
      store.append(sampleEvents.slice(10, 15)),
    ]);
    await store.close();
    expect((await open()).events).toEqual(inOrder(sampleEvents.slice(0, 15)));
  });
});
