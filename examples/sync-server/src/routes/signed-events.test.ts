import { type Couple, createEngine, type LoggedEvent, nineStepProgram } from '@attune/core';
import {
  createAesGcmCipher,
  createDeviceKeyring,
  type DeviceBinding,
  decryptEvents,
  encryptEvents,
  generateAesGcmKey,
  verifyEvents,
} from '@attune/core/crypto';
import { exportEvents, relayReadableEventTypes } from '@attune/core/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { PairingDevice } from '../client/create-sync-client.js';
import { SyncServerError } from '../client/sync-server-error.js';
import { withoutSignature } from '../events/relay-event.js';
import { hashSecret } from '../pairing/secrets.js';
import { storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

/** What a phone learned when pairing, as the bindings of its keyring. */
const bindingsOf = (couple: string, keys: Readonly<Record<string, PairingDevice>>) =>
  Object.entries(keys).map(
    ([partner, key]): DeviceBinding => ({
      couple,
      partner,
      device: key.device,
      publicKey: key.signingKey,
    }),
  );

async function refusal(promise: Promise<unknown>): Promise<SyncServerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SyncServerError);
  return error as SyncServerError;
}

describe.each(storeBackends)('signed events through the relay ($name)', (backend) => {
  const engineFor = (couple: Couple, device: string) =>
    createEngine({
      program: nineStepProgram,
      couple,
      device,
      now: () => couple.startedAt + 3_600_000,
    });

  it('keeps each event with its signature, and the other phone verifies it with what pairing taught it', async () => {
    running = await startTestServer(backend);
    const paired = await pairCouple(running.client);
    const { couple } = paired;
    // What Kai's phone learned when it joined.
    const status = await paired.kai.getCouple();
    const keyring = await createDeviceKeyring({
      couple: couple.id,
      bindings: bindingsOf(couple.id, status.signingKeys),
    });
    const ana = engineFor(couple, 'ana-phone');
    const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'WORDS', 'private');
    ana.shareEntry('ana', entry.id);
    ana.completeExercise('ana', 'safe-space-basics');
    const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });
    const batch = exportEvents(ana.getEvents(), { couple, recipient: 'kai' });
    const sealed = await encryptEvents(batch.events, cipher, {
      plainTypes: relayReadableEventTypes,
    });
    expect(await paired.ana.upload({ ...batch, events: sealed })).toMatchObject({ stored: 3 });

    const page = await paired.kai.pull();
    const checked = await verifyEvents(page.events, keyring);
    expect(checked.rejected).toEqual([]);
    expect(page.events.map(withoutSignature)).toEqual(sealed);
    const opened = await decryptEvents(checked.verified, cipher, {
      allowPlain: relayReadableEventTypes,
    });
    // Plain events come through decryptEvents as they came, signature and all; importEvents drops it.
    expect(opened.events.map((event) => withoutSignature(event as LoggedEvent))).toEqual(
      batch.events,
    );
  });

  it('keeps the first signature of an event sent twice, and the kept version’s in a clash', async () => {
    running = await startTestServer(backend);
    const paired = await pairCouple(running.client);
    const { couple } = paired;
    const keyring = await createDeviceKeyring({
      couple: couple.id,
      bindings: bindingsOf(couple.id, (await paired.ana.getCouple()).signingKeys),
    });
    const done = engineFor(couple, 'ana-phone').completeExercise('ana', 'safe-space-basics');
    const batchOf = (events: readonly LoggedEvent[]) => ({
      ...exportEvents([], { couple, recipient: 'kai' }),
      events,
    });
    await paired.ana.upload(batchOf([done]));
    const [first] = (await paired.kai.pull()).events;
    // Signed again, the same event carries another signature: still a duplicate.
    expect(await paired.ana.upload(batchOf([done]))).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await paired.kai.pull()).events).toEqual([first]);

    // Two phones restored from one backup: whichever version is kept keeps its own signature.
    const other = engineFor(couple, 'ana-phone').startExercise('ana', 'what-feels-safe');
    await paired.ana.upload(batchOf([other]));
    const held = (await paired.kai.pull()).events;
    expect(held).toHaveLength(1);
    expect((await verifyEvents(held, keyring)).rejected).toEqual([]);
  });

  it("takes an introduced device's events once its introduction is in, and hands the introduction on", async () => {
    running = await startTestServer(backend);
    const paired = await pairCouple(running.client);
    const { couple, signers } = paired;
    const tablet = engineFor(couple, 'ana-tablet').completeExercise('ana', 'safe-space-basics');
    const ana = running.client.forPartner({ couple: couple.id, token: paired.tokens.ana });
    const batch = { ...exportEvents([], { couple, recipient: 'kai' }), events: [tablet] };

    const introduction = await signers.ana.introduce(couple.id, 'ana-tablet');
    const early = await refusal(
      ana.upload({ ...batch, events: await signers.ana.sign(couple.id, [tablet]) }),
    );
    expect(early).toMatchObject({ status: 403, code: 'events-refused' });
    expect(early.problems).toMatchObject([
      { index: 0, code: 'unknown-device', where: 'events[0].device' },
    ]);
    expect(early.problems[0]?.fix).toContain('/introductions');

    expect(await ana.introduce(introduction)).toEqual({
      couple: couple.id,
      partner: 'ana',
      device: 'ana-tablet',
      added: true,
    });
    expect(await ana.introduce(introduction)).toMatchObject({ added: false });
    expect(
      await ana.upload({ ...batch, events: await signers.ana.sign(couple.id, [tablet]) }),
    ).toMatchObject({
      stored: 1,
    });

    // Kai's phone adds the introduction to what pairing taught it, and checks it for itself.
    const devices = await paired.kai.devices();
    expect(devices.introductions).toEqual([introduction]);
    const keyring = await createDeviceKeyring({
      couple: couple.id,
      bindings: bindingsOf(couple.id, (await paired.kai.getCouple()).signingKeys),
    });
    expect((await keyring.addAll(devices.introductions)).rejected).toEqual([]);
    const checked = await verifyEvents((await paired.kai.pull()).events, keyring);
    expect(checked).toMatchObject({
      rejected: [],
      verified: [expect.objectContaining({ id: tablet.id })],
    });
  });

  it('refuses uploads and introductions of a couple paired before signing, and says to pair again', async () => {
    running = await startTestServer(backend);
    const { store } = running;
    // As a relay from before signing left it: no device bound, and an event stored unsigned.
    const id = 'c-0123456789abcdef';
    await store.createCouple({
      id,
      startedAt: Date.UTC(2026, 0, 5),
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code',
      codeExpiresAt: Date.now() + 60_000,
      tokenHash: hashSecret('token-ana'),
      now: 0,
    });
    const joined = await store.joinCouple({
      codeHash: 'code',
      second: { id: 'kai', timeZone: 'UTC' },
      tokenHash: hashSecret('token-kai'),
      now: 1,
    });
    if (joined.kind !== 'joined') throw new Error('not joined');
    const couple = joined.couple;
    const old = engineFor(couple, 'kai-phone').completeExercise('kai', 'safe-space-basics');
    await store.writeEvents(id, (tx) => tx.insert([old]));
    const before = await running.database.dump();

    const ana = running.client.forPartner({ couple: id, token: 'token-ana' });
    const done = engineFor(couple, 'ana-phone').completeExercise('ana', 'safe-space-basics');
    const upload = await refusal(
      ana.upload({ ...exportEvents([], { couple, recipient: 'kai' }), events: [done] }),
    );
    expect(upload).toMatchObject({ status: 409, code: 'no-signing-keys' });
    expect(upload.fix).toContain('Pair again');
    const introduce = await refusal(
      ana.introduce({
        statement: 'attune-device-introduction',
        version: 1,
        couple: id,
        partner: 'ana',
        device: 'ana-phone',
        publicKey: 'key',
        by: 'ana-phone',
        signature: 'sig',
      }),
    );
    expect(introduce).toMatchObject({ status: 409, code: 'no-signing-keys' });
    expect(await running.database.dump()).toEqual(before);
    // What was stored before can still be fetched; a phone that checks signatures refuses it.
    expect((await ana.pull()).events).toEqual([old]);
    expect(await ana.devices()).toEqual({ couple: id, bindings: [], introductions: [] });
  });
});
