import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgresRelayStore } from '../storage/postgres-relay-store.js';
import type { RelayStore } from '../storage/relay-store.js';
import { openSqliteRelayStore } from '../storage/sqlite-relay-store.js';

/** A database of its own for one test, which no other test sees. */
export interface TestDatabase {
  /** Opens a store on it; after closing one, opening again finds what it held (a restart). */
  open(): Promise<RelayStore>;
  /** Deletes it and everything in it. */
  drop(): Promise<void>;
}

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
    return {
      open: async () => openSqliteRelayStore({ path: join(dir, 'attune-relay.sqlite') }),
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
