import type { StorageAdapter, StorageContents, StoredText } from './adapter.js';

/** A value SQLite binds to a `?` placeholder, as the SQLite adapter passes them. */
export type SqliteBindValue = string | number | null;

/**
 * The calls the SQLite adapter makes on an open database: a subset of `expo-sqlite`'s
 * `SQLiteDatabase` (its async API), so that the database `openDatabaseAsync` returns fits as it is,
 * and any other SQLite binding fits behind four small functions (the tests wrap `better-sqlite3`).
 */
export interface SqliteDatabaseLike {
  /** Runs statements without parameters, as `expo-sqlite`'s `execAsync`. */
  execAsync(source: string): Promise<void>;
  /** Runs one statement with positional parameters, as `expo-sqlite`'s `runAsync`. */
  runAsync(source: string, params: SqliteBindValue[]): Promise<unknown>;
  /** Runs one query and gives every row as an object by column name, as `getAllAsync`. */
  getAllAsync<Row>(source: string, params: SqliteBindValue[]): Promise<Row[]>;
  /** Closes the connection, as `expo-sqlite`'s `closeAsync`. */
  closeAsync(): Promise<void>;
}

/** Options of {@link createSqliteAdapter}. */
export interface SqliteAdapterOptions {
  /**
   * Opens the database, when the store is first read or written: in an Expo app,
   * `() => openDatabaseAsync('attune.db')` from `expo-sqlite`. The adapter owns the connection and
   * closes it on `close()`; a failed open is tried again on the next call.
   */
  readonly open: () => Promise<SqliteDatabaseLike>;
  /**
   * What the adapter's three tables start with, so that one database can hold several couples or
   * other tables of the app: `attune` by default, giving `attune_records`, `attune_meta` and
   * `attune_set_aside`. Letters, digits and `_` only.
   */
  readonly tablePrefix?: string;
}

// Rows per INSERT: far below SQLite's oldest limit of 999 bound parameters.
const ROWS_PER_INSERT = 200;
const INDEX_KEY = 'index';
const REPLACEMENT_CHARACTER = '\uFFFD';

interface RecordRow {
  readonly position: number;
  readonly record: unknown;
  readonly kind: 'text' | 'blob' | 'integer' | 'real' | 'null';
  readonly bytes: number;
}

/** A value that is not text, shown as text for messages. */
function rendered(value: unknown): string {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return String(value);
}

/** How many bytes a string takes in UTF-8. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/**
 * SQLite's "database or disk is full" (`SQLITE_FULL`) as the store knows a full disk, `ENOSPC`, so
 * that the events wait in memory instead of failing the write. Bindings report it differently:
 * better-sqlite3 by `code`, expo-sqlite only in the message.
 */
function asFull(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const full =
    code === 'SQLITE_FULL' ||
    (typeof message === 'string' && /database or disk is full/i.test(message));
  if (!full) return error;
  return Object.assign(new Error('The SQLite database or the disk is full', { cause: error }), {
    code: 'ENOSPC',
  });
}

/**
 * Whether bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
 * Checked by hand: Hermes, React Native's engine, has no `TextDecoder`.
 */
function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i] as number;
    if (first < 0x80) {
      i++;
      continue;
    }
    // The allowed range of the second byte depends on the first (Unicode table 3-7).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) length = 2;
    else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      if (first === 0xe0) low = 0xa0;
      if (first === 0xed) high = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      if (first === 0xf0) low = 0x90;
      if (first === 0xf4) high = 0x8f;
    } else return false;
    if (i + length > bytes.length) return false;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return false;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

/**
 * A {@link StorageAdapter} on SQLite, for React Native (`expo-sqlite`) and anywhere else an async
 * SQLite is at hand. Records are rows in append order, the index one row of a second table, and
 * set-aside records rows of a third, where they stay until someone removes them: SQLite copies each
 * value across byte for byte, so what was not text stays what it was. Every write is one
 * transaction, committed with `synchronous = FULL` before it counts as written; a full disk
 * (`SQLITE_FULL`) is reported as `ENOSPC`, so the store keeps the events in memory until there is room. One connection
 * should write a database at a time: there are no Web Locks on a phone, so this adapter does not
 * lock, and it runs its own calls one after another.
 *
 * @example
 * ```ts
 * import { openDatabaseAsync } from 'expo-sqlite';
 * import { createSqliteAdapter, openEventStore } from '@attune/core/storage';
 *
 * const adapter = createSqliteAdapter({ open: () => openDatabaseAsync(`attune-${couple.id}.db`) });
 * const store = await openEventStore({ adapter, couple });
 * ```
 */
