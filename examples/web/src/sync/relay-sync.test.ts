import {
  type Couple,
  createEngine,
  type Engine,
  type LoggedEvent,
  nineStepProgram,
} from '@attune/core';
import { createAesGcmCipher, generateAesGcmKey } from '@attune/core/crypto';
import { erasePartner, type SyncBatch } from '@attune/core/sync';
import {
  type PartnerSync,
  type PullResult,
  type RelayEvent,
  SyncServerError,
} from '@attune/example-sync-server/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RelaySyncOptions, type SyncState, startRelaySync } from './relay-sync.js';
import { uploadChunks } from './upload-chunks.js';

const couple: Couple = {
  id: 'couple-1',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5),
};

/**
 * A relay in memory, as the example server behaves for these tests: it numbers what arrives and
 * hands each partner, in pages, what was sent to them.
 */
function memoryRelay() {
  const stored: { position: number; recipient: string; event: RelayEvent }[] = [];
  const uploads: SyncBatch<RelayEvent>[] = [];
  const forPartner = (partner: string): PartnerSync => ({
    getCouple: async () => ({ couple, partner, paired: true, publicKeys: {} }),
    renewCode: async () => {
      throw new Error('paired');
    },
    cancelCouple: async () => {
      throw new Error('paired');
    },
    async upload(batch) {
      uploads.push(batch);
      for (const event of batch.events) {
        if (stored.some((item) => item.event.id === event.id)) continue;
        stored.push({ position: stored.length + 1, recipient: batch.recipient, event });
      }
      return { stored: batch.events.length, duplicates: 0, erased: 0, conflicts: [] };
    },
    async pull(since = 0): Promise<PullResult> {
      const mine = stored.filter((item) => item.recipient === partner && item.position > since);
      const page = mine.slice(0, 100);
      return {
        format: 'attune-sync',
        version: 1,
        couple: couple.id,
        recipient: partner,
        events: page.map((item) => item.event),
        next: page.at(-1)?.position ?? since,
        more: mine.length > page.length,
      };
    },
  });
  return { stored, uploads, forPartner };
}

function phone(device: string): Engine {
  return createEngine({
    program: nineStepProgram,
    couple,
    device,
    now: () => Date.UTC(2026, 0, 6),
    maxFutureMs: Number.POSITIVE_INFINITY,
  });
}

/** Runs the sync until its first round settles, then stops it; resolves with the last state. */
async function syncOnce(
  options: Omit<RelaySyncOptions, 'onState' | 'onHistoryReplaced'> &
    Partial<Pick<RelaySyncOptions, 'onHistoryReplaced'>>,
): Promise<SyncState> {
  return new Promise((resolve) => {
    const stop = startRelaySync({
      onHistoryReplaced: () => {
        stop();
        resolve({ status: 'syncing' });
      },
      ...options,
      pollMs: 60_000,
      onState: (state) => {
        if (state.status === 'syncing') return;
        stop();
        resolve(state);
      },
    });
  });
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('startRelaySync', () => {
  it('sends a long history in uploads small enough for the server, and the other phone gets it all', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    for (let i = 0; i < 1_200; i++) ana.completeExercise('ana', 'safe-space-basics');
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    expect(state.status).toBe('synced');
    expect(relay.uploads.length).toBeGreaterThan(2);
    for (const upload of relay.uploads) {
      expect(upload.events.length).toBeLessThanOrEqual(500);
      expect(JSON.stringify(upload).length).toBeLessThan(1024 * 1024);
    }

    const kai = phone('kai-phone');
    await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
    });
    expect(kai.getEvents().filter((event) => event.partner === 'ana')).toHaveLength(1_200);
  });

  it('picks up where it left off after a reload: nothing is sent twice', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const options = { engine: ana, couple, self: 'ana', device: 'ana-phone' };
    await syncOnce({ ...options, sync: relay.forPartner('ana') });
    const sentFirst = relay.uploads.flatMap((upload) => upload.events).length;

    ana.completeExercise('ana', 'what-feels-safe');
    await syncOnce({ ...options, sync: relay.forPartner('ana') });
    const sentInAll = relay.uploads.flatMap((upload) => upload.events).length;
    expect(sentFirst).toBe(1);
    expect(sentInAll).toBe(2);
  });

  it('passes on the server’s problem code with its message, so the app can say it in its own words', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const options = { engine: ana, couple, self: 'ana', device: 'ana-phone' } as const;
    const refusal = new SyncServerError(429, {
      code: 'rate-limited',
      message: 'Too many requests in a short time',
      where: 'Authorization',
      fix: 'Wait 3 s (Retry-After) and try again',
    });
    const refused = await syncOnce({
      ...options,
      sync: { ...relay.forPartner('ana'), upload: () => Promise.reject(refusal) },
    });
    expect(refused).toEqual({ status: 'failed', code: 'rate-limited', message: refusal.message });

    // What is not the server's refusal has no code: its message is all there is to show.
    const broken = await syncOnce({
      ...options,
      sync: { ...relay.forPartner('ana'), pull: () => Promise.reject(new SyntaxError('bad page')) },
    });
    expect(broken).toEqual({ status: 'failed', message: 'bad page' });
  });

  it('never sends a private answer, and starts the history anew when the partner erases theirs', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    const kai = phone('kai-phone');
    ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-PRIVATE');
    kai.completeExercise('kai', 'safe-space-basics');
    const anaOptions = { engine: ana, couple, self: 'ana', device: 'ana-phone' } as const;
    const kaiOptions = { engine: kai, couple, self: 'kai', device: 'kai-phone' } as const;
    await syncOnce({ ...anaOptions, sync: relay.forPartner('ana') });
    await syncOnce({ ...kaiOptions, sync: relay.forPartner('kai') });
    await syncOnce({ ...anaOptions, sync: relay.forPartner('ana') });
    expect(JSON.stringify(relay.uploads)).not.toContain('ANA-PRIVATE');
    expect(ana.getEvents().some((event) => event.partner === 'kai')).toBe(true);

    // Kai erases his entries; his phone sends the signed-off request.
    const erased = erasePartner(kai.getEvents(), { couple, partner: 'kai', device: 'kai-phone' });
    const kaiAfter = createEngine({
      program: nineStepProgram,
      couple,
      device: 'kai-phone',
      events: erased.events,
      now: () => Date.UTC(2026, 0, 6),
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
    await syncOnce({ ...kaiOptions, engine: kaiAfter, sync: relay.forPartner('kai') });

    const replaced = await new Promise<readonly LoggedEvent[]>((resolve) => {
      const stop = startRelaySync({
        ...anaOptions,
        sync: relay.forPartner('ana'),
        pollMs: 60_000,
        onState: () => {},
        onHistoryReplaced: (events, device) => {
          stop();
          expect(device).toBe('ana-phone');
          resolve(events);
        },
      });
    });
    expect(
      replaced.some((event) => event.partner === 'kai' && event.type !== 'erasure-requested'),
    ).toBe(false);
    expect(replaced.some((event) => event.partner === 'ana')).toBe(true);
  });
});

