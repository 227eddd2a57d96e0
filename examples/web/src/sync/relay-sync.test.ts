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
import { syncProblemKey } from './sync-problem.js';
import { uploadChunks } from './upload-chunks.js';

const couple: Couple = {
  id: 'couple-1',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5),
};

type Problems = NonNullable<ConstructorParameters<typeof SyncServerError>[1]['problems']>;

/**
 * A relay in memory, as the example server behaves for these tests: it numbers what arrives and
 * hands each partner, in pages, what was sent to them. Like the server, it binds each device id to
 * the partner who first uploads under it (`owners`), and refuses a whole upload naming a device of
 * the other partner, `403` with `device-of-other-partner` for each such event.
 */
function memoryRelay() {
  const stored: { position: number; recipient: string; event: RelayEvent }[] = [];
  const uploads: SyncBatch<RelayEvent>[] = [];
  const owners = new Map<string, string>();
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
      const problems: Problems = batch.events.flatMap((event, index) => {
        const owner = owners.get(event.device);
        if (owner === undefined || owner === partner) return [];
        return [
          {
            index,
            code: 'device-of-other-partner',
            message: `Event "${event.id}" names device "${event.device}", which belongs to "${owner}"`,
            where: `events[${index}].device`,
            fix: 'take a new one with createDeviceId() and record from it',
          },
        ];
      });
      if (problems.length > 0) {
        throw new SyncServerError(403, {
          code: 'events-refused',
          message: `${problems.length} of ${batch.events.length} events were refused`,
          where: 'events',
          fix: 'Fix the events listed and upload the batch again',
          problems,
        });
      }
      for (const event of batch.events) {
        if (!owners.has(event.device)) owners.set(event.device, partner);
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
  return { stored, uploads, owners, forPartner };
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
    const erased = erasePartner(kai.getEvents(), {
      couple,
      self: 'kai',
      partner: 'kai',
      device: 'kai-phone',
    });
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

describe('startRelaySync when the server binds a device id to the other partner', () => {
  /** Runs the sync until it gives up this phone's id: the states it went through, and what it gave. */
  const untilReplaced = (
    options: Omit<RelaySyncOptions, 'onState' | 'onHistoryReplaced'>,
  ): Promise<{ states: SyncState[]; events: readonly LoggedEvent[]; device: string }> =>
    new Promise((resolve) => {
      const states: SyncState[] = [];
      const stop = startRelaySync({
        ...options,
        pollMs: 60_000,
        onState: (state) => states.push(state),
        onHistoryReplaced: (events, device) => {
          stop();
          resolve({ states, events, device });
        },
      });
    });

  it('takes a new device id, says so, and syncs on with it without sending the refused events again', async () => {
    const relay = memoryRelay();
    // Kai's token uploaded under this id before Ana's phone did.
    relay.owners.set('shared-id', 'kai');
    const ana = phone('shared-id');
    ana.completeExercise('ana', 'safe-space-basics');
    const before = ana.getEvents();

    const renewed = await untilReplaced({
      engine: ana,
      couple,
      self: 'ana',
      device: 'shared-id',
      sync: relay.forPartner('ana'),
    });
    expect(renewed.device).not.toBe('shared-id');
    expect(renewed.device).toMatch(/^d-[0-9a-f]+$/);
    // The history starts again as it is, for a new engine with the new id.
    expect(renewed.events).toEqual(before);
    const said = renewed.states.at(-1);
    expect(said).toMatchObject({ status: 'failed', code: 'device-of-other-partner' });
    // In the couple's language, like every refusal the app knows.
    expect(syncProblemKey(said?.status === 'failed' ? said.code : undefined)).toBe(
      'sync.problem.device-of-other-partner',
    );
    expect(relay.stored).toEqual([]);

    // The app starts a new engine from the history, with the new id, and a new sync for it.
    const anaAfter = createEngine({
      program: nineStepProgram,
      couple,
      device: renewed.device,
      events: renewed.events,
      now: () => Date.UTC(2026, 0, 6),
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
    anaAfter.completeExercise('ana', 'what-feels-safe');
    const uploadsBefore = relay.uploads.length;
    const state = await syncOnce({
      engine: anaAfter,
      couple,
      self: 'ana',
      device: renewed.device,
      sync: relay.forPartner('ana'),
    });
    expect(state.status).toBe('synced');
    // Never again the events under the refused id: one upload, of what was recorded since.
    const sentSince = relay.uploads.slice(uploadsBefore).flatMap((upload) => upload.events);
    expect(sentSince.map((event) => event.device)).toEqual([renewed.device]);
    expect(relay.stored.map((item) => item.event.device)).toEqual([renewed.device]);
    expect(relay.owners.get(renewed.device)).toBe('ana');
    // What was recorded under the old id stays on Ana's phone.
    expect(anaAfter.getEvents().filter((event) => event.device === 'shared-id')).toEqual(before);

    const kai = phone('kai-phone');
    await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
    });
    expect(kai.getEvents().map((event) => event.device)).toEqual([renewed.device]);
  });

  it('keeps its id when only an earlier id of this phone is refused, and sends the rest', async () => {
    const relay = memoryRelay();
    relay.owners.set('old-id', 'kai');
    const earlier = phone('old-id');
    earlier.completeExercise('ana', 'safe-space-basics');
    // After a clash this phone took a new id: its history still holds what it recorded before.
    const ana = createEngine({
      program: nineStepProgram,
      couple,
      device: 'ana-phone',
      events: earlier.getEvents(),
      now: () => Date.UTC(2026, 0, 6),
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
    ana.completeExercise('ana', 'what-feels-safe');
    let replaced = false;
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
      onHistoryReplaced: () => {
        replaced = true;
      },
    });
    expect(state.status).toBe('synced');
    expect(replaced).toBe(false);
    expect(relay.stored.map((item) => item.event.device)).toEqual(['ana-phone']);

    // A reload sends nothing again, refused or not.
    const uploads = relay.uploads.length;
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    expect(relay.uploads.slice(uploads).flatMap((upload) => upload.events)).toEqual([]);
  });

  it('leaves any other refusal of the server as it is', async () => {
    const relay = memoryRelay();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const refusal = new SyncServerError(403, {
      code: 'events-refused',
      message: '1 of 1 events were refused',
      where: 'events',
      fix: 'Fix the events listed and upload the batch again',
      problems: [
        { code: 'not-your-event', message: 'not yours', where: 'events[0].partner', fix: '' },
      ],
    });
    let replaced = false;
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      device: 'ana-phone',
      sync: { ...relay.forPartner('ana'), upload: () => Promise.reject(refusal) },
      onHistoryReplaced: () => {
        replaced = true;
      },
    });
    expect(state).toEqual({ status: 'failed', code: 'events-refused', message: refusal.message });
    expect(replaced).toBe(false);
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
