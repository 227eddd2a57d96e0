import { type Couple, createEngine, type LoggedEvent, nineStepProgram } from '@attune/core';
import { createAesGcmCipher, encryptEvents, generateAesGcmKey } from '@attune/core/crypto';
import {
  currentSyncFormat,
  erasePartner,
  exportEvents,
  relayReadableEventTypes,
} from '@attune/core/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedCouple } from '../client/create-sync-client.js';
import { concern } from '../testing/safety-answers.js';
import {
  type DatabaseDump,
  type StoreBackend,
  storeBackends,
  withoutCouple,
} from '../testing/stores.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// Every route, aimed by one partner at the other partner's history, at a third couple's, or sent
// with no token or a forged one. Each must be refused and change nothing stored: every table is
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
    const created = await client.createCouple(partner(first), Date.UTC(2026, 0, 5, 8));
    const joined = await client.joinCouple(created.code, partner(second));
    return {
      created,
      couple: joined.couple,
      tokens: { [first]: created.token, [second]: joined.token },
    };
  };
  const ours = await pair('ana', 'kai');
  const third = await pair('sam', 'lee');
  const waiting: CreatedCouple = await client.createCouple(partner('wren'));

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
    const answer = await send({
      method: 'POST',
      path: `/couples/${of.id}/events`,
      token,
      body: batch,
    });
    expect(answer.status).toBe(200);
  };

  const kai = engineOf(couple, 'kai-phone');
  kai.completeExercise('kai', 'safe-space-basics');
  kai.takeSafetyCheck('kai', 'safety-check', concern);
  kai.answer('kai', 'what-feels-safe', 'safe', 'WORDS-KAI-WROTE', 'shared');
  await upload(couple, 'kai', ours.tokens.kai as string, kai.getEvents());
  const ana = engineOf(couple, 'ana-phone');
  ana.completeExercise('ana', 'safe-space-basics');
  await upload(couple, 'ana', ours.tokens.ana as string, ana.getEvents());
  const sam = engineOf(third.couple, 'sam-phone');
  sam.completeExercise('sam', 'safe-space-basics');
  await upload(third.couple, 'sam', third.tokens.sam as string, sam.getEvents());

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
/** An upload as Ana, to her couple, for Kai. */
const asAna = (world: World, events: readonly unknown[]): Request => ({
  method: 'POST',
  path: eventsPath(world),
  token: world.tokens.ana,
  body: batchOf(world.couple.id, 'kai', events),
});

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
    request: () => ({
      method: 'POST',
      path: '/couples',
      body: { partner: partner('kai'), startedAt: 9e15 },
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
      body: { code: w.codes.ours, partner: partner('kai') },
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
      body: { code: w.codes.third, partner: partner('lee') },
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
      body: { code: w.codes.waiting, partner: partner('wren') },
    }),
    status: 409,
    code: 'partner-taken',
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
    problem: 'not-your-event',
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
    status: 422,
    problem: 'unknown-partner',
  },
  {
    route: 'upload',
    name: "with a batch of the third couple's",
    request: (w) => ({ ...asAna(w, []), body: batchOf(w.third.id, 'kai', []) }),
    status: 422,
    code: 'wrong-couple',
  },
  {
    route: 'upload',
    name: 'addressed to Ana herself',
    request: (w) => ({ ...asAna(w, []), body: batchOf(w.couple.id, 'ana', w.kaiStored) }),
    status: 422,
    code: 'wrong-recipient',
  },
  {
    route: 'upload',
    name: "as Kai, with Ana's event in his name",
    request: (w) => ({
      method: 'POST',
      path: eventsPath(w),
      token: w.tokens.kai,
      body: batchOf(w.couple.id, 'ana', [
        { ...(w.anaEngine.getEvents()[0] as LoggedEvent), partner: 'kai' },
      ]),
    }),
    status: 403,
    problem: 'device-of-other-partner',
  },
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
    name: 'a devices route',
    request: (w) => ({
      method: 'GET',
      path: `/couples/${w.couple.id}/devices`,
      token: w.tokens.ana,
    }),
    status: 404,
    code: 'not-found',
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
      new Set(['create', 'join', 'get', 'renew', 'cancel', 'upload', 'pull', 'health', 'other']),
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
      body: batchOf(world.couple.id, 'ana', [next]),
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
      body: { code: world.codes.waiting, couple: world.couple.id, partner: partner('kai') },
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
    const answer = await world.send(asAna(world, [mine]));
    expect(answer.body).toMatchObject({ stored: 1, conflicts: [] });
    await unchangedBut(world.couple.id);
    expect((await world.server.database.dump()).devices).toContainEqual({
      couple_id: world.couple.id,
      device_id: 'sam-phone',
      partner: 'ana',
    });
  });
});
