import type { Engine } from '@attune/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestPhone } from '../testing/phone.js';
import { allClear } from '../testing/safety-answers.js';
import { storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';

const SECRET = 'only-ana-knows-this';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.remove();
  running = undefined;
});

/** Progress without the counters that differ when one phone holds private entries the other lacks. */
const progressOf = (engine: Engine) => {
  const { version: _version, events: _events, ...rest } = engine.getSnapshot();
  return JSON.stringify(rest);
};

describe.each(storeBackends)('sync between two partners ($name)', (backend) => {
  it('carries shared events both ways, and both phones show the same progress', async () => {
    running = await startTestServer(backend);
    const paired = await pairCouple(running.client);
    let now = paired.couple.startedAt + 3_600_000;
    const clock = () => now;
    const ana = createTestPhone({
      couple: paired.couple,
      partner: 'ana',
      device: 'ana-phone',
      sync: paired.ana,
      now: clock,
    });
    const kai = createTestPhone({
      couple: paired.couple,
      partner: 'kai',
      device: 'kai-phone',
      sync: paired.kai,
      now: clock,
    });

    ana.engine.completeExercise('ana', 'safe-space-basics');
    const secret = ana.engine.answer('ana', 'what-feels-safe', 'safe', SECRET, 'private');
    ana.engine.takeSafetyCheck('ana', 'safety-check', allClear);
    now += 60_000;
    kai.engine.completeExercise('kai', 'safe-space-basics');
    kai.engine.recordCheckIn('kai', 'weekly-check-in', { closeness: 4 });

    await ana.push();
    await kai.push();
    await ana.pull();
    await kai.pull();

    expect(progressOf(kai.engine)).toBe(progressOf(ana.engine));
    const kaiHolds = kai.engine.getEvents();
    expect(kaiHolds.some((event) => event.id === secret.id)).toBe(false);
    expect(kaiHolds.some((event) => event.type === 'safety-check-taken')).toBe(false);
    expect(JSON.stringify(kaiHolds)).not.toContain(SECRET);
    expect(ana.engine.getEvents().filter((event) => event.partner === 'kai')).toHaveLength(2);

    // Pushing and pulling again changes nothing: the cursors remember what went where.
    await ana.push();
    await kai.pull();
    expect(kai.engine.getEvents()).toHaveLength(kaiHolds.length);

    // Ana shares her entry: now it travels, with the share, and Kai can read it.
    now += 60_000;
    ana.engine.shareEntry('ana', secret.id);
    await ana.push();
    await kai.pull();
    const entry = kai.engine.viewFor('kai').entries.find((item) => item.id === secret.id);
    expect(entry?.data).toMatchObject({ text: SECRET });
  });

  it('pages through a long history, and a page boundary never hides a shared entry', async () => {
    running = await startTestServer(backend, { pageSize: 2 });
    const paired = await pairCouple(running.client);
    const now = () => paired.couple.startedAt + 3_600_000;
    const ana = createTestPhone({
      couple: paired.couple,
      partner: 'ana',
      device: 'ana-phone',
      sync: paired.ana,
      now,
    });
    const kai = createTestPhone({
      couple: paired.couple,
      partner: 'kai',
      device: 'kai-phone',
      sync: paired.kai,
      now,
    });
    // One event first, so that pages of two end between each entry and its share.
    ana.engine.completeExercise('ana', 'safe-space-basics');
    for (const prompt of ['safe', 'shut-down', 'open-up']) {
      const entry = ana.engine.answer('ana', 'what-feels-safe', prompt, `about ${prompt}`);
      ana.engine.shareEntry('ana', entry.id);
    }
    await ana.push();
    await kai.pull();
    const texts = kai.engine
      .viewFor('kai')
      .entries.flatMap((item) => (item.type === 'answer-recorded' ? [item.data] : []));
    expect(texts).toHaveLength(3);
  });

  it('keeps every stored event across a restart', async () => {
    running = await startTestServer(backend);
    const paired = await pairCouple(running.client);
    const now = () => paired.couple.startedAt + 3_600_000;
    const ana = createTestPhone({
      couple: paired.couple,
      partner: 'ana',
      device: 'ana-phone',
      sync: paired.ana,
      now,
    });
    ana.engine.completeExercise('ana', 'safe-space-basics');
    ana.engine.recordCheckIn('ana', 'weekly-check-in', { closeness: 5, fun: 3 });
    await ana.push();
    const before = await paired.kai.pull();
    expect(before.events).toHaveLength(2);

    const { database } = running;
    await running.stop();
    running = await startTestServer(backend, { database });
    const client = running.client;
    // The tokens and the couple survive too: the same credentials work on the new process.
    const kai = client.forPartner({ couple: paired.couple.id, token: paired.tokens.kai });
    expect(await kai.getCouple()).toMatchObject({ couple: paired.couple, paired: true });
    const after = await kai.pull();
    expect(after.events).toEqual(before.events);
    expect(after.next).toBe(before.next);
    expect((await kai.pull(after.next)).events).toEqual([]);
  });
});
