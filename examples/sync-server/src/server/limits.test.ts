import { request } from 'node:http';
import { createEngine, nineStepProgram } from '@attune/core';
import { exportEvents } from '@attune/core/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncServerError } from '../client/sync-server-error.js';
import { newPairingDevice } from '../testing/signing.js';
import { storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

/** Sends a body in chunks without a Content-Length, as a streaming client would. */
function postChunked(url: string, token: string, chunks: readonly string[]) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (part: string) => {
          text += part;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );
    // The server may answer and close before every chunk is written.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    // Slowly, so the server meets the limit while the body is still arriving.
    const writeNext = (index: number) => {
      if (index === chunks.length) {
        outgoing.end();
        return;
      }
      if (outgoing.destroyed) return;
      outgoing.write(chunks[index]);
      setTimeout(() => writeNext(index + 1), 20);
    };
    writeNext(0);
  });
}

describe.each(storeBackends)('limits ($name)', (backend) => {
  it('refuses a body over the size limit with 413, declared or streamed, and stores nothing', async () => {
    running = await startTestServer(backend, { maxBodyBytes: 4096 });
    const paired = await pairCouple(running.client);
    const engine = createEngine({
      program: nineStepProgram,
      couple: paired.couple,
      device: 'ana-phone',
      now: () => paired.couple.startedAt + 3_600_000,
    });
    for (let i = 0; i < 40; i++) engine.startExercise('ana', 'safe-space-basics');
    const batch = exportEvents(engine.getEvents(), { couple: paired.couple, recipient: 'kai' });
    expect(JSON.stringify(batch).length).toBeGreaterThan(4096);

    const declared = await paired.ana.upload(batch).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(declared).toBeInstanceOf(SyncServerError);
    expect(declared).toMatchObject({ status: 413, code: 'body-too-large', where: 'body' });
    expect((declared as SyncServerError).fix).toContain('split the batch');

    const text = JSON.stringify(batch);
    const chunks = Array.from({ length: Math.ceil(text.length / 1000) }, (_, i) =>
      text.slice(i * 1000, (i + 1) * 1000),
    );
    const streamed = await postChunked(
      `${running.url}/couples/${paired.couple.id}/events`,
      paired.tokens.ana,
      chunks,
    );
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'body-too-large' } } });

    // Under the limit, the same events go through in parts.
    const half = { ...batch, events: batch.events.slice(0, 10) };
    expect(await paired.ana.upload(half)).toMatchObject({ stored: 10 });
    expect((await paired.kai.pull()).events).toHaveLength(10);
  });

  it('slows down one token that sends too much, without touching the other partner', async () => {
    let now = 0;
    running = await startTestServer(backend, {
      now: () => now,
      rateLimit: { capacity: 3, refillPerSecond: 0.5 },
    });
    // Pairing counts against the address, which the partners share here; give it time back.
    const paired = await pairCouple(running.client, 0);
    now += 10_000;
    for (let i = 0; i < 3; i++) await paired.ana.pull();
    const response = await fetch(`${running.url}/couples/${paired.couple.id}/events`, {
      headers: { Authorization: `Bearer ${paired.tokens.ana}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({
      error: { code: 'rate-limited', where: 'Authorization' },
    });
    // Kai's token has its own allowance.
    expect((await paired.kai.pull()).events).toEqual([]);
    // Tokens come back with time.
    now += 2_000;
    expect((await paired.ana.pull()).events).toEqual([]);
  });

  it('limits pairing and unknown tokens by client address, so codes and tokens cannot be guessed fast', async () => {
    running = await startTestServer(backend, {
      now: () => 0,
      rateLimit: { capacity: 2, refillPerSecond: 0.01 },
    });
    const wrong = { id: 'kai', timeZone: 'UTC' };
    const device = await newPairingDevice();
    await expect(
      running.client.joinCouple('AAAA-AAAA', wrong, undefined, device),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      running.client.joinCouple('AAAA-AAAB', wrong, undefined, device),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      running.client.joinCouple('AAAA-AAAC', wrong, undefined, device),
    ).rejects.toMatchObject({
      status: 429,
      code: 'rate-limited',
    });
    const guess = running.client.forPartner({ couple: 'c-0000000000000000', token: 'guess' });
    await expect(guess.getCouple()).rejects.toMatchObject({ status: 429 });
  });
});
