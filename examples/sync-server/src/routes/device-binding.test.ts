import { type Couple, createEngine, type LoggedEvent, nineStepProgram } from '@attune/core';
import { currentSyncFormat, erasePartner, exportEvents } from '@attune/core/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { type RelayEvent, withoutSignature } from '../events/relay-event.js';
import { createTestPhone } from '../testing/phone.js';
import { concern } from '../testing/safety-answers.js';
import { type StoreBackend, storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

const batchOf = (couple: Couple, events: readonly unknown[], recipient: string) => ({
  format: 'attune-sync',
  version: currentSyncFormat,
  couple: couple.id,
  recipient,
  events,
});

interface Answer {
  readonly status: number;
  readonly body: {
    readonly error?: {
      readonly code: string;
      readonly fix: string;
      readonly problems?: readonly { index: number; code: string; where: string; fix: string }[];
    };
    readonly [field: string]: unknown;
  };
}

async function setUp(backend: StoreBackend) {
  running = await startTestServer(backend);
  const server = running;
  const paired = await pairCouple(server.client);
  const { couple, tokens } = paired;
  const now = () => couple.startedAt + 3_600_000;
  const engine = (device: string) =>
    createEngine({ program: nineStepProgram, couple, device, now });
  const send = async (as: 'ana' | 'kai', path: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${server.url}/couples/${couple.id}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens[as]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  /**
   * Uploads events as one partner, each signed with that partner's key for its device, or, for a
   * device they hold none for, forged with their first device's key (see `TestSigner.sign`).
   */
  const upload = async (as: 'ana' | 'kai', events: readonly unknown[]): Promise<Answer> => {
    const signed = await paired.signers[as].sign(couple.id, events);
    return send(as, '/events', batchOf(couple, signed, as === 'ana' ? 'kai' : 'ana'));
  };
  /** Introduces a new device of one partner's, signed by their first device. */
  const introduce = async (as: 'ana' | 'kai', device: string): Promise<Answer> =>
    send(as, '/introductions', await paired.signers[as].introduce(couple.id, device));
  /** Kai's own events, as his phone exports them for Ana. */
  const kaiExport = (kai: ReturnType<typeof engine>) =>
    exportEvents(
      kai.getEvents().filter((event) => event.partner === 'kai'),
      { couple, recipient: 'ana' },
    ).events;
  return { ...paired, server, engine, upload, introduce, kaiExport, now };
}

/** Ana's version of one of Kai's events: same id and device, in her name, with an earlier clock. */
const forgedBy = (partner: string, event: LoggedEvent, data: unknown = event.data) => ({
  ...event,
  partner,
  clock: { wall: event.clock.wall - 60_000, counter: 0 },
  data,
});

describe.each(storeBackends)('devices bound to a partner ($name)', (backend) => {
  it("refuses an upload aimed at one of the other partner's stored events, and keeps his byte for byte", async () => {
    const { upload, engine, kaiExport, server, couple } = await setUp(backend);
    const kai = engine('kai-phone');
    kai.completeExercise('kai', 'safe-space-basics');
    expect((await upload('kai', kaiExport(kai))).status).toBe(200);
    const [stored] = kai.getEvents() as [LoggedEvent];
    expect(stored.id).toBe('kai-phone:1');
    const before = await server.database.dump();

    // Today this answered 200, deleted Kai's event and kept Ana's (`kept: "yours"`).
    const response = await upload('ana', [forgedBy('ana', stored)]);
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'events-refused',
      problems: [{ index: 0, code: 'device-of-other-partner', where: 'events[0].device' }],
    });
    expect(response.body.error?.problems?.[0]?.fix).toContain('createDeviceId');
    expect(await server.database.dump()).toEqual(before);
    const held = await server.store.readEvents(couple.id, 0, 10);
    expect(held.map((item) => JSON.stringify(withoutSignature(item.event)))).toEqual([
      JSON.stringify(stored),
    ]);
  });

  it('refuses a new sequence number on a device of the other partner, whatever its clock', async () => {
    const { upload, engine, kaiExport, server } = await setUp(backend);
    const kai = engine('kai-phone');
    kai.completeExercise('kai', 'safe-space-basics');
    await upload('kai', kaiExport(kai));
    const before = await server.database.dump();
    const [own] = engine('kai-phone').getEvents();
    expect(own).toBeUndefined();
    const ana = engine('ana-phone');
    const mine = ana.completeExercise('ana', 'safe-space-basics');
    const squat = { ...mine, id: 'kai-phone:7', device: 'kai-phone', seq: 7 };
    const later = { ...squat, clock: { wall: mine.clock.wall + 86_400_000, counter: 0 } };
    for (const events of [[squat], [later], [mine, squat]]) {
      const response = await upload('ana', events);
      expect(response.status).toBe(403);
      expect(response.body.error?.problems?.map((problem) => problem.code)).toEqual([
        'device-of-other-partner',
      ]);
    }
    // Nothing of a refused upload is kept, not even the binding of Ana's own new device.
    expect(await server.database.dump()).toEqual(before);
  });

  it("keeps the other partner's safety rest on the relay and on the phone that pulled it", async () => {
    const { upload, server, couple, ana: anaSync, kai: kaiSync, now } = await setUp(backend);
    const kai = createTestPhone({
      couple,
      partner: 'kai',
      device: 'kai-phone',
      sync: kaiSync,
      now,
    });
    const ana = createTestPhone({
      couple,
      partner: 'ana',
      device: 'ana-phone',
      sync: anaSync,
      now,
    });
    kai.engine.takeSafetyCheck('kai', 'safety-check', concern);
    kai.engine.setRest('kai', true);
    const rest = kai.engine
      .getEvents()
      .find((event) => event.type === 'safety-rest') as LoggedEvent;
    expect(rest.data).toEqual({ active: true });
    await kai.push();
    await ana.pull();
    expect(ana.engine.getEvents().map((event) => event.id)).toEqual([rest.id]);
    const before = await server.database.dump();

    const response = await upload('ana', [forgedBy('ana', rest, { active: false })]);
    expect(response.status).toBe(403);
    expect(await server.database.dump()).toEqual(before);
    await ana.pull();
    expect(JSON.stringify(ana.engine.getEvents())).toBe(JSON.stringify([rest]));
    // Kai's phone goes on syncing under its id.
    kai.engine.completeExercise('kai', 'safe-space-basics');
    await kai.push();
    await ana.pull();
    // The rest takes effect at the next quarter hour, so it may sort after what followed it.
    expect(
      ana.engine
        .getEvents()
        .map((event) => event.id)
        .sort(),
    ).toEqual([rest.id, 'kai-phone:3'].sort());
  });

  it('binds a device id to the partner who introduced it first, and tells the other to take a new one', async () => {
    const { upload, introduce, engine, kaiExport, server, couple } = await setUp(backend);
    // Ana introduces, as hers, an id Kai's phone will use, before his phone introduced it.
    expect((await introduce('ana', 'kai-tablet')).status).toBe(201);
    const squat = forgedBy(
      'ana',
      engine('kai-tablet').completeExercise('kai', 'safe-space-basics'),
    );
    expect((await upload('ana', [squat])).status).toBe(200);

    const before = await server.database.dump();
    const taken = await introduce('kai', 'kai-tablet');
    expect(taken.status).toBe(403);
    expect(taken.body.error).toMatchObject({ code: 'device-of-other-partner', where: 'device' });
    const kai = engine('kai-tablet');
    kai.completeExercise('kai', 'safe-space-basics');
    kai.recordCheckIn('kai', 'weekly-check-in', { closeness: 4 });
    const refused = await upload('kai', kaiExport(kai));
    expect(refused.status).toBe(403);
    expect(refused.body.error?.problems).toMatchObject([
      { index: 0, code: 'device-of-other-partner', where: 'events[0].device' },
      { index: 1, code: 'device-of-other-partner', where: 'events[1].device' },
    ]);
    expect(refused.body.error?.problems?.[0]?.fix).toContain('createDeviceId');
    expect(await server.database.dump()).toEqual(before);

    const renamed = engine('kai-laptop');
    renamed.completeExercise('kai', 'safe-space-basics');
    expect((await introduce('kai', 'kai-laptop')).status).toBe(201);
    expect((await upload('kai', kaiExport(renamed))).body).toMatchObject({ stored: 1 });
    const held = await server.store.readEvents(couple.id, 0, 10);
    expect(held.map((item) => `${item.event.partner} ${item.event.id}`)).toEqual([
      'ana kai-tablet:1',
      'kai kai-laptop:1',
    ]);
  });

  it('ends two introductions, and uploads, racing for one new device id with one binding', async () => {
    const { upload, introduce, engine, server, couple } = await setUp(backend);
    const introduced = await Promise.all([introduce('ana', 'd-race'), introduce('kai', 'd-race')]);
    const statuses = introduced.map((answer) => answer.status);
    expect(statuses).toContain(201);
    expect(statuses.filter((status) => status !== 201)).toHaveLength(1);
    expect([403, 409]).toContain(statuses.find((status) => status !== 201));
    const winner = introduced[0]?.status === 201 ? 'ana' : 'kai';
    const keys = (await server.database.dump()).signing_keys ?? [];
    expect(keys.filter((row) => row.device_id === 'd-race')).toMatchObject([{ partner: winner }]);

    const fromAna = forgedBy('ana', engine('d-race').completeExercise('kai', 'safe-space-basics'));
    const fromKai = engine('d-race').startExercise('kai', 'what-feels-safe');
    const answers = await Promise.all([upload('ana', [fromAna]), upload('kai', [fromKai])]);
    expect(answers.map((answer) => answer.status)).toEqual(
      winner === 'ana' ? [200, 403] : [403, 200],
    );
    const held = await server.store.readEvents(couple.id, 0, 10);
    expect(held).toHaveLength(1);
    expect(held[0]?.event.partner).toBe(winner);
    const devices = (await server.database.dump()).devices;
    expect(devices).toEqual([{ couple_id: couple.id, device_id: 'd-race', partner: winner }]);
  });

  it("never replaces the other partner's event that a relay from before bindings stored", async () => {
    const { upload, introduce, engine, server, couple } = await setUp(backend);
    const kais = engine('shared-id').completeExercise('kai', 'safe-space-basics');
    // Straight into storage, with no device claimed, as an older relay kept it.
    await server.store.writeEvents(couple.id, (tx) => tx.insert([kais]));
    const ana = engine('shared-id');
    ana.completeExercise('ana', 'safe-space-basics');
    const second = ana.completeExercise('ana', 'what-feels-safe');
    // Its key unknown to the relay, the device goes to Ana, who introduces it first.
    expect((await introduce('ana', 'shared-id')).status).toBe(201);
    expect((await upload('ana', [second])).body).toMatchObject({ stored: 1 });

    const response = await upload('ana', [forgedBy('ana', kais)]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      stored: 0,
      conflicts: [{ id: kais.id, kept: 'stored' }],
    });
    const held = await server.store.readEvents(couple.id, 0, 10);
    expect(held.map((item) => JSON.stringify(item.event))).toContain(JSON.stringify(kais));
  });

  it('erases only the requester’s own events, whatever the cutoff and wherever they are', async () => {
    const { upload, engine, kaiExport, server, couple } = await setUp(backend);
    const kai = engine('kai-phone');
    kai.completeExercise('kai', 'safe-space-basics');
    expect((await upload('kai', kaiExport(kai))).status).toBe(200);
    // One of Kai's under Ana's device id, as an older relay could have stored it.
    const stray = engine('ana-phone').completeExercise('kai', 'what-feels-safe');
    const moved = { ...stray, id: 'ana-phone:50', seq: 50 };
    await server.store.writeEvents(couple.id, (tx) => tx.insert([moved]));
    const ana = engine('ana-phone');
    const own = ana.completeExercise('ana', 'safe-space-basics');
    expect((await upload('ana', [own])).body).toMatchObject({ stored: 1 });
    const kaisBefore = (await server.store.readEvents(couple.id, 0, 10))
      .filter((item) => item.event.partner === 'kai')
      .map((item) => JSON.stringify(item.event));
    expect(kaisBefore).toHaveLength(2);

    const erasure = erasePartner(ana.getEvents(), {
      couple,
      self: 'ana',
      partner: 'ana',
      device: 'ana-phone',
      now: () => couple.startedAt + 400 * 86_400_000,
    });
    expect((await upload('ana', [erasure.request])).body).toMatchObject({ stored: 1, erased: 1 });
    const held = await server.store.readEvents(couple.id, 0, 10);
    expect(
      held
        .filter((item) => item.event.partner === 'ana')
        .map((item) => withoutSignature(item.event as RelayEvent)),
    ).toEqual([erasure.request]);
    expect(
      held.filter((item) => item.event.partner === 'kai').map((item) => JSON.stringify(item.event)),
    ).toEqual(kaisBefore);
    // Kai's phone goes on uploading events with clocks before Ana's cutoff.
    kai.completeExercise('kai', 'what-feels-safe');
    expect((await upload('kai', kaiExport(kai))).body).toMatchObject({ stored: 1, erased: 0 });
  });

  it('settles two versions of one id by the documented rule only among one author’s events', async () => {
    const { upload, engine } = await setUp(backend);
    // Two of Ana's phones restored from one backup: one device id, her own two versions.
    const first = engine('ana-phone').completeExercise('ana', 'safe-space-basics');
    const second = engine('ana-phone').completeExercise('ana', 'what-feels-safe');
    expect((await upload('ana', [first])).status).toBe(200);
    const response = await upload('ana', [second]);
    expect(response.status).toBe(200);
    const kept = JSON.stringify(first) < JSON.stringify(second) ? 'stored' : 'yours';
    expect(response.body).toMatchObject({ conflicts: [{ id: first.id, kept }] });
  });
});
