import { type Couple, createEngine, type LoggedEvent, nineStepProgram } from '@attune/core';
import {
  createAesGcmCipher,
  decryptEvents,
  type EncryptedEvent,
  encryptEvents,
  generateAesGcmKey,
  type PayloadCipher,
} from '@attune/core/crypto';
import {
  canonicalJson,
  currentSyncFormat,
  erasePartner,
  relayReadableEventTypes,
} from '@attune/core/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { type RelayEvent, withoutSignature } from '../events/relay-event.js';
import { allClear } from '../testing/safety-answers.js';
import { newPairingDevice } from '../testing/signing.js';
import { type StoreBackend, storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

const batchOf = (couple: Couple, events: readonly unknown[], recipient = 'kai') => ({
  format: 'attune-sync',
  version: currentSyncFormat,
  couple: couple.id,
  recipient,
  events,
});

/** A response as the tests read it: the error, or the fields of a success. */
interface Answer {
  readonly status: number;
  readonly body: {
    readonly error?: { readonly code: string; readonly fix: string };
    readonly [field: string]: unknown;
  };
}

/** Posts a body as it is, to see exactly what the server answers. */
async function post(
  path: string,
  body: unknown,
  token: string,
  type = 'application/json',
): Promise<Answer> {
  const response = await fetch(`${running?.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer['body'],
  };
}

async function setUp(backend: StoreBackend) {
  running = await startTestServer(backend);
  const paired = await pairCouple(running.client);
  // Off the quarter hour, where only rests are recorded: the relay keeps encrypted events there
  // through an erasure, as it cannot tell which of them is a rest.
  const now = () => paired.couple.startedAt + 3_600_000 + 1_234;
  const engine = (device: string) =>
    createEngine({ program: nineStepProgram, couple: paired.couple, device, now });
  /** Uploads events as one partner's phone does: signed by that partner's device. */
  const upload = async (
    events: readonly unknown[],
    token = paired.tokens.ana,
    recipient = 'kai',
  ) => {
    const signer = token === paired.tokens.kai ? paired.signers.kai : paired.signers.ana;
    const signed = await signer.sign(paired.couple.id, events);
    return post(
      `/couples/${paired.couple.id}/events`,
      batchOf(paired.couple, signed, recipient),
      token,
    );
  };
  /** Kai's events as his phone signed them: what Ana could hold and send on. */
  const signedByKai = <E>(events: readonly E[]) =>
    paired.signers.kai.sign(paired.couple.id, events);
  return { ...paired, engine, upload, signedByKai };
}

/** Pulled events as they were recorded, without the signatures the relay hands on with them. */
const unsigned = (events: readonly RelayEvent[]) => events.map(withoutSignature);

describe.each(storeBackends)('uploads ($name)', (backend) => {
  it('refuses a malformed event, names where it is wrong, and stores nothing of the upload', async () => {
    const { engine, upload, kai } = await setUp(backend);
    const ana = engine('ana-phone');
    const good = ana.completeExercise('ana', 'safe-space-basics');
    const checkIn = ana.recordCheckIn('ana', 'weekly-check-in', { closeness: 4 });
    const broken = { ...checkIn, data: { ...checkIn.data, scores: { closeness: 'four' } } };

    const response = await upload([good, broken]);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'events-refused',
      where: 'events',
      message: '1 of 2 events were refused, so nothing of this upload was stored',
      problems: [
        {
          index: 1,
          code: 'malformed',
          where: 'events[1].data.scores.closeness',
          message: 'data.scores.closeness should be a finite number',
          fix: expect.stringMatching(/^Pass a number; NaN and Infinity are not/),
        },
      ],
    });
    expect((await kai.pull()).events).toEqual([]);
  });

  it("refuses events written by the other partner with 403: a token uploads only its partner's", async () => {
    const { engine, upload, kai, signedByKai } = await setUp(backend);
    // Signed by Kai's phone, as Ana's phone received it.
    const theirs = await signedByKai([
      engine('kai-phone').completeExercise('kai', 'safe-space-basics'),
    ]);
    const response = await upload(theirs);
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      problems: [{ index: 0, code: 'not-your-event', where: 'events[0].partner' }],
    });
    expect((await kai.pull()).events).toEqual([]);
  });

  it('never stores a private entry that was not shared, nor a safety check', async () => {
    const { engine, upload, ana: anaSync, kai } = await setUp(backend);
    const ana = engine('ana-phone');
    const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'a private thought', 'private');
    const check = ana.takeSafetyCheck('ana', 'safety-check', allClear);

    const response = await upload([entry, check]);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      problems: [
        { index: 0, code: 'stays-on-device', where: 'events[0].visibility' },
        { index: 1, code: 'stays-on-device', where: 'events[1].type' },
      ],
    });
    expect((await kai.pull()).events).toEqual([]);
    // Not for the author's own pulls either: the relay never held it.
    expect((await anaSync.pull()).events).toEqual([]);

    // Shared, the entry may travel, with its share in the same upload or an earlier one.
    const share = ana.shareEntry('ana', entry.id);
    expect((await upload([entry, share])).status).toBe(200);
    expect((await kai.pull()).events.map((event) => event.id)).toEqual([entry.id, share.id]);
  });

  it('refuses an erasure in the other partner’s name', async () => {
    const { upload, couple } = await setUp(backend);
    const erasure = erasePartner([], {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
    }).request;
    const forged = { ...erasure, data: { ...erasure.data, partner: 'kai' } };
    const response = await upload([forged]);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      problems: [{ code: 'not-signed-off', where: 'events[0].data.partner' }],
    });
  });

  it('deletes what a signed-off erasure covers, and does not store it again', async () => {
    const { engine, upload, kai, couple } = await setUp(backend);
    const ana = engine('ana-phone');
    const done = ana.completeExercise('ana', 'safe-space-basics');
    expect((await upload([done])).status).toBe(200);
    const erasure = erasePartner(ana.getEvents(), {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => couple.startedAt + 7_200_000,
    });
    const response = await upload([erasure.request]);
    expect(response.body).toMatchObject({ stored: 1, erased: 1 });
    expect(unsigned((await kai.pull()).events)).toEqual([erasure.request]);
    // An old copy uploaded again stays erased.
    expect((await upload([done])).body).toMatchObject({ stored: 0, erased: 1 });
    expect(unsigned((await kai.pull()).events)).toEqual([erasure.request]);
  });

  it('keeps the version of a clashing id every device keeps, and says so', async () => {
    const { engine, upload, kai } = await setUp(backend);
    // Two phones restored from one backup: the same device id, different events.
    const first = engine('ana-phone').completeExercise('ana', 'safe-space-basics');
    const second = engine('ana-phone').completeExercise('ana', 'what-feels-safe');
    expect((await upload([first])).status).toBe(200);
    const response = await upload([second]);
    expect(response.status).toBe(200);
    const kept = JSON.stringify(first) < JSON.stringify(second) ? 'stored' : 'yours';
    expect(response.body).toMatchObject({ conflicts: [{ id: first.id, kept }] });
    expect(response.body.fix).toContain('createDeviceId');
    const held = (await kai.pull()).events as LoggedEvent[];
    expect(held).toHaveLength(1);
  });

  it('treats an upload sent twice as duplicates, not as new events', async () => {
    const { engine, upload, kai } = await setUp(backend);
    const done = engine('ana-phone').completeExercise('ana', 'safe-space-basics');
    expect((await upload([done])).body).toMatchObject({ stored: 1, duplicates: 0 });
    expect((await upload([done, done])).body).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await kai.pull()).events).toHaveLength(1);
  });

  it('explains a body that is not a batch for the other partner', async () => {
    const { upload, couple, tokens } = await setUp(backend);
    const path = `/couples/${couple.id}/events`;
    expect((await post(path, { events: [] }, tokens.ana)).body.error).toMatchObject({
      code: 'not-a-batch',
      where: 'body',
    });
    const own = await upload([], tokens.ana, 'ana');
    expect(own.status).toBe(422);
    expect(own.body.error).toMatchObject({ code: 'wrong-recipient', where: 'recipient' });
    expect(own.body.error?.fix).toContain("recipient: 'kai'");
    const newer = await post(path, { ...batchOf(couple, []), version: 99 }, tokens.ana);
    expect(newer.body.error).toMatchObject({ code: 'newer-format', where: 'version' });
    const other = await post(path, { ...batchOf(couple, []), couple: 'c-elsewhere' }, tokens.ana);
    expect(other.body.error).toMatchObject({ code: 'wrong-couple', where: 'couple' });
  });

  it('explains a body that is not JSON', async () => {
    const { couple, tokens } = await setUp(backend);
    const path = `/couples/${couple.id}/events`;
    const text = await post(path, 'hello', tokens.ana, 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'not-json', where: 'Content-Type' });
    const broken = await post(path, '{"format":', tokens.ana);
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'invalid-json', where: 'body' });
  });

  it('waits for the other partner before taking events', async () => {
    running = await startTestServer(backend);
    const created = await running.client.createCouple(
      { id: 'ana', timeZone: 'UTC' },
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const response = await post(`/couples/${created.couple}/events`, {}, created.token);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'not-paired' });
  });

  it('explains a cursor that is not a position', async () => {
    const { couple, tokens } = await setUp(backend);
    const response = await fetch(`${running?.url}/couples/${couple.id}/events?since=abc`, {
      headers: { Authorization: `Bearer ${tokens.kai}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid-since', where: 'query since' },
    });
  });
});

