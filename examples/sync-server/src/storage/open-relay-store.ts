import { redactDatabaseUrl, type StorageConfig } from '../config/read-config.js';
import { openPostgresRelayStore } from './postgres-relay-store.js';
import type { RelayStore } from './relay-store.js';
import { openSqliteRelayStore } from './sqlite-relay-store.js';

/** An open store, and where it stores, to say when the server starts. */
export interface OpenedRelayStore {
  readonly store: RelayStore;
  /** The SQLite file, or the database URL without its password. */
  readonly location: string;
}

/** Opens the store the configuration names: PostgreSQL when it has a database URL, else SQLite. */
export async function openRelayStore(storage: StorageConfig): Promise<OpenedRelayStore> {
  if (storage.kind === 'postgres') {
    const location = redactDatabaseUrl(storage.url);
    try {
      return { store: await openPostgresRelayStore({ connectionString: storage.url }), location };
    } catch (error) {
      // Says which database, so the fix is clear; the driver's own message never holds the password.
      throw new Error(
        `Could not open the PostgreSQL database at ${location}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
  return { store: openSqliteRelayStore({ path: storage.path }), location: storage.path };
}
