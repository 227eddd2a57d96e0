import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Couple, Partner } from '@attune/core';
import {
  createSyncClient,
  type PartnerSync,
  type SyncClient,
} from '../client/create-sync-client.js';
import { createSyncServer, type SyncServerOptions } from '../server/create-sync-server.js';
import type { RelayStore } from '../storage/relay-store.js';
import { openSqliteRelayStore } from '../storage/sqlite-relay-store.js';

/** A server on an ephemeral port over a SQLite file in a temporary folder. */
export interface TestServer {
  readonly url: string;
  readonly dir: string;
  readonly store: RelayStore;
  readonly client: SyncClient;
  /** Stops the server and closes the store; the file stays. */
  stop(): Promise<void>;
  /** Stops, then deletes the folder. */
  remove(): Promise<void>;
}

/**
 * Starts a real server for a test. Pass the `dir` of a stopped one to start again on its file.
 * Unexpected errors fail the test instead of being printed.
 */
export async function startTestServer(
  options: Partial<SyncServerOptions> & { readonly dir?: string } = {},
): Promise<TestServer> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'attune-relay-')));
  const store = openSqliteRelayStore({ path: join(dir, 'attune-relay.sqlite') });
  const unexpected: unknown[] = [];
  const server = createSyncServer({
    onError: (error) => unexpected.push(error),
    ...options,
    store,
  });
  const url = await server.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await store.close();
    if (unexpected.length > 0) throw unexpected[0];
  };
  return {
    url,
    dir,
    store,
    client: createSyncClient({ baseUrl: url }),
    stop,
    async remove() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Ana and Kai, paired through the server. */
export interface PairedCouple {
  readonly couple: Couple;
  readonly ana: PartnerSync;
  readonly kai: PartnerSync;
  readonly tokens: { readonly ana: string; readonly kai: string };
}

const anaPartner: Partner = { id: 'ana', timeZone: 'Europe/Berlin' };
const kaiPartner: Partner = { id: 'kai', timeZone: 'America/New_York' };

/** Creates a couple as Ana and joins it as Kai, as two phones would. */
export async function pairCouple(
  client: SyncClient,
  startedAt: number = Date.UTC(2026, 0, 5, 8),
): Promise<PairedCouple> {
  const created = await client.createCouple(anaPartner, startedAt);
  const joined = await client.joinCouple(created.code, kaiPartner);
  return {
    couple: joined.couple,
    ana: client.forPartner(created),
    kai: client.forPartner({ couple: joined.couple.id, token: joined.token }),
    tokens: { ana: created.token, kai: joined.token },
  };
}
