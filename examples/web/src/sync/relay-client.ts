import { createSyncClient, type SyncClient } from '@attune/example-sync-server/client';

/**
 * The sync server, reached under `/relay/` on the app's own origin: the dev and preview servers
 * forward it (see vite.config.ts), so the browser needs no cross-origin permission and the app no
 * server address.
 */
export function relayClient(): SyncClient {
  return createSyncClient({ baseUrl: new URL('relay/', document.baseURI).href });
}
