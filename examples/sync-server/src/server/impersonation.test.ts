import { type Couple, createEngine, type LoggedEvent, nineStepProgram } from '@attune/core';
import {
  type CryptoKeyLike,
  createAesGcmCipher,
  createDeviceSigner,
  encryptEvents,
  exportSigningPublicKey,
  generateAesGcmKey,
  generateDeviceSigningKey,
  introduceDevice,
  signEvents,
} from '@attune/core/crypto';
import {
  currentSyncFormat,
  erasePartner,
  exportEvents,
  relayReadableEventTypes,
} from '@attune/core/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedCouple } from '../client/create-sync-client.js';
import type { RelayEvent } from '../events/relay-event.js';
import { concern } from '../testing/safety-answers.js';
import { createTestSigner, newPairingDevice, type TestSigner } from '../testing/signing.js';
import {
  type DatabaseDump,
  type StoreBackend,
  storeBackends,
  withoutCouple,
} from '../testing/stores.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// Every route, aimed by one partner at the other partner's history, at a third couple's, or sent
// with no token or a forged one; and every event and introduction that no bound device of the
// partner it names signed as it is. Each must be refused and change nothing stored: every table is
// compared, row by row and byte for byte, before and after.

interface Answer {
  readonly status: number;
  readonly body: {
    readonly error?: {
      readonly code: string;
      readonly problems?: readonly { readonly code: string; readonly where: string }[];
    };
    readonly [field: string]: unknown;
  };
}

