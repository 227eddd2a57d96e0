import { createEngine, nineStepProgram } from '@attune/core';
import { currentSyncFormat } from '@attune/core/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { newPairingDevice } from '../testing/signing.js';
import { type StoreBackend, storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

interface Answer {
  readonly status: number;
  readonly body: {
    readonly error?: {
      readonly code: string;
      readonly where: string;
      readonly message: string;
      readonly fix: string;
      readonly problems?: readonly { index: number; code: string; where: string }[];
    };
    readonly [field: string]: unknown;
  };
}

async function post(path: string, body: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${running?.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token !== undefined && { Authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const ana = { id: 'ana', timeZone: 'Europe/Berlin' };

async function paired(backend: StoreBackend) {
  running = await startTestServer(backend);
  const pair = await pairCouple(running.client);
  const engine = createEngine({
    program: nineStepProgram,
    couple: pair.couple,
    device: 'ana-phone',
    now: () => pair.couple.startedAt + 3_600_000,
  });
  const batch = (events: readonly unknown[]) => ({
    format: 'attune-sync',
    version: currentSyncFormat,
    couple: pair.couple.id,
    recipient: 'kai',
    events,
  });
  const path = `/couples/${pair.couple.id}/events`;
  /** Uploads events signed as Ana's phone signs them. */
  const upload = async (events: readonly unknown[]) =>
    post(path, batch(await pair.signers.ana.sign(pair.couple.id, events)), pair.tokens.ana);
  /**
   * Uploads one event whose data is JSON text, too deep for JSON.stringify to write; signed over
   * that data when `signed`, which must then be shallow enough to sign.
   */
  const uploadWithData = async (event: object, data: string, signed = false) => {
    const [sealed] = signed
      ? await pair.signers.ana.sign(pair.couple.id, [{ ...event, data: JSON.parse(data) }])
      : [event];
    const { signature } = sealed as { signature?: string };
    return post(
      path,
      JSON.stringify(batch([{ ...event, data: DATA, signature }])).replace(
        JSON.stringify(DATA),
        data,
      ),
      pair.tokens.ana,
    );
  };
  return { ...pair, engine, upload, uploadWithData };
}

const DATA = '<data>';

/** JSON text of a value nested `depth` objects deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}"deep"${'}'.repeat(depth)}`;

describe.each(storeBackends)('what the relay accepts ($name)', (backend) => {
  it('refuses a startedAt outside the JavaScript Date range, past the year 9999, or not a whole number', async () => {
    running = await startTestServer(backend);
    const device = await newPairingDevice();
    const before = await running.database.dump();
    const endOf9999 = Date.UTC(10_000, 0, 1) - 1;
    const refused = [
      8.64e15 + 1,
      8.64e15,
      9e15,
      Number.MAX_SAFE_INTEGER,
      endOf9999 + 1,
      -1,
      1.5,
      '0',
    ];
    for (const startedAt of refused) {
      const response = await post('/couples', { partner: ana, startedAt, ...device });
      expect(response.status, String(startedAt)).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid-started-at', where: 'startedAt' });
      expect(response.body.error?.message).toContain(String(endOf9999));
    }
    expect(await running.database.dump()).toEqual(before);
    // The end of the year 9999 is still a start: phones count days from it without leaving the
    // Date range, which a start at 8.64e15 would make them do.
    expect((await post('/couples', { partner: ana, startedAt: endOf9999, ...device })).status).toBe(
      201,
    );
  });

  it('refuses NUL and lone surrogates in an event with 400, naming the field', async () => {
    const { engine, upload } = await paired(backend);
    const done = engine.completeExercise('ana', 'safe-space-basics');
    const answer = engine.answer('ana', 'what-feels-safe', 'safe', 'words', 'shared');
    const before = await running?.database.dump();
    const cases = [
      [{ ...done, id: 'ana\u0000phone:1', device: 'ana\u0000phone' }, 'events[0].id'],
      [{ ...done, device: 'ana\ud800phone' }, 'events[0].device'],
      [{ ...done, type: 'plugin-note\u0000' }, 'events[0].type'],
      [{ ...done, id: `${done.id}\udc00` }, 'events[0].id'],
      [
        { ...answer, data: { ...answer.data, text: 'half \ud83d of a pair' } },
        'events[0].data.text',
      ],
      [{ ...done, data: { ...done.data, 'key\u0000': true } }, 'events[0].data.key\u0000'],
    ] as const;
    for (const [event, where] of cases) {
      const response = await upload([event]);
      expect(response.status, where).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid-text', where });
    }
    expect(await running?.database.dump()).toEqual(before);
    // A surrogate pair is text like any other.
    const emoji = engine.answer('ana', 'what-feels-safe', 'safe', 'safe 🌿 here', 'shared');
    expect((await upload([emoji])).body).toMatchObject({ stored: 1 });
  });

  it('refuses NUL and lone surrogates in a public key, a partner or a code with 400, naming the field', async () => {
    running = await startTestServer(backend);
    const before = await running.database.dump();
    const refusals: [unknown, string][] = [
      [{ partner: ana, publicKey: 'key\u0000' }, 'publicKey'],
      [{ partner: ana, publicKey: 'key\ud83d' }, 'publicKey'],
      [{ partner: { ...ana, timeZone: 'UTC\u0000' } }, 'partner.timeZone'],
      [{ partner: { ...ana, id: 'ana\u0000' } }, 'partner.id'],
    ];
    for (const [body, where] of refusals) {
      const response = await post('/couples', body);
      expect(response.status, where).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid-text', where });
    }
    const created = await running.client.createCouple(
      ana,
      undefined,
      undefined,
      await newPairingDevice(),
    );
    const afterCreate = await running.database.dump();
    const join = await post('/couples/join', {
      code: created.code,
      partner: { id: 'kai', timeZone: 'UTC' },
      publicKey: '\udfffkey',
    });
    expect(join.status).toBe(400);
    expect(join.body.error).toMatchObject({ code: 'invalid-text', where: 'publicKey' });
    const code = await post('/couples/join', { code: `${created.code}\u0000`, partner: ana });
    expect(code.status).toBe(400);
    expect(code.body.error).toMatchObject({ code: 'invalid-text', where: 'code' });
    expect(await running.database.dump()).toEqual(afterCreate);
    expect(before).not.toEqual(afterCreate);
  });

  it('answers 400 to event data nested ten thousand deep, and to any body nested too deep', async () => {
    const { engine, uploadWithData, couple, tokens } = await paired(backend);
    const done = engine.completeExercise('ana', 'safe-space-basics');
    const before = await running?.database.dump();
    const deep = await uploadWithData({ ...done, type: 'plugin-note' }, nested(10_000));
    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({ code: 'too-deep' });
    expect(deep.body.error?.where).toMatch(/^events\[0\]\.data\.a\.a/);
    // As text too, deeper than any parser's stack.
    const text = `{"partner":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    for (const path of ['/couples', '/couples/join', `/couples/${couple.id}/events`]) {
      const response = await post(path, text, tokens.ana);
      expect(response.status, path).toBe(400);
      expect(response.body.error?.code).toBe('too-deep');
    }
    expect(await running?.database.dump()).toEqual(before);
    // What plugins nest stays well within the bound.
    const plugin = await uploadWithData({ ...done, type: 'plugin-note' }, nested(20), true);
    expect(plugin.body).toMatchObject({ stored: 1 });
  });

  it('refuses an event clock past the year 9999, as the core does', async () => {
    const { engine, upload } = await paired(backend);
    const done = engine.completeExercise('ana', 'safe-space-basics');
    const response = await upload([{ ...done, clock: { wall: 9e15, counter: 0 } }]);
    expect(response.status).toBe(422);
    expect(response.body.error?.problems).toMatchObject([
      { index: 0, code: 'malformed', where: 'events[0].clock.wall' },
    ]);
  });
});