describe('uploadChunks', () => {
  it('keeps the order and cuts by count and by size, giving an oversized event a run of its own', () => {
    const events = [{ text: 'a' }, { text: 'b' }, { text: 'x'.repeat(300) }, { text: 'c' }];
    const chunks = uploadChunks(events, { maxEvents: 2, maxBytes: 100 });
    expect(chunks).toEqual([[events[0], events[1]], [events[2]], [events[3]]]);
    expect(chunks.flat()).toEqual(events);
    expect(uploadChunks([], { maxEvents: 2, maxBytes: 100 })).toEqual([]);
  });
});

describe('startRelaySync with the couple key', () => {
  const withKey = async () => createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });

  it('sends what a partner writes encrypted and a share readable, and the other phone reads both', async () => {
    const relay = memoryRelay();
    const cipher = await withKey();
    const ana = phone('ana-phone');
    const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-WORDS', 'private');
    ana.shareEntry('ana', entry.id);
    ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-THANKS', 'shared');
    const anaOptions = { engine: ana, couple, self: 'ana', device: 'ana-phone', cipher } as const;
    expect(await syncOnce({ ...anaOptions, sync: relay.forPartner('ana') })).toMatchObject({
      status: 'synced',
    });

    const sent = JSON.stringify(relay.uploads);
    expect(sent).not.toContain('ANA-WORDS');
    expect(sent).not.toContain('ANA-THANKS');
    const share = relay.stored.find((item) => item.event.type === 'entry-shared')?.event;
    expect(share).toMatchObject({ data: { entry: entry.id } });
    expect(share).not.toHaveProperty('encrypted');

    const kai = phone('kai-phone');
    const kaiOptions = { engine: kai, couple, self: 'kai', device: 'kai-phone', cipher } as const;
    expect(await syncOnce({ ...kaiOptions, sync: relay.forPartner('kai') })).toMatchObject({
      status: 'synced',
    });
    expect(kai.getEvents().map((event) => event.id)).toEqual(ana.getEvents().map((e) => e.id));
    expect(JSON.stringify(kai.viewFor('kai').entries)).toContain('ANA-WORDS');
  });

  it('stops, with the reason, at an event that does not decrypt, and takes none of the page', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      device: 'ana-phone',
      cipher: await withKey(),
      sync: relay.forPartner('ana'),
    });
    // Kai's phone holds another key, as it would if the server had swapped the public keys.
    const kai = phone('kai-phone');
    const state = await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      device: 'kai-phone',
      cipher: await withKey(),
      sync: relay.forPartner('kai'),
    });
    expect(state).toMatchObject({ status: 'failed', code: 'tampered' });
    expect(kai.getEvents()).toEqual([]);
  });

  it('refuses a readable event that should have come encrypted', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    // Sent without the key, as a server making up events of its own would.
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    const kai = phone('kai-phone');
    const state = await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      device: 'kai-phone',
      cipher: await withKey(),
      sync: relay.forPartner('kai'),
    });
    expect(state).toMatchObject({ status: 'failed', code: 'not-encrypted' });
    expect(kai.getEvents()).toEqual([]);
  });
});
