import { afterEach, describe, expect, it } from 'vitest';
import { SyncServerError } from '../client/sync-server-error.js';
import { newPairingDevice } from '../testing/signing.js';
import { storeBackends } from '../testing/stores.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

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

describe.each(storeBackends)('pairing ($name)', (backend) => {
  it('pairs two partners by a short code and gives each a token for their own partner id', async () => {
    running = await startTestServer(backend);
    const { client } = running;
    const created = await client.createCouple(
      ana,
      1_000,
      undefined,
      await newPairingDevice('ana-phone'),
    );
    expect(created.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(created.couple).toMatch(/^c-[0-9a-f]{16}$/);

    const first = client.forPartner(created);
    expect(await first.getCouple()).toMatchObject({ paired: false, partner: 'ana' });

    // Typed from the other phone in lower case with a space: still the same code.
    const typed = created.code.toLowerCase().replace('-', ' ');
    const kaiPhone = await newPairingDevice('kai-phone');
    const joined = await client.joinCouple(typed, kai, undefined, kaiPhone);
    expect(joined.couple).toEqual({ id: created.couple, startedAt: 1_000, partners: [ana, kai] });
    expect(joined.token).not.toBe(created.token);

    expect(await first.getCouple()).toEqual({
      couple: joined.couple,
      partner: 'ana',
      paired: true,
      publicKeys: {},
      signingKeys: { ana: expect.objectContaining({ device: 'ana-phone' }), kai: kaiPhone },
    });
    const second = client.forPartner({ couple: created.couple, token: joined.token });
    expect(await second.getCouple()).toMatchObject({ partner: 'kai', paired: true });
  });

  it('uses a code up: a second join with it is refused', async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    await running.client.joinCouple(created.code, kai, undefined, await newPairingDevice());
    const error = await refusal(
      running.client.joinCouple(
        created.code,
        { ...kai, id: 'sam' },
        undefined,
        await newPairingDevice(),
      ),
    );
    expect(error).toMatchObject({ status: 404, code: 'unknown-code', where: 'code' });
  });

  it('lets a code expire, and the first partner get a new one', async () => {
    let now = 0;
    running = await startTestServer(backend, { now: () => now, codeTtlMs: 60_000 });
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    // The lifetime as well as the deadline, for phones whose clocks are off.
    expect(created).toMatchObject({ codeExpiresAt: 60_000, codeExpiresInMs: 60_000 });
    now = 60_000;
    expect(
      await refusal(
        running.client.joinCouple(created.code, kai, undefined, await newPairingDevice()),
      ),
    ).toMatchObject({
      status: 404,
      code: 'unknown-code',
    });
    const renewed = await running.client.forPartner(created).renewCode();
    expect(renewed.code).not.toBe(created.code);
    expect(renewed).toMatchObject({ codeExpiresAt: 120_000, codeExpiresInMs: 60_000 });
    await running.client.joinCouple(renewed.code, kai, undefined, await newPairingDevice());
    expect(await refusal(running.client.forPartner(created).renewCode())).toMatchObject({
      status: 409,
      code: 'already-paired',
    });
  });

  it('refuses a joining partner who takes the first partner’s id, and keeps the code valid', async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const error = await refusal(
      running.client.joinCouple(created.code, ana, undefined, await newPairingDevice()),
    );
    expect(error).toMatchObject({ status: 409, code: 'partner-taken', where: 'partner.id' });
    await running.client.joinCouple(created.code, kai, undefined, await newPairingDevice());
  });

  it('passes each partner’s public key on to the other, as given', async () => {
    running = await startTestServer(backend);
    const { client } = running;
    // Opaque text to the relay, whatever its characters.
    const anaKey = `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+/=${'a'.repeat(400)}"\\ é`;
    const kaiKey = '{"kty":"EC","crv":"P-256","x":"f83OJ3D2","y":"x_FEzRu9"}';
    const created = await client.createCouple(ana, 1_000, anaKey, await newPairingDevice());
    const first = client.forPartner(created);
    expect((await first.getCouple()).publicKeys).toEqual({ ana: anaKey });

    const joined = await client.joinCouple(created.code, kai, kaiKey, await newPairingDevice());
    expect(joined.publicKeys).toEqual({ ana: anaKey, kai: kaiKey });
    expect((await first.getCouple()).publicKeys).toEqual({ ana: anaKey, kai: kaiKey });
    const second = client.forPartner({ couple: created.couple, token: joined.token });
    expect((await second.getCouple()).publicKeys).toEqual({ ana: anaKey, kai: kaiKey });

    // A partner who gives none is left out; keys of other couples never show.
    const other = await client.createCouple(ana, undefined, undefined, await newPairingDevice());
    const otherJoined = await client.joinCouple(
      other.code,
      kai,
      'another-key',
      await newPairingDevice(),
    );
    expect(otherJoined.publicKeys).toEqual({ kai: 'another-key' });
    expect((await first.getCouple()).publicKeys).toEqual({ ana: anaKey, kai: kaiKey });
  });

  it('refuses a public key that is not text of 1 to 512 characters, naming publicKey', async () => {
    running = await startTestServer(backend);
    const { client } = running;
    for (const key of ['', 'k'.repeat(513), 42, null, { kty: 'EC' }]) {
      const error = await refusal(
        client.createCouple(ana, undefined, key as string, await newPairingDevice()),
      );
      expect(error).toMatchObject({ status: 400, code: 'invalid-public-key', where: 'publicKey' });
    }
    const long = await refusal(
      client.createCouple(ana, undefined, 'k'.repeat(513), await newPairingDevice()),
    );
    expect(long.message).toContain(
      'publicKey should be text of 1 to 512 characters, and it has 513',
    );
    expect(long.fix).toContain('leave publicKey out');

    const created = await client.createCouple(
      ana,
      undefined,
      'k'.repeat(512),
      await newPairingDevice(),
    );
    const error = await refusal(
      client.joinCouple(created.code, kai, 'k'.repeat(513), await newPairingDevice()),
    );
    expect(error).toMatchObject({ status: 400, code: 'invalid-public-key', where: 'publicKey' });
    // Nothing was used up: the code still works.
    const joined = await client.joinCouple(created.code, kai, 'kai-key', await newPairingDevice());
    expect(joined.publicKeys).toEqual({ ana: 'k'.repeat(512), kai: 'kai-key' });
  });

  it('explains what is wrong with a partner', async () => {
    running = await startTestServer(backend);
    const badId = await refusal(
      running.client.createCouple(
        { id: 'no spaces', timeZone: 'UTC' },
        undefined,
        undefined,
        await newPairingDevice(),
      ),
    );
    expect(badId).toMatchObject({ status: 400, code: 'invalid-partner', where: 'partner.id' });
    const badZone = await refusal(
      running.client.createCouple(
        { id: 'ana', timeZone: 'Mars/Base' },
        undefined,
        undefined,
        await newPairingDevice(),
      ),
    );
    expect(badZone).toMatchObject({ status: 400, where: 'partner.timeZone' });
    expect(badZone.message).toContain('IANA time zone');
  });

  it('refuses requests without a token, with an unknown token, or for another couple', async () => {
    running = await startTestServer(backend);
    const first = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const second = await running.client.createCouple(
      kai,
      undefined,
      undefined,
      await newPairingDevice(),
    );

    const bare = await fetch(`${running.url}/couples/${first.couple}`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer');
    expect(await bare.json()).toMatchObject({
      error: { code: 'unauthenticated', where: 'Authorization' },
    });

    const unknown = running.client.forPartner({ couple: first.couple, token: 'not-a-token' });
    expect(await refusal(unknown.getCouple())).toMatchObject({
      status: 401,
      code: 'unknown-token',
    });

    const elsewhere = running.client.forPartner({ couple: first.couple, token: second.token });
    expect(await refusal(elsewhere.getCouple())).toMatchObject({
      status: 403,
      code: 'wrong-couple',
    });
  });

  it('answers unknown paths and methods with what to do instead', async () => {
    running = await startTestServer(backend);
    const missing = await fetch(`${running.url}/nothing-here`);
    expect(missing.status).toBe(404);
    const wrong = await fetch(`${running.url}/couples`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await wrong.json()).toMatchObject({ error: { code: 'method-not-allowed' } });
    expect(await (await fetch(`${running.url}/health`)).json()).toEqual({ ok: true });
  });
});