describe.each(storeBackends)('encrypted uploads ($name)', (backend) => {
  const newCipher = async () => createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
  /** What a phone that encrypts sends: everything sealed but what the relay must read. */
  const seal = (events: readonly LoggedEvent[], cipher: PayloadCipher) =>
    encryptEvents(events, cipher, { plainTypes: relayReadableEventTypes });

  it('stores encrypted events and hands them back byte for byte, never reading their words', async () => {
    const { engine, upload, kai, ana: anaSync } = await setUp(backend);
    const ana = engine('ana-phone');
    const events = [
      ana.completeExercise('ana', 'safe-space-basics'),
      ana.answer('ana', 'what-feels-safe', 'safe', 'WORDS-ONLY-KAI-READS', 'shared'),
    ];
    const cipher = await newCipher();
    const sealed = await seal(events, cipher);

    expect((await upload(sealed)).body).toMatchObject({ stored: 2, duplicates: 0, conflicts: [] });
    const forKai = await kai.pull();
    // With the signature Ana's phone added, at the end: everything else as it was sealed.
    expect(forKai.events.every((event) => typeof event.signature === 'string')).toBe(true);
    expect(JSON.stringify(unsigned(forKai.events))).toBe(JSON.stringify(sealed));
    expect(JSON.stringify(unsigned((await anaSync.pull()).events))).toBe(JSON.stringify(sealed));
    expect(JSON.stringify(await running?.store.readEvents(forKai.couple, 0, 10))).not.toContain(
      'WORDS-ONLY-KAI-READS',
    );
    // What arrives still opens with the couple's key: the relay changed nothing it is bound to.
    expect((await decryptEvents(forKai.events, cipher)).events).toEqual(events);
  });

  it('treats the same events encrypted again as duplicates, though their ciphertext differs', async () => {
    const { engine, upload, kai } = await setUp(backend);
    const ana = engine('ana-phone');
    const events = [
      ana.completeExercise('ana', 'safe-space-basics'),
      ana.answer('ana', 'what-feels-safe', 'safe', 'a thought', 'shared'),
    ];
    const cipher = await newCipher();
    const first = await seal(events, cipher);
    const again = await seal(events, cipher);
    expect(JSON.stringify(again)).not.toBe(JSON.stringify(first));

    expect((await upload(first)).body).toMatchObject({ stored: 2 });
    expect((await upload(again)).body).toEqual({
      stored: 0,
      duplicates: 2,
      erased: 0,
      conflicts: [],
    });
    // Within one batch too, and against a plain copy sent by an older phone.
    expect((await upload([...again, ...first])).body).toMatchObject({
      stored: 0,
      duplicates: 2,
      conflicts: [],
    });
    expect((await upload(events)).body).toMatchObject({ stored: 0, duplicates: 2, conflicts: [] });
    // The stored copies stay, at their positions, with the signatures they came with.
    expect(JSON.stringify(unsigned((await kai.pull()).events))).toBe(JSON.stringify(first));
  });

  it('still settles an id written twice with different envelopes as a conflict', async () => {
    const { engine, upload, couple } = await setUp(backend);
    const cipher = await newCipher();
    // Two phones restored from one backup: the same device id, different events at other times.
    const [first] = await seal(
      [engine('ana-phone').completeExercise('ana', 'safe-space-basics')],
      cipher,
    );
    const later = createEngine({
      program: nineStepProgram,
      couple,
      device: 'ana-phone',
      now: () => couple.startedAt + 7_200_000 + 1_234,
    });
    const [second] = await seal([later.startExercise('ana', 'what-feels-safe')], cipher);
    expect((await upload([first])).status).toBe(200);
    const response = await upload([second]);
    expect(response.status).toBe(200);
    const kept = canonicalJson(first) <= canonicalJson(second) ? 'stored' : 'yours';
    expect(response.body).toMatchObject({ conflicts: [{ id: first?.id, kept }] });
    const inBatch = await upload([first, second]);
    expect(inBatch.status).toBe(422);
    expect(inBatch.body.error).toMatchObject({
      problems: [{ index: 1, code: 'duplicate-id', where: 'events[1].id' }],
    });
  });

  it('takes two events under one readable envelope for one, since their types are hidden', async () => {
    const { engine, upload, kai } = await setUp(backend);
    const cipher = await newCipher();
    const [completed] = await seal(
      [engine('ana-phone').completeExercise('ana', 'safe-space-basics')],
      cipher,
    );
    const [started] = await seal(
      [engine('ana-phone').startExercise('ana', 'what-feels-safe')],
      cipher,
    );
    expect((await upload([completed])).body).toMatchObject({ stored: 1 });
    expect((await upload([started])).body).toMatchObject({ stored: 0, duplicates: 1 });
    expect(JSON.stringify(unsigned((await kai.pull()).events))).toBe(JSON.stringify([completed]));
  });

  it('cannot judge what an encrypted event is, so it takes any and hands it to both partners', async () => {
    const { engine, upload, kai, ana: anaSync } = await setUp(backend);
    const ana = engine('ana-phone');
    const cipher = await newCipher();
    // What exportEvents would have kept on the phone, encrypted by a phone that did not ask it:
    // the relay cannot tell, and the phone that encrypted is the one that filters.
    const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'never shared', 'private');
    const check = ana.takeSafetyCheck('ana', 'safety-check', allClear);
    const share = ana.shareEntry('ana', entry.id);
    const sealed = await seal([entry, check, share], cipher);
    expect(sealed.every((event) => 'encrypted' in event && !('type' in event))).toBe(true);
    expect((await upload(sealed)).body).toMatchObject({ stored: 3 });
    const ids = sealed.map((event) => event.id);
    expect((await kai.pull()).events.map((event) => event.id)).toEqual(ids);
    expect((await anaSync.pull()).events.map((event) => event.id)).toEqual(ids);
    // A plain private entry is still judged, and refused without a plain share.
    const plain = ana.answer('ana', 'what-feels-safe', 'unsafe', 'plain words', 'private');
    expect((await upload([plain])).body.error).toMatchObject({
      problems: [{ index: 0, code: 'stays-on-device', where: 'events[0].visibility' }],
    });
  });

  it('refuses an encrypted event that shows its type or visibility, as the first format did', async () => {
    const { engine, upload } = await setUp(backend);
    const ana = engine('ana-phone');
    const event = ana.completeExercise('ana', 'safe-space-basics');
    const [sealed] = (await seal([event], await newCipher())) as EncryptedEvent[];
    const response = await upload([
      { ...sealed, type: event.type },
      { ...sealed, id: 'ana-phone:9', seq: 9, visibility: 'shared' },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      problems: [
        {
          index: 0,
          code: 'malformed',
          where: 'events[0].type',
          message:
            'type should be absent from an encrypted event, which carries it inside its ciphertext',
        },
        { index: 1, code: 'malformed', where: 'events[1].visibility' },
      ],
    });
  });

  it('refuses a malformed encrypted event, naming the field, as it does a plain one', async () => {
    const { engine, upload, signedByKai } = await setUp(backend);
    const ana = engine('ana-phone');
    const [first, second, third] = await seal(
      [
        ana.completeExercise('ana', 'safe-space-basics'),
        ana.startExercise('ana', 'what-feels-safe'),
        ana.completeExercise('ana', 'what-feels-safe'),
      ],
      await newCipher(),
    );
    const sealedFirst = first as EncryptedEvent;
    const response = await upload([
      { ...sealedFirst, encrypted: { ...sealedFirst.encrypted, iv: '' } },
      { ...second, encrypted: 'ciphertext' },
      { ...third, seq: 'three' },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      message: '3 of 3 events were refused, so nothing of this upload was stored',
      problems: [
        {
          index: 0,
          code: 'malformed',
          where: 'events[0].encrypted.iv',
          message: 'encrypted.iv should be text of 1 to 128 characters',
          fix: 'Send events as encryptEvent produced them.',
        },
        { index: 1, code: 'malformed', where: 'events[1].encrypted' },
        { index: 2, where: 'events[2].seq' },
      ],
    });
    // The other checks hold for encrypted events too: only the sender's own.
    const theirs = await signedByKai(
      await seal(
        [engine('kai-phone').completeExercise('kai', 'safe-space-basics')],
        await newCipher(),
      ),
    );
    const notYours = await upload(theirs);
    expect(notYours.status).toBe(403);
    expect(notYours.body.error).toMatchObject({
      problems: [{ index: 0, code: 'not-your-event', where: 'events[0].partner' }],
    });
  });

  it('deletes encrypted events an erasure covers, and does not store them again', async () => {
    const { engine, upload, kai, couple } = await setUp(backend);
    const ana = engine('ana-phone');
    const cipher = await newCipher();
    const events = [
      ana.completeExercise('ana', 'safe-space-basics'),
      ana.answer('ana', 'what-feels-safe', 'safe', 'a thought', 'shared'),
    ];
    expect((await upload(await seal(events, cipher))).body).toMatchObject({ stored: 2 });
    const erasure = erasePartner(ana.getEvents(), {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => couple.startedAt + 7_200_000,
    });
    const [request] = await seal([erasure.request], cipher);
    expect(request).toBe(erasure.request);
    expect((await upload([request])).body).toMatchObject({ stored: 1, erased: 2 });
    expect(unsigned((await kai.pull()).events)).toEqual([erasure.request]);
    // Copies encrypted again stay erased.
    expect((await upload(await seal(events, cipher))).body).toMatchObject({
      stored: 0,
      erased: 2,
    });
    expect(unsigned((await kai.pull()).events)).toEqual([erasure.request]);
  });

  it('keeps, through an erasure, encrypted events on a quarter hour: any of them may be a rest', async () => {
    const { engine, upload, kai, couple } = await setUp(backend);
    const ana = engine('ana-phone');
    const cipher = await newCipher();
    const answer = ana.answer('ana', 'what-feels-safe', 'safe', 'a thought', 'shared');
    const rest = ana.setRest('ana', true);
    expect(rest.clock.wall % (15 * 60_000)).toBe(0);
    const sealed = await seal([answer, rest], cipher);
    expect((await upload(sealed)).body).toMatchObject({ stored: 2 });
    const erasure = erasePartner(ana.getEvents(), {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => couple.startedAt + 7_200_000,
    });
    expect(erasure.request.data.before.wall).toBeGreaterThan(rest.clock.wall);
    expect((await upload([erasure.request])).body).toMatchObject({ stored: 1, erased: 1 });
    // Kai's phone learns the rest and the request; it keeps the latest rest (keptRests).
    const held = unsigned((await kai.pull()).events);
    expect(held.map((event) => event.id)).toEqual([rest.id, erasure.request.id]);
    expect(JSON.stringify(held[0])).toBe(JSON.stringify(sealed[1]));
  });

  it('honours only plain erasure requests: one sent encrypted is relayed like any event', async () => {
    const { engine, upload, kai, couple } = await setUp(backend);
    const ana = engine('ana-phone');
    const cipher = await newCipher();
    const event = ana.completeExercise('ana', 'safe-space-basics');
    const erasure = erasePartner(ana.getEvents(), {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => couple.startedAt + 7_200_000,
    });
    // A phone that forgot plainTypes: the relay cannot read the request, so it cannot honour it.
    const sealed = await encryptEvents([event, erasure.request], cipher);
    expect((await upload(sealed)).body).toMatchObject({ stored: 2, erased: 0 });
    expect((await kai.pull()).events.map(({ id }) => id)).toEqual([event.id, erasure.request.id]);
  });
});