interface Request {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const program = nineStepProgram;
const partner = (id: string) => ({ id, timeZone: 'Europe/Berlin' });

const batchOf = (couple: string, recipient: string, events: readonly unknown[]) => ({
  format: 'attune-sync',
  version: currentSyncFormat,
  couple,
  recipient,
  events,
});

/** Two paired couples (Ana and Kai; Sam and Lee, the third couple) and one waiting for Wren's partner. */
async function buildWorld(backend: StoreBackend) {
  // Generous: this file sends many requests from one address.
  const server = await startTestServer(backend, {
    rateLimit: { capacity: 100_000, refillPerSecond: 1_000 },
  });
  const { client } = server;
  const send = async (request: Request): Promise<Answer> => {
    const response = await fetch(`${server.url}${request.path}`, {
      method: request.method,
      headers: {
        ...(request.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(request.token !== undefined && { Authorization: `Bearer ${request.token}` }),
        ...request.headers,
      },
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  const pair = async (first: string, second: string) => {
    const signers = {
      [first]: await createTestSigner(first),
      [second]: await createTestSigner(second),
    };
    const created = await client.createCouple(
      partner(first),
      Date.UTC(2026, 0, 5, 8),
      undefined,
      signers[first]?.pairing,
    );
    const joined = await client.joinCouple(
      created.code,
      partner(second),
      undefined,
      signers[second]?.pairing,
    );
    return {
      created,
      couple: joined.couple,
      tokens: { [first]: created.token, [second]: joined.token },
      signers,
    };
  };
  const ours = await pair('ana', 'kai');
  const third = await pair('sam', 'lee');
  const waiting: CreatedCouple = await client.createCouple(
    partner('wren'),
    undefined,
    undefined,
    await newPairingDevice('wren-phone'),
  );
  // A device a new partner pairs with, for requests that should get as far as what they test.
  const spare = await newPairingDevice('spare-phone');
  const signers = {
    ana: ours.signers.ana as TestSigner,
    kai: ours.signers.kai as TestSigner,
    sam: third.signers.sam as TestSigner,
  };

  const couple = ours.couple;
  const now = () => couple.startedAt + 3_600_000;
  const engineOf = (of: Couple, device: string) =>
    createEngine({ program, couple: of, device, now });
  const upload = async (of: Couple, as: string, token: string, events: readonly LoggedEvent[]) => {
    const recipient = of.partners.find((p) => p.id !== as)?.id as string;
    const batch = exportEvents(
      events.filter((event) => event.partner === as),
      { couple: of, recipient },
    );
    const signer = signers[as as keyof typeof signers];
    const answer = await send({
      method: 'POST',
      path: `/couples/${of.id}/events`,
      token,
      body: { ...batch, events: await signer.sign(of.id, batch.events) },
    });
    expect(answer.status).toBe(200);
  };
  const introduce = async (as: 'ana' | 'kai', device: string) => {
    const answer = await send({
      method: 'POST',
      path: `/couples/${ours.couple.id}/introductions`,
      token: ours.tokens[as] as string,
      body: await signers[as].introduce(ours.couple.id, device),
    });
    expect(answer.status).toBe(201);
  };

  const kai = engineOf(couple, 'kai-phone');
  kai.completeExercise('kai', 'safe-space-basics');
  kai.takeSafetyCheck('kai', 'safety-check', concern);
  // The check recommends a rest; Kai takes it.
  kai.setRest('kai', true);
  kai.answer('kai', 'what-feels-safe', 'safe', 'WORDS-KAI-WROTE', 'shared');
  await upload(couple, 'kai', ours.tokens.kai as string, kai.getEvents());
  const ana = engineOf(couple, 'ana-phone');
  ana.completeExercise('ana', 'safe-space-basics');
  await upload(couple, 'ana', ours.tokens.ana as string, ana.getEvents());
  const sam = engineOf(third.couple, 'sam-phone');
  sam.completeExercise('sam', 'safe-space-basics');
  await upload(third.couple, 'sam', third.tokens.sam as string, sam.getEvents());
  // Ana's tablet, introduced by her phone; Kai's too, by his.
  await introduce('ana', 'ana-tablet');
  await introduce('kai', 'kai-tablet');

  const kaiStored = (await server.store.readEvents(couple.id, 0, 100))
    .map((stored) => stored.event as LoggedEvent)
    .filter((event) => event.partner === 'kai');
  const rest = kaiStored.find((event) => event.type === 'safety-rest') as LoggedEvent;
  expect(rest).toBeDefined();
  expect(kaiStored).toHaveLength(3);

  return {
    server,
    send,
    couple,
    third: third.couple,
    waiting,
    tokens: {
      ana: ours.tokens.ana as string,
      kai: ours.tokens.kai as string,
      sam: third.tokens.sam as string,
      wren: waiting.token,
    },
    codes: { ours: ours.created.code, third: third.created.code, waiting: waiting.code },
    signers,
    spare,
    kaiStored,
    rest,
    anaEngine: ana,
    before: await server.database.dump(),
  };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

/** Ana's version of one of Kai's events: his id and device, in her name, with an earlier clock. */
const inAnasName = (event: LoggedEvent, data: unknown = event.data) => ({
  ...event,
  partner: 'ana',
  clock: { wall: event.clock.wall - 60_000, counter: 0 },
  data,
});

/** An event of Ana's own phone moved to another device id, under the same sequence number. */
const onDevice = (event: LoggedEvent, device: string, seq = event.seq) => ({
  ...event,
  id: `${device}:${seq}`,
  device,
  seq,
});

const FORGED = 'Zm9yZ2VkLXRva2VuLXRoYXQtbm8tb25lLWV2ZXItZ290';

interface Attack {
  readonly route: string;
  readonly name: string;
  readonly request: (world: World) => Request | Promise<Request>;
  readonly status: number;
  readonly code?: string;
  /** The code of the first event problem, for uploads. */
  readonly problem?: string;
}

const eventsPath = (world: World, couple = world.couple.id) => `/couples/${couple}/events`;
/** An upload as Ana, to her couple, for Kai, of events as they are. */
const unsignedAsAna = (world: World, events: readonly unknown[]): Request => ({
  method: 'POST',
  path: eventsPath(world),
  token: world.tokens.ana,
  body: batchOf(world.couple.id, 'kai', events),
});
/**
 * An upload as Ana, to her couple, for Kai, each event signed with her key: her own device's for
 * her own events, her phone's under whatever the event claims for the rest (`TestSigner.sign`).
 * Events signed already keep their signatures.
 */
const asAna = async (world: World, events: readonly unknown[]): Promise<Request> =>
  unsignedAsAna(world, await world.signers.ana.sign(world.couple.id, events));
/** Ana's next event on her phone, recorded after everything stored. */
const anasNext = (world: World): LoggedEvent =>
  createEngine({
    program,
    couple: world.couple,
    device: 'ana-phone',
    events: world.anaEngine.getEvents(),
    now: () => world.couple.startedAt + 7_200_000,
  }).completeExercise('ana', 'what-feels-safe');

const introductionsPath = (world: World) => `/couples/${world.couple.id}/introductions`;
/** An introduction sent with one partner's token. */
const introducing = (world: World, as: 'ana' | 'kai', body: unknown): Request => ({
  method: 'POST',
  path: introductionsPath(world),
  token: world.tokens[as],
  body,
});
/** A device binding in Ana's couple, with a key of its own. */
const newDevice = async (world: World, partner: string, device: string) => ({
  couple: world.couple.id,
  partner,
  device,
  publicKey: await exportSigningPublicKey(await generateDeviceSigningKey()),
});
/** A signer with any private key that claims whatever it is told, as a forger's would. */
const claiming = (
  world: World,
  privateKey: CryptoKeyLike,
  claims: { readonly partner: string; readonly device: string },
) => createDeviceSigner({ couple: world.couple.id, ...claims, privateKey });
const keyOf = (signer: TestSigner, device: string) =>
  (signer.keys.get(device) as { privateKey: CryptoKeyLike }).privateKey;

/** Missing and forged tokens, and the tokens of the wrong couple, on one route of a couple. */
function unauthorized(
  route: string,
  method: Request['method'],
  suffix: string,
  body?: (world: World) => unknown,
): Attack[] {
  const at = (world: World, couple: string, token?: string): Request => ({
    method,
    path: `/couples/${couple}${suffix}`,
    ...(token !== undefined && { token }),
    ...(body && { body: body(world) }),
  });
  return [
    {
      route,
      name: 'without a token',
      request: (w) => at(w, w.couple.id),
      status: 401,
      code: 'unauthenticated',
    },
    {
      route,
      name: 'with a forged token',
      request: (w) => at(w, w.couple.id, FORGED),
      status: 401,
      code: 'unknown-token',
    },
    {
      route,
      name: 'with a Basic instead of a Bearer token',
      request: (w) => ({
        ...at(w, w.couple.id),
        headers: {
          Authorization: `Basic ${Buffer.from(`ana:${w.tokens.ana}`).toString('base64')}`,
        },
      }),
      status: 401,
      code: 'unauthenticated',
    },
    {
      route,
      name: 'with a token given in the query instead of the header',
      request: (w) => {
        const request = at(w, w.couple.id);
        const joiner = request.path.includes('?') ? '&' : '?';
        return { ...request, path: `${request.path}${joiner}token=${w.tokens.ana}` };
      },
      status: 401,
      code: 'unauthenticated',
    },
    {
      route,
      name: "with the third couple's token",
      request: (w) => at(w, w.couple.id, w.tokens.sam),
      status: 403,
      code: 'wrong-couple',
    },
    {
      route,
      name: "on the third couple's path with Ana's token",
      request: (w) => at(w, w.third.id, w.tokens.ana),
      status: 403,
      code: 'wrong-couple',
    },
    {
      route,
      name: "on the waiting couple's path with Kai's token",
      request: (w) => at(w, w.waiting.couple, w.tokens.kai),
      status: 403,
      code: 'wrong-couple',
    },
  ];
}

const attacks: readonly Attack[] = [
  // POST /couples
  {
    route: 'create',
    name: 'with a startedAt past the Date range',
    request: (w) => ({
      method: 'POST',
      path: '/couples',
      body: { partner: partner('kai'), startedAt: 9e15, ...w.spare },
    }),
    status: 400,
    code: 'invalid-started-at',
  },
  {
    route: 'create',
    name: "with Kai's id and a public key holding NUL",
    request: (w) => ({
      method: 'POST',
      path: '/couples',
      token: w.tokens.kai,
      body: { partner: partner('kai'), publicKey: 'kai-key\u0000' },
    }),
    status: 400,
    code: 'invalid-text',
  },
  // POST /couples/join
  {
    route: 'join',
    name: "with Ana and Kai's used code, as Kai",
    request: (w) => ({
      method: 'POST',
      path: '/couples/join',
      body: { code: w.codes.ours, partner: partner('kai'), ...w.spare },
    }),
    status: 404,
    code: 'unknown-code',
  },
  {
    route: 'join',
    name: "with the third couple's used code, with Ana's token",
    request: (w) => ({
      method: 'POST',
      path: '/couples/join',
      token: w.tokens.ana,
      body: { code: w.codes.third, partner: partner('lee'), ...w.spare },
    }),
    status: 404,
    code: 'unknown-code',
  },
  {
    route: 'join',
    name: "with the waiting couple's code, as its first partner",
    request: (w) => ({
      method: 'POST',
      path: '/couples/join',
      body: { code: w.codes.waiting, partner: partner('wren'), ...w.spare },
    }),
    status: 409,
    code: 'partner-taken',
  },
  {
    route: 'join',
    name: "with the waiting couple's code and its first partner's device id",
    request: async (w) => ({
      method: 'POST',
      path: '/couples/join',
      body: {
        code: w.codes.waiting,
        partner: partner('kai'),
        ...(await newPairingDevice('wren-phone')),
      },
    }),
    status: 409,
    code: 'device-taken',
  },
  {
    route: 'join',
    name: "with the waiting couple's code and a signing key that is not one",
    request: (w) => ({
      method: 'POST',
      path: '/couples/join',
      body: {
        code: w.codes.waiting,
        partner: partner('kai'),
        device: 'kai-phone',
        signingKey: 'a'.repeat(87),
      },
    }),
    status: 400,
    code: 'invalid-signing-key',
  },
  {
    route: 'join',
    name: 'without a code, naming the couple instead',
    request: (w) => ({
      method: 'POST',
      path: '/couples/join',
      body: { couple: w.couple.id, partner: partner('kai') },
    }),
    status: 400,
    code: 'missing-code',
  },
  // GET /couples/:id
  ...unauthorized('get', 'GET', ''),
  // POST /couples/:id/code
  ...unauthorized('renew', 'POST', '/code'),
  {
    route: 'renew',
    name: 'as Kai, once paired',
    request: (w) => ({ method: 'POST', path: `/couples/${w.couple.id}/code`, token: w.tokens.kai }),
    status: 409,
    code: 'already-paired',
  },
  {
    route: 'renew',
    name: "on the waiting couple's path with Wren's code in the body and Ana's token",
    request: (w) => ({
      method: 'POST',
      path: `/couples/${w.waiting.couple}/code`,
      token: w.tokens.ana,
      body: { code: w.codes.waiting },
    }),
    status: 403,
    code: 'wrong-couple',
  },
  // DELETE /couples/:id
  ...unauthorized('cancel', 'DELETE', ''),
  {
    route: 'cancel',
    name: 'as Kai, once paired',
    request: (w) => ({ method: 'DELETE', path: `/couples/${w.couple.id}`, token: w.tokens.kai }),
    status: 409,
    code: 'already-paired',
  },
  {
    route: 'cancel',
    name: 'as Ana, once paired',
    request: (w) => ({ method: 'DELETE', path: `/couples/${w.couple.id}`, token: w.tokens.ana }),
    status: 409,
    code: 'already-paired',
  },
  // POST /couples/:id/events
  ...unauthorized('upload', 'POST', '/events', (w) => batchOf(w.couple.id, 'kai', [])),
  {
    route: 'upload',
    name: "with Kai's stored event in Ana's name and an earlier clock",
    request: (w) => asAna(w, [inAnasName(w.kaiStored[0] as LoggedEvent)]),
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with Kai's safety rest in Ana's name, ended",
    request: (w) => asAna(w, [inAnasName(w.rest, { active: false })]),
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with Kai's event in Ana's name and nothing else changed",
    request: (w) => asAna(w, [{ ...w.kaiStored[0], partner: 'ana' }]),
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with a new sequence number on Kai's device",
    request: (w) =>
      asAna(w, [onDevice(w.anaEngine.getEvents()[0] as LoggedEvent, 'kai-phone', 99)]),
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with a new event of Ana's own beside one on Kai's device",
    request: (w) => {
      const fresh = createEngine({
        program,
        couple: w.couple,
        device: 'ana-tablet',
        now: () => w.couple.startedAt + 7_200_000,
      }).completeExercise('ana', 'what-feels-safe');
      return asAna(w, [fresh, onDevice(fresh, 'kai-phone', 50)]);
    },
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with Kai's events as he wrote them",
    request: (w) => asAna(w, w.kaiStored),
    status: 403,
    problem: 'not-your-event',
  },
  {
    route: 'upload',
    name: "with an erasure request in Ana's name from Kai's device",
    request: (w) => {
      const { request } = erasePartner([], {
        couple: w.couple,
        self: 'ana',
        partner: 'ana',
        device: 'kai-phone',
        now: () => w.couple.startedAt + 7_200_000,
      });
      return asAna(w, [{ ...request, id: 'kai-phone:9', seq: 9 }]);
    },
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with an erasure request of Kai's events from Ana's device",
    request: (w) => {
      const { request } = erasePartner([], {
        couple: w.couple,
        self: 'ana',
        partner: 'ana',
        device: 'ana-phone',
        now: () => w.couple.startedAt + 7_200_000,
      });
      return asAna(w, [
        { ...request, id: 'ana-phone:9', seq: 9, data: { ...request.data, partner: 'kai' } },
      ]);
    },
    status: 422,
    problem: 'not-signed-off',
  },
  {
    route: 'upload',
    name: "with an erasure request in Kai's name",
    request: (w) => {
      const { request } = erasePartner([], {
        couple: w.couple,
        self: 'kai',
        partner: 'kai',
        device: 'kai-phone',
        now: () => w.couple.startedAt + 7_200_000,
      });
      return asAna(w, [{ ...request, id: 'kai-phone:9', seq: 9 }]);
    },
    status: 403,
    // Ana's key cannot sign for Kai's phone.
    problem: 'bad-signature',
  },
  {
    route: 'upload',
    name: "with Kai's event id encrypted in Ana's name",
    request: async (w) => {
      const cipher = createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
      const forged = inAnasName(w.kaiStored[0] as LoggedEvent) as LoggedEvent;
      const sealed = await encryptEvents([forged], cipher, { plainTypes: relayReadableEventTypes });
      return asAna(w, sealed);
    },
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with the third couple's partner id as author",
    request: (w) => asAna(w, [{ ...(w.anaEngine.getEvents()[0] as LoggedEvent), partner: 'sam' }]),
    status: 403,
    // No device of the couple is bound to Sam: no signature in his name can hold.
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with a batch of the third couple's",
    request: (w) => ({ ...unsignedAsAna(w, []), body: batchOf(w.third.id, 'kai', []) }),
    status: 422,
    code: 'wrong-couple',
  },
  {
    route: 'upload',
    name: 'addressed to Ana herself',
    request: (w) => ({ ...unsignedAsAna(w, []), body: batchOf(w.couple.id, 'ana', w.kaiStored) }),
    status: 422,
    code: 'wrong-recipient',
  },
  {
    route: 'upload',
    name: "as Kai, with Ana's event in his name",
    request: async (w) => ({
      method: 'POST',
      path: eventsPath(w),
      token: w.tokens.kai,
      body: batchOf(
        w.couple.id,
        'ana',
        await w.signers.kai.sign(w.couple.id, [
          { ...(w.anaEngine.getEvents()[0] as LoggedEvent), partner: 'kai' },
        ]),
      ),
    }),
    status: 403,
    problem: 'device-of-other-partner',
  },
  // Signatures: no event goes through that a bound device of its partner did not sign as it is.
  {
    route: 'upload',
    name: 'with a new event of Ana’s own, unsigned',
    request: (w) => unsignedAsAna(w, [anasNext(w)]),
    status: 403,
    problem: 'unsigned',
  },
  {
    route: 'upload',
    name: "with a new event of Ana's own beside an unsigned share in her name, as a relay could write",
    request: async (w) => {
      const [signed] = await w.signers.ana.sign(w.couple.id, [anasNext(w)]);
      const share = {
        ...(signed as LoggedEvent),
        id: 'ana-phone:77',
        seq: 77,
        type: 'entry-shared',
        data: { entry: 'ana-phone:1' },
        signature: undefined,
      };
      return unsignedAsAna(w, [signed, share]);
    },
    status: 403,
    problem: 'unsigned',
  },
  {
    route: 'upload',
    name: "with a forged signature: another key, claiming Ana's phone",
    request: async (w) => {
      const forger = await generateDeviceSigningKey();
      const signer = claiming(w, forger.privateKey, {
        partner: 'ana',
        device: 'ana-phone',
      });
      return unsignedAsAna(w, await signEvents([anasNext(w)], signer));
    },
    status: 403,
    problem: 'bad-signature',
  },
  {
    route: 'upload',
    name: "with Ana's event signed by Kai's phone, under her phone's id",
    request: async (w) => {
      const signer = claiming(w, keyOf(w.signers.kai, 'kai-phone'), {
        partner: 'ana',
        device: 'ana-phone',
      });
      return unsignedAsAna(w, await signEvents([anasNext(w)], signer));
    },
    status: 403,
    problem: 'bad-signature',
  },
  {
    route: 'upload',
    name: "with an event in Ana's name that Kai's phone signed as its own",
    request: async (w) => {
      const event = onDevice(anasNext(w), 'kai-phone', 60);
      const signer = claiming(w, keyOf(w.signers.kai, 'kai-phone'), {
        partner: 'ana',
        device: 'kai-phone',
      });
      return unsignedAsAna(w, await signEvents([event as LoggedEvent], signer));
    },
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with an event in Ana's name that Kai's tablet signed",
    request: async (w) => {
      const event = onDevice(anasNext(w), 'kai-tablet', 3);
      const signer = claiming(w, keyOf(w.signers.kai, 'kai-tablet'), {
        partner: 'ana',
        device: 'kai-tablet',
      });
      return unsignedAsAna(w, await signEvents([event as LoggedEvent], signer));
    },
    status: 403,
    problem: 'device-of-other-partner',
  },
  {
    route: 'upload',
    name: "with one of Ana's signed events changed after signing",
    request: async (w) => {
      const [signed] = await w.signers.ana.sign(w.couple.id, [anasNext(w)]);
      const changed = { ...(signed as LoggedEvent), clock: { wall: 1, counter: 0 } };
      return unsignedAsAna(w, [changed]);
    },
    status: 403,
    problem: 'bad-signature',
  },
  {
    route: 'upload',
    name: "with Ana's event carrying the signature of one of Kai's",
    request: (w) =>
      unsignedAsAna(w, [{ ...anasNext(w), signature: (w.kaiStored[0] as RelayEvent).signature }]),
    status: 403,
    problem: 'bad-signature',
  },
  {
    route: 'upload',
    name: "with Ana's event signed for the third couple",
    request: async (w) => {
      const signer = createDeviceSigner({
        couple: w.third.id,
        partner: 'ana',
        device: 'ana-phone',
        privateKey: keyOf(w.signers.ana, 'ana-phone'),
      });
      return unsignedAsAna(w, await signEvents([anasNext(w)], signer));
    },
    status: 403,
    problem: 'bad-signature',
  },
  {
    route: 'upload',
    name: 'with an event of a device no one introduced',
    request: (w) => asAna(w, [onDevice(anasNext(w), 'ana-laptop', 1)]),
    status: 403,
    problem: 'unknown-device',
  },
  {
    route: 'upload',
    name: "with Ana's own signed event holding a field the relay would drop",
    request: async (w) => {
      const next = anasNext(w);
      return asAna(w, [{ ...next, data: { ...(next.data as object), extra: 'x' } }]);
    },
    status: 422,
    problem: 'not-as-signed',
  },
  // POST /couples/:id/introductions
  ...unauthorized('introduce', 'POST', '/introductions', (w) => ({ couple: w.couple.id })),
  {
    route: 'introduce',
    name: "as Kai, of a device in Ana's name, signed by his phone",
    request: async (w) => {
      const signer = claiming(w, keyOf(w.signers.kai, 'kai-phone'), {
        partner: 'ana',
        device: 'kai-phone',
      });
      return introducing(
        w,
        'kai',
        await introduceDevice(signer, await newDevice(w, 'ana', 'ana-watch')),
      );
    },
    status: 403,
    code: 'not-your-device',
  },
  {
    route: 'introduce',
    name: "as Ana, of a device in her name that Kai's phone introduced",
    request: async (w) => {
      const signer = claiming(w, keyOf(w.signers.kai, 'kai-phone'), {
        partner: 'ana',
        device: 'kai-phone',
      });
      return introducing(
        w,
        'ana',
        await introduceDevice(signer, await newDevice(w, 'ana', 'ana-watch')),
      );
    },
    status: 403,
    code: 'device-of-other-partner',
  },
  {
    route: 'introduce',
    name: "as Ana, of a device in her name that Kai's tablet introduced",
    request: async (w) => {
      const signer = claiming(w, keyOf(w.signers.kai, 'kai-tablet'), {
        partner: 'ana',
        device: 'kai-tablet',
      });
      return introducing(
        w,
        'ana',
        await introduceDevice(signer, await newDevice(w, 'ana', 'ana-watch')),
      );
    },
    status: 403,
    code: 'device-of-other-partner',
  },
  {
    route: 'introduce',
    name: "as Ana, with a forged signature of her phone's",
    request: async (w) => {
      const forger = await generateDeviceSigningKey();
      const signer = claiming(w, forger.privateKey, {
        partner: 'ana',
        device: 'ana-phone',
      });
      return introducing(
        w,
        'ana',
        await introduceDevice(signer, await newDevice(w, 'ana', 'ana-watch')),
      );
    },
    status: 403,
    code: 'bad-signature',
  },
  {
    route: 'introduce',
    name: 'as Ana, changed after signing',
    request: async (w) => {
      const introduction = await w.signers.ana.introduce(w.couple.id, 'ana-watch');
      return introducing(w, 'ana', { ...introduction, device: 'ana-ring' });
    },
    status: 403,
    code: 'bad-signature',
  },
  {
    route: 'introduce',
    name: 'as Ana, unsigned',
    request: async (w) => {
      const { signature: _, ...unsigned } = await w.signers.ana.introduce(w.couple.id, 'ana-watch');
      return introducing(w, 'ana', unsigned);
    },
    status: 403,
    code: 'unsigned',
  },
  {
    route: 'introduce',
    name: "as Ana, of Kai's phone's id",
    request: async (w) =>
      introducing(w, 'ana', await w.signers.ana.introduce(w.couple.id, 'kai-phone')),
    status: 403,
    code: 'device-of-other-partner',
  },
  {
    route: 'introduce',
    name: "as Ana, of the id Kai's tablet took first",
    request: async (w) =>
      introducing(w, 'ana', await w.signers.ana.introduce(w.couple.id, 'kai-tablet')),
    status: 403,
    code: 'device-of-other-partner',
  },
  {
    route: 'introduce',
    name: "as Ana, of her own phone's id with another key",
    request: async (w) =>
      introducing(w, 'ana', await w.signers.ana.introduce(w.couple.id, 'ana-phone')),
    status: 409,
    code: 'device-clash',
  },
  {
    route: 'introduce',
    name: 'as Ana, by a device no one introduced',
    request: async (w) => {
      const signer = claiming(w, keyOf(w.signers.ana, 'ana-phone'), {
        partner: 'ana',
        device: 'ana-laptop',
      });
      return introducing(
        w,
        'ana',
        await introduceDevice(signer, await newDevice(w, 'ana', 'ana-watch')),
      );
    },
    status: 403,
    code: 'unknown-device',
  },
  {
    route: 'introduce',
    name: 'as Ana, for the third couple',
    request: async (w) => {
      const signer = createDeviceSigner({
        couple: w.third.id,
        partner: 'ana',
        device: 'ana-phone',
        privateKey: keyOf(w.signers.ana, 'ana-phone'),
      });
      const device = { ...(await newDevice(w, 'ana', 'ana-watch')), couple: w.third.id };
      return introducing(w, 'ana', await introduceDevice(signer, device));
    },
    status: 422,
    code: 'wrong-couple',
  },
  {
    route: 'introduce',
    name: 'as Ana, with a field besides what introduceDevice writes',
    request: async (w) => {
      const introduction = await w.signers.ana.introduce(w.couple.id, 'ana-watch');
      return introducing(w, 'ana', { ...introduction, trusted: true });
    },
    status: 400,
    code: 'malformed',
  },
  {
    route: 'introduce',
    name: "to the waiting couple with Wren's token",
    request: async (w) => ({
      method: 'POST',
      path: `/couples/${w.waiting.couple}/introductions`,
      token: w.tokens.wren,
      body: await w.signers.ana.introduce(w.couple.id, 'ana-watch'),
    }),
    status: 409,
    code: 'not-paired',
  },
  // GET /couples/:id/devices
  ...unauthorized('devices', 'GET', '/devices'),
  {
    route: 'upload',
    name: "to the waiting couple with Wren's token",
    request: (w) => ({
      method: 'POST',
      path: eventsPath(w, w.waiting.couple),
      token: w.tokens.wren,
      body: batchOf(w.waiting.couple, 'kai', w.kaiStored),
    }),
    status: 409,
    code: 'not-paired',
  },
  // GET /couples/:id/events
  ...unauthorized('pull', 'GET', '/events?since=0'),
  // GET /health, and what is not a route
  {
    route: 'health',
    name: 'with a forged token',
    request: () => ({ method: 'GET', path: '/health', token: FORGED }),
    status: 200,
  },
  {
    route: 'other',
    name: 'DELETE on one event',
    request: (w) => ({
      method: 'DELETE',
      path: `${eventsPath(w)}/kai-phone:1`,
      token: w.tokens.ana,
    }),
    status: 404,
    code: 'not-found',
  },
  {
    route: 'other',
    name: 'DELETE on the events',
    request: (w) => ({ method: 'DELETE', path: eventsPath(w), token: w.tokens.ana }),
    status: 405,
    code: 'method-not-allowed',
  },
  {
    route: 'other',
    name: 'PUT on the events',
    request: (w) => ({
      method: 'PUT',
      path: eventsPath(w),
      token: w.tokens.ana,
      body: batchOf(w.couple.id, 'kai', []),
    }),
    status: 405,
    code: 'method-not-allowed',
  },
  {
    route: 'other',
    name: 'a keys route',
    request: (w) => ({
      method: 'GET',
      path: `/couples/${w.couple.id}/keys`,
      token: w.tokens.ana,
    }),
    status: 404,
    code: 'not-found',
  },
  {
    route: 'other',
    name: 'DELETE on the introductions',
    request: (w) => ({ method: 'DELETE', path: introductionsPath(w), token: w.tokens.ana }),
    status: 405,
    code: 'method-not-allowed',
  },
];

describe.each(storeBackends)('impersonation ($name)', (backend) => {
  let world: World;
  let server: TestServer | undefined;
  beforeAll(async () => {
    world = await buildWorld(backend);
    server = world.server;
  });
  afterAll(async () => {
    await server?.remove();
  });

  const named = attacks.map((attack) => [`${attack.route} ${attack.name}`, attack] as const);
  it.each(named)('answers %s as it must, and changes nothing stored', async (_, attack) => {
    const answer = await world.send(await attack.request(world));
    expect(answer.status).toBe(attack.status);
    if (attack.code) expect(answer.body.error?.code).toBe(attack.code);
    if (attack.problem) {
      expect(answer.body.error?.code).toBe('events-refused');
      expect(answer.body.error?.problems?.[0]?.code).toBe(attack.problem);
    }
    expect(await world.server.database.dump()).toEqual(world.before);
  });

  it('covers every route', () => {
    expect(new Set(attacks.map((attack) => attack.route))).toEqual(
      new Set([
        'create',
        'join',
        'get',
        'renew',
        'cancel',
        'upload',
        'pull',
        'introduce',
        'devices',
        'health',
        'other',
      ]),
    );
  });

  it("answers as the token's partner, whatever the query names", async () => {
    const asKai = '?partner=kai&recipient=kai&self=kai';
    const status = await world.send({
      method: 'GET',
      path: `/couples/${world.couple.id}${asKai}`,
      token: world.tokens.ana,
    });
    expect(status.body).toMatchObject({ partner: 'ana' });
    const page = await world.send({
      method: 'GET',
      path: `/couples/${world.couple.id}/events${asKai}&since=0`,
      token: world.tokens.ana,
    });
    expect(page.body).toMatchObject({ recipient: 'ana' });
    const types = (page.body.events as LoggedEvent[]).map((event) => event.type);
    expect(types).not.toContain('safety-check-taken');
    expect(await world.server.database.dump()).toEqual(world.before);
  });

  it("leaves Kai's events as he uploaded them, and his phone syncing", async () => {
    const stored = (await world.server.store.readEvents(world.couple.id, 0, 100))
      .map((item) => item.event)
      .filter((event) => event.partner === 'kai');
    expect(stored.map((event) => JSON.stringify(event))).toEqual(
      world.kaiStored.map((event) => JSON.stringify(event)),
    );
    const kai = createEngine({
      program,
      couple: world.couple,
      device: 'kai-phone',
      events: world.kaiStored,
      now: () => world.couple.startedAt + 7_200_000,
    });
    const next = kai.completeExercise('kai', 'what-feels-safe');
    const answer = await world.send({
      method: 'POST',
      path: eventsPath(world),
      token: world.tokens.kai,
      body: batchOf(world.couple.id, 'ana', await world.signers.kai.sign(world.couple.id, [next])),
    });
    expect(answer.body).toMatchObject({ stored: 1, conflicts: [] });
  });
});

describe.each(storeBackends)('requests that add what is their own ($name)', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(backend);
  });
  afterAll(async () => {
    await world.server.remove();
  });
  /** The couples these tests changed, each only in what is its own. */
  const changed: string[] = [];
  const unchangedBut = async (couple: string) => {
    changed.push(couple);
    const strip = (dump: DatabaseDump) => changed.reduce(withoutCouple, dump);
    expect(strip(await world.server.database.dump())).toEqual(strip(world.before));
  };

  it("creates a couple of its own, whatever ids and tokens of another couple's the body names", async () => {
    const answer = await world.send({
      method: 'POST',
      path: '/couples',
      token: world.tokens.kai,
      body: {
        partner: partner('kai'),
        ...world.spare,
        id: world.couple.id,
        couple: world.couple.id,
        token: world.tokens.kai,
        partners: world.couple.partners,
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.couple).not.toBe(world.couple.id);
    expect(answer.body.token).not.toBe(world.tokens.kai);
    await unchangedBut(answer.body.couple as string);
  });

  it('joins only the couple of the code, whatever couple the body names', async () => {
    const answer = await world.send({
      method: 'POST',
      path: '/couples/join',
      token: world.tokens.ana,
      body: {
        code: world.codes.waiting,
        couple: world.couple.id,
        partner: partner('kai'),
        ...world.spare,
      },
    });
    expect(answer.status).toBe(201);
    expect((answer.body.couple as Couple).id).toBe(world.waiting.couple);
    await unchangedBut(world.waiting.couple);
  });

  it("binds a third couple's device id within Ana's couple only", async () => {
    const sams = (await world.server.store.readEvents(world.third.id, 0, 10))[0]
      ?.event as LoggedEvent;
    expect(sams.device).toBe('sam-phone');
    const mine = onDevice(world.anaEngine.getEvents()[0] as LoggedEvent, 'sam-phone', sams.seq);
    const introduced = await world.send(
      introducing(world, 'ana', await world.signers.ana.introduce(world.couple.id, 'sam-phone')),
    );
    expect(introduced).toMatchObject({ status: 201, body: { device: 'sam-phone', added: true } });
    const answer = await world.send(await asAna(world, [mine]));
    expect(answer.body).toMatchObject({ stored: 1, conflicts: [] });
    await unchangedBut(world.couple.id);
    const dump = await world.server.database.dump();
    expect(dump.devices).toContainEqual({
      couple_id: world.couple.id,
      device_id: 'sam-phone',
      partner: 'ana',
    });
    expect(dump.signing_keys).toContainEqual(
      expect.objectContaining({
        couple_id: world.couple.id,
        device_id: 'sam-phone',
        partner: 'ana',
      }),
    );
    // The same introduction again changes nothing.
    const again = await world.send(
      introducing(
        world,
        'ana',
        (dump.signing_keys ?? [])
          .filter((row) => row.device_id === 'sam-phone' && row.couple_id === world.couple.id)
          .map((row) => JSON.parse(row.introduction as string))[0],
      ),
    );
    expect(again).toMatchObject({ status: 200, body: { added: false } });
    expect(await world.server.database.dump()).toEqual(dump);
  });
});