describe.each(storeBackends)('pairing with signing keys ($name)', (backend) => {
  /** Posts a pairing body as it is. */
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${running?.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      error: ((await response.json()) as { error?: { code: string; where: string } }).error,
    };
  };
  // A point of 65 bytes that starts as one does, but is not on the curve.
  const offCurve = `BA${'A'.repeat(85)}`;

  it('requires the device each partner pairs with and its signing key, and checks that it is one', async () => {
    running = await startTestServer(backend);
    const before = await running.database.dump();
    const { device, signingKey } = await newPairingDevice();
    const refused: [Record<string, unknown>, string, string][] = [
      [{ signingKey }, 'invalid-device', 'device'],
      [{ device: '', signingKey }, 'invalid-device', 'device'],
      [{ device: 'd'.repeat(129), signingKey }, 'invalid-device', 'device'],
      [{ device: 42, signingKey }, 'invalid-device', 'device'],
      [{ device }, 'invalid-signing-key', 'signingKey'],
      [{ device, signingKey: 'AAAA' }, 'invalid-signing-key', 'signingKey'],
      [{ device, signingKey: offCurve }, 'invalid-signing-key', 'signingKey'],
      [{ device, signingKey: `${signingKey}=` }, 'invalid-signing-key', 'signingKey'],
      [{ device, signingKey: { kty: 'EC' } }, 'invalid-signing-key', 'signingKey'],
    ];
    for (const [fields, code, where] of refused) {
      const answer = await post('/couples', { partner: ana, ...fields });
      expect(answer, JSON.stringify(fields)).toMatchObject({ status: 400, error: { code, where } });
    }
    expect(await running.database.dump()).toEqual(before);

    const created = await running.client.createCouple(ana, undefined, undefined, {
      device,
      signingKey,
    });
    const afterCreate = await running.database.dump();
    for (const [fields, code, where] of refused) {
      const answer = await post('/couples/join', { code: created.code, partner: kai, ...fields });
      expect(answer, JSON.stringify(fields)).toMatchObject({ status: 400, error: { code, where } });
    }
    // Nothing was used up: the code still works.
    expect(await running.database.dump()).toEqual(afterCreate);
    await running.client.joinCouple(created.code, kai, undefined, await newPairingDevice());
  });

  it("passes each partner's device and signing key on to the other, and binds both", async () => {
    running = await startTestServer(backend);
    const { client } = running;
    const anaPhone = await newPairingDevice('ana-phone');
    const kaiPhone = await newPairingDevice('kai-phone');
    const created = await client.createCouple(ana, 1_000, 'ana-key', anaPhone);
    const first = client.forPartner(created);
    expect((await first.getCouple()).signingKeys).toEqual({ ana: anaPhone });

    const joined = await client.joinCouple(created.code, kai, 'kai-key', kaiPhone);
    expect(joined.signingKeys).toEqual({ ana: anaPhone, kai: kaiPhone });
    expect((await first.getCouple()).signingKeys).toEqual({ ana: anaPhone, kai: kaiPhone });
    const second = client.forPartner({ couple: created.couple, token: joined.token });
    expect(await second.devices()).toEqual({
      couple: created.couple,
      bindings: [
        { couple: created.couple, partner: 'ana', ...rename(anaPhone) },
        { couple: created.couple, partner: 'kai', ...rename(kaiPhone) },
      ],
      introductions: [],
    });
    // Another couple's phone may carry the same device id.
    const other = await client.createCouple(ana, 1_000, undefined, anaPhone);
    expect((await client.forPartner(other).getCouple()).signingKeys).toEqual({ ana: anaPhone });
  });

  it("refuses a joining partner whose device id is the first partner's, and keeps the code valid", async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice('one-phone'),
    );
    const before = await running.database.dump();
    const error = await refusal(
      running.client.joinCouple(created.code, kai, undefined, await newPairingDevice('one-phone')),
    );
    expect(error).toMatchObject({ status: 409, code: 'device-taken', where: 'device' });
    expect(error.fix).toContain('createDeviceId');
    expect(await running.database.dump()).toEqual(before);
    await running.client.joinCouple(created.code, kai, undefined, await newPairingDevice());
  });
});

/** A pairing device as the binding it makes. */
const rename = ({ device, signingKey }: { device: string; signingKey: string }) => ({
  device,
  publicKey: signingKey,
});
