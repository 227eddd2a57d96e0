import { describe, expect, it } from 'vitest';
import { createSyncClient } from './create-sync-client.js';
import { SyncServerError } from './sync-server-error.js';

/** A client whose every request gets this answer, as from a proxy in front of the server. */
const answering = (response: () => Response) =>
  createSyncClient({ baseUrl: 'http://relay.invalid/', fetch: async () => response() });

describe('createSyncClient', () => {
  it('turns a refusal with no JSON, such as a proxy’s empty 502, into a SyncServerError', async () => {
    const sync = answering(() => new Response('', { status: 502 })).forPartner({
      couple: 'c-0123456789abcdef',
      token: 'token',
    });
    const error = await sync.pull().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncServerError);
    expect(error).toMatchObject({
      status: 502,
      code: 'unknown',
      where: '/couples/c-0123456789abcdef/events?since=0',
    });
  });

  it('still fails loudly when an answer it accepted is not JSON', async () => {
    const client = answering(() => new Response('<html>', { status: 200 }));
    await expect(client.createCouple({ id: 'ana', timeZone: 'UTC' })).rejects.toThrow(SyntaxError);
  });
});
