import type { Couple, Partner } from '@attune/core';
import {
  createSyncClient,
  type PartnerSync,
  type SyncClient,
} from '../client/create-sync-client.js';
import { createSyncServer, type SyncServerOptions } from '../server/create-sync-server.js';
import type { RelayStore } from '../storage/relay-store.js';
import { createTestSigner, signingSync, type TestSigner } from './signing.js';
import type { StoreBackend, TestDatabase } from './stores.js';

/** A server on an ephemeral port over a database of its own. */
export interface TestServer {
  readonly url: string;
  readonly database: TestDatabase;
  readonly store: RelayStore;
  readonly client: SyncClient;
  /** Stops the server and closes the store; the database stays. */
  stop(): Promise<void>;
  /** Stops, then drops the database. */
  remove(): Promise<void>;
}

/**
 * Starts a real server for a test, over a new database of `backend`. Pass the `database` of a
 * stopped one to start again on what it stored. Unexpected errors fail the test instead of being
 * printed.
 */
export async function startTestServer(
  backend: StoreBackend,
  options: Partial<SyncServerOptions> & { readonly database?: TestDatabase } = {},
): Promise<TestServer> {
  const { database = await backend.createDatabase(), ...serverOptions } = options;
  const store = await database.open();
  const unexpected: unknown[] = [];
  const server = createSyncServer({
    onError: (error) => unexpected.push(error),
    ...serverOptions,
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
    database,
    store,
    client: createSyncClient({ baseUrl: url }),
    stop,
    async remove() {
      try {
        await stop();
      } finally {
        await database.drop();
      }
    },
  };
}

/** Ana and Kai, paired through the server. */
export interface PairedCouple {
  readonly couple: Couple;
  /** Ana's calls; uploads are signed as her phone signs them (see `signingSync`). */
  readonly ana: PartnerSync;
  /** Kai's calls, signing as his phone does. */
  readonly kai: PartnerSync;
  readonly tokens: { readonly ana: string; readonly kai: string };
  /** Each partner's signing keys: `ana-phone` and `kai-phone`, as they paired. */
  readonly signers: { readonly ana: TestSigner; readonly kai: TestSigner };
}

const anaPartner: Partner = { id: 'ana', timeZone: 'Europe/Berlin' };
const kaiPartner: Partner = { id: 'kai', timeZone: 'America/New_York' };

/** Creates a couple as Ana and joins it as Kai, as two phones would, each with a signing key. */
export async function pairCouple(
  client: SyncClient,
  startedAt: number = Date.UTC(2026, 0, 5, 8),
): Promise<PairedCouple> {
  const signers = { ana: await createTestSigner('ana'), kai: await createTestSigner('kai') };
  const created = await client.createCouple(anaPartner, startedAt, undefined, signers.ana.pairing);
  const joined = await client.joinCouple(created.code, kaiPartner, undefined, signers.kai.pairing);
  const couple = joined.couple.id;
  return {
    couple: joined.couple,
    ana: signingSync(client.forPartner(created), signers.ana, couple),
    kai: signingSync(client.forPartner({ couple, token: joined.token }), signers.kai, couple),
    tokens: { ana: created.token, kai: joined.token },
    signers,
  };
}