export function createSqliteAdapter(options: SqliteAdapterOptions): StorageAdapter {
  const prefix = options.tablePrefix ?? 'attune';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)) {
    throw new TypeError(
      `createSqliteAdapter: tablePrefix "${prefix}" is not a plain SQL name. Use letters, digits and _ only, starting with a letter.`,
    );
  }
  const records = `"${prefix}_records"`;
  const meta = `"${prefix}_meta"`;
  const setAside = `"${prefix}_set_aside"`;

  let opening: Promise<SqliteDatabaseLike> | undefined;
  // Row ids of the records as last read, so set-aside positions map to rows.
  let positions: number[] = [];
  // Every call waits for the one before: a transaction on a shared connection must not interleave.
  let queue: Promise<unknown> = Promise.resolve();

  const database = (): Promise<SqliteDatabaseLike> => {
    opening ??= (async () => {
      const db = await options.open();
      // No type on `record`, so SQLite keeps any value as it was given: damage stays visible.
      await db.execAsync(
        [
          'PRAGMA synchronous = FULL;',
          `CREATE TABLE IF NOT EXISTS ${records} (position INTEGER PRIMARY KEY AUTOINCREMENT, record);`,
          `CREATE TABLE IF NOT EXISTS ${meta} (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
          `CREATE TABLE IF NOT EXISTS ${setAside} (id INTEGER PRIMARY KEY AUTOINCREMENT, position INTEGER NOT NULL, record, reason TEXT NOT NULL);`,
        ].join('\n'),
      );
      return db;
    })();
    // A failed open is not cached, so the next call tries again.
    opening.catch(() => {
      opening = undefined;
    });
    return opening;
  };

  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Runs `work` in one transaction: committed whole, or rolled back and the error thrown. */
  const transaction = (work: (db: SqliteDatabaseLike) => Promise<void>): Promise<void> =>
    serially(async () => {
      const db = await database();
      await db.execAsync('BEGIN IMMEDIATE');
      try {
        await work(db);
        await db.execAsync('COMMIT');
      } catch (error) {
        await db.execAsync('ROLLBACK').catch(() => undefined);
        throw asFull(error);
      }
    });

  const insert = async (db: SqliteDatabaseLike, texts: readonly string[]) => {
    for (let start = 0; start < texts.length; start += ROWS_PER_INSERT) {
      const chunk = texts.slice(start, start + ROWS_PER_INSERT);
      await db.runAsync(
        `INSERT INTO ${records} (record) VALUES ${chunk.map(() => '(?)').join(', ')}`,
        chunk,
      );
    }
  };

  const putIndex = (db: SqliteDatabaseLike, index: string) =>
    db.runAsync(`INSERT OR REPLACE INTO ${meta} (key, value) VALUES (?, ?)`, [INDEX_KEY, index]);

  /**
   * Whether a text value's stored bytes are valid UTF-8. A binding decodes them for JavaScript and
   * puts U+FFFD (or nothing) where they were not, so only a value with U+FFFD in it, or whose UTF-8
   * length differs from the bytes stored, is read again as bytes and checked strictly.
   */
  const isValidText = async (db: SqliteDatabaseLike, row: RecordRow, text: string) => {
    if (!text.includes(REPLACEMENT_CHARACTER) && utf8Length(text) === row.bytes) return true;
    const [raw] = await db.getAllAsync<{ bytes: Uint8Array }>(
      `SELECT CAST(record AS BLOB) AS bytes FROM ${records} WHERE position = ?`,
      [row.position],
    );
    return isUtf8(raw?.bytes ?? new Uint8Array(0));
  };

  return {
    read: () =>
      serially(async (): Promise<StorageContents> => {
        const db = await database();
        const rows = await db.getAllAsync<RecordRow>(
          `SELECT position, record, typeof(record) AS kind, length(CAST(record AS BLOB)) AS bytes FROM ${records} ORDER BY position`,
          [],
        );
        const [index] = await db.getAllAsync<{ value: unknown }>(
          `SELECT value FROM ${meta} WHERE key = ?`,
          [INDEX_KEY],
        );
        positions = rows.map((row) => row.position);
        const read: StoredText[] = [];
        for (const row of rows) {
          // A value of another kind, or text whose bytes are not UTF-8, can only come from damage or
          // another program: the store sets it aside, and SQLite keeps it as the value it is.
          const text = row.kind === 'text' ? String(row.record) : undefined;
          read.push(
            text !== undefined && (await isValidText(db, row, text))
              ? { text }
              : { text: text ?? rendered(row.record), invalidText: true },
          );
        }
        return { index: typeof index?.value === 'string' ? index.value : undefined, records: read };
      }),
    append: (texts) =>
      texts.length === 0 ? Promise.resolve() : transaction((db) => insert(db, texts)),
    writeIndex: (index) =>
      transaction(async (db) => {
        await putIndex(db, index);
      }),
    replace: (texts, index) =>
      transaction(async (db) => {
        await db.runAsync(`DELETE FROM ${records}`, []);
        await insert(db, texts);
        await putIndex(db, index);
        positions = [];
      }),
    setAside: (items) =>
      transaction(async (db) => {
        for (const item of items) {
          const position = positions[item.position];
          if (position === undefined) {
            await db.runAsync(
              `INSERT INTO ${setAside} (position, record, reason) VALUES (?, ?, ?)`,
              [item.position, item.text, item.reason],
            );
            continue;
          }
          // Copied inside SQLite, so the value never passes through a decoder on its way.
          await db.runAsync(
            `INSERT INTO ${setAside} (position, record, reason) SELECT ?, record, ? FROM ${records} WHERE position = ?`,
            [item.position, item.reason, position],
          );
          await db.runAsync(`DELETE FROM ${records} WHERE position = ?`, [position]);
        }
      }),
    close: () =>
      serially(async () => {
        const open = opening;
        opening = undefined;
        const db = await open?.catch(() => undefined);
        await db?.closeAsync();
      }),
  };
}
