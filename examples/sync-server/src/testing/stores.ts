import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgresRelayStore } from '../storage/postgres-relay-store.js';
import type { RelayStore } from '../storage/relay-store.js';
import { openSqliteRelayStore } from '../storage/sqlite-relay-store.js';

/** A database of its own for one test, which no other test sees. */
export interface TestDatabase {
  /** Opens a store on it; after closing one, opening again finds what it held (a restart). */
  open(): Promise<RelayStore>;
  /**
   * Every row of every table, each table's rows sorted, read on a connection of its own: tests
   * compare two dumps to show that a refused request changed nothing stored, byte for byte.
   */
  dump(): Promise<DatabaseDump>;
  /** Deletes it and everything in it. */
  drop(): Promise<void>;
}

/** Every row of every table, by table name, as the database gives them back. */
export type DatabaseDump = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/**
 * A dump without the rows of one couple, for requests that may change what is that couple's own,
 * and without SQLite's position counter, which every couple's events move.
 */
export function withoutCouple(dump: DatabaseDump, couple: string): DatabaseDump {
  return Object.fromEntries(
    Object.entries(dump)
      .filter(([table]) => table !== 'sqlite_sequence')
      .map(([table, rows]) => [
        table,
        rows.filter(
          (row) => row.couple_id !== couple && !(table === 'couples' && row.id === couple),
        ),
      ]),
  );
}

/** Rows in one fixed order, whatever order the database read them in. */
const sorted = (rows: readonly Record<string, unknown>[]) =>
  rows.map((row) => JSON.stringify(row)).sort();

/** A storage backend the suites run against. */
export interface StoreBackend {
  readonly name: 'sqlite' | 'postgres';
  createDatabase(): Promise<TestDatabase>;
}

/** A SQLite file in a temporary folder. */
const sqlite: StoreBackend = {
  name: 'sqlite',
  async createDatabase() {
    const dir = await mkdtemp(join(tmpdir(), 'attune-relay-'));
    const path = join(dir, 'attune-relay.sqlite');
    return {
      open: async () => openSqliteRelayStore({ path }),
      async dump() {
        const db = new Database(path, { readonly: true });
        try {
          const tables = db
            .prepare<[], { name: string }>(
              "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            )
            .all();
          return Object.fromEntries(
            tables.map(({ name }) => [
              name,
              sorted(db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map(
                (row) => JSON.parse(row) as Record<string, unknown>,
              ),
            ]),
          );
        } finally {
          db.close();
        }
      },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

/**
 * A schema of its own in the test server's database, so tests run side by side without seeing each
 * other's couples, and a dropped schema leaves nothing behind.
 */
function postgres(url: string): StoreBackend {
  return {
    name: 'postgres',
    async createDatabase() {
      const schema = `attune_test_${randomBytes(8).toString('hex')}`;
      return {
        open: () => openPostgresRelayStore({ connectionString: url, schema, maxConnections: 4 }),
        async dump() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            const tables = await client.query<{ table_name: string }>(
              'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
              [schema],
            );
            const dump: Record<string, Record<string, unknown>[]> = {};
            for (const { table_name: name } of tables.rows) {
              const { rows } = await client.query(`SELECT * FROM "${schema}"."${name}"`);
              dump[name] = sorted(rows).map((row) => JSON.parse(row) as Record<string, unknown>);
            }
            return dump;
          } finally {
            await client.end();
          }
        },
        async drop() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/** The PostgreSQL server of this run, for tests of PostgreSQL alone; null when skipped. */
export const postgresUrl: string | null = inject('postgresUrl');

/**
 * The backends every storage-touching suite runs against, for `describe.each(storeBackends)`:
 * SQLite, and PostgreSQL unless `ATTUNE_SKIP_POSTGRES=1` (see `postgres-global-setup.ts`).
 */
export const storeBackends: readonly StoreBackend[] =
  postgresUrl === null ? [sqlite] : [sqlite, postgres(postgresUrl)];
