import { afterEach, describe, expect, it } from 'vitest';
import { SyncServerError } from '../client/sync-server-error.js';
import { newPairingDevice } from '../testing/signing.js';
import { storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

const ana = { id: 'ana', timeZone: 'Europe/Berlin' };
const kai = { id: 'kai', timeZone: 'America/New_York' };

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<SyncServerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SyncServerError);
  return error as SyncServerError;
}

describe.each(storeBackends)('cancelling a couple ($name)', (backend) => {
  it('removes a waiting couple, so its code is refused like an unknown one', async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      ana,
      undefined,
      'ana-public-key',
      await newPairingDevice(),
    );
    const response = await fetch(`${running.url}/couples/${created.couple}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${created.token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ couple: created.couple, cancelled: true });

    expect(
      await refusal(
        running.client.joinCouple(created.code, kai, undefined, await newPairingDevice()),
      ),
    ).toMatchObject({
      status: 404,
      code: 'unknown-code',
      where: 'code',
    });
    // The token went with the couple: nothing of it is left to reach.
    expect(await refusal(running.client.forPartner(created).getCouple())).toMatchObject({
      status: 401,
      code: 'unknown-token',
    });
    expect(await running.store.getCouple(created.couple)).toBeUndefined();
    expect(await running.store.getPublicKeys(created.couple)).toEqual({});
    expect(await running.store.getSigningKeys(created.couple)).toEqual([]);
  });

  it('lets the client cancel, and a new couple start afresh', async () => {
    running = await startTestServer(backend);
    const first = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    await running.client.forPartner(first).cancelCouple();
    const again = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const joined = await running.client.joinCouple(
      again.code,
      kai,
      undefined,
      await newPairingDevice(),
    );
    expect(joined.couple.id).toBe(again.couple);
    expect(joined.couple.id).not.toBe(first.couple);
  });

  it('refuses to cancel once the partner has joined, and the couple goes on syncing', async () => {
    running = await startTestServer(backend);
    const paired = await pairCouple(running.client);
    for (const partner of [paired.ana, paired.kai]) {
      const error = await refusal(partner.cancelCouple());
      expect(error).toMatchObject({ status: 409, code: 'already-paired', where: 'path' });
      expect(error.message).toContain('can no longer be cancelled');
      expect(error.fix).not.toBe('');
    }
    expect(await paired.kai.getCouple()).toMatchObject({ paired: true, couple: paired.couple });
    expect(await paired.ana.pull()).toMatchObject({ events: [], more: false });
  });

  it('refuses a missing or unknown token, or one of another couple, and keeps the couple', async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const other = await running.client.createCouple(
      kai,
      undefined,
      undefined,
      await newPairingDevice(),
    );

    const bare = await fetch(`${running.url}/couples/${created.couple}`, { method: 'DELETE' });
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { code: 'unauthenticated' } });

    const unknown = running.client.forPartner({ couple: created.couple, token: 'not-a-token' });
    expect(await refusal(unknown.cancelCouple())).toMatchObject({
      status: 401,
      code: 'unknown-token',
    });
    const elsewhere = running.client.forPartner({ couple: created.couple, token: other.token });
    expect(await refusal(elsewhere.cancelCouple())).toMatchObject({
      status: 403,
      code: 'wrong-couple',
    });

    const joined = await running.client.joinCouple(
      created.code,
      kai,
      undefined,
      await newPairingDevice(),
    );
    expect(joined.couple.id).toBe(created.couple);
  });

  it('lists DELETE among the methods of a couple', async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const response = await fetch(`${running.url}/couples/${created.couple}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${created.token}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE');
  });
});
