import {
  type Couple,
  createEngine,
  type Engine,
  type LoggedEvent,
  nineStepProgram,
} from '@attune/core';
import {
  createAesGcmCipher,
  createDeviceSigner,
  exportSigningPublicKey,
  generateAesGcmKey,
  generateDeviceSigningKey,
  introduceDevice,
  type PayloadCipher,
  signEvents,
} from '@attune/core/crypto';
import { erasePartner } from '@attune/core/sync';
import { type RelayEvent, SyncServerError } from '@attune/example-sync-server/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRelay, memorySigningStore, pairedSigning } from './memory-relay.js';
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

/**
 * A relay in memory that checks signatures as the server does (`memory-relay.ts`), and each phone's
 * signing keys as pairing left them: Ana's phone paired as `ana` and Kai's as `kai`.
 */
async function setUp(devices: { readonly ana?: string; readonly kai?: string } = {}) {
  const { bindings, stores } = await pairedSigning(couple, {
    ana: devices.ana ?? 'ana-phone',
    kai: devices.kai ?? 'kai-phone',
  });
  return { relay: memoryRelay(couple, bindings), stores, bindings } as const;
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
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    for (let i = 0; i < 1_200; i++) ana.completeExercise('ana', 'safe-space-basics');
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
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
      signing: stores.kai,
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
    });
    expect(kai.getEvents().filter((event) => event.partner === 'ana')).toHaveLength(1_200);
  });

  it('picks up where it left off after a reload: nothing is sent twice', async () => {
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const options = { engine: ana, couple, self: 'ana', signing: stores.ana, device: 'ana-phone' };
    await syncOnce({ ...options, sync: relay.forPartner('ana') });
    const sentFirst = relay.uploads.flatMap((upload) => upload.events).length;

    ana.completeExercise('ana', 'what-feels-safe');
    await syncOnce({ ...options, sync: relay.forPartner('ana') });
    const sentInAll = relay.uploads.flatMap((upload) => upload.events).length;
    expect(sentFirst).toBe(1);
    expect(sentInAll).toBe(2);
  });

  it('passes on the server’s problem code with its message, so the app can say it in its own words', async () => {
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const options = {
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
    } as const;
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
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    const kai = phone('kai-phone');
    ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-PRIVATE');
    kai.completeExercise('kai', 'safe-space-basics');
    const anaOptions = {
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
    } as const;
    const kaiOptions = {
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
    } as const;
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
    const { relay, stores } = await setUp();
    // Kai's token uploaded under this id before Ana's phone did.
    relay.owners.set('shared-id', 'kai');
    const ana = phone('shared-id');
    ana.completeExercise('ana', 'safe-space-basics');
    const before = ana.getEvents();

    const renewed = await untilReplaced({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
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
      signing: stores.ana,
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
      signing: stores.kai,
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
    });
    expect(kai.getEvents().map((event) => event.device)).toEqual([renewed.device]);
  });

  it('keeps its id when only an earlier id of this phone is refused, and sends the rest', async () => {
    // Ana's phone paired under the id it had then.
    const { relay, stores } = await setUp({ ana: 'old-id' });
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
      signing: stores.ana,
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
      signing: stores.ana,
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    expect(relay.uploads.slice(uploads).flatMap((upload) => upload.events)).toEqual([]);
  });

  it("takes a new device id when the other partner's phone introduced this one's first", async () => {
    const { relay, stores } = await setUp();
    const kaiKey = stores.kai?.saved?.keys[0]?.keys;
    if (!kaiKey) throw new Error('no key');
    const kaiSigner = createDeviceSigner({
      couple: couple.id,
      partner: 'kai',
      device: 'kai-phone',
      privateKey: kaiKey.privateKey,
    });
    await relay.forPartner('kai').introduce(
      await introduceDevice(kaiSigner, {
        couple: couple.id,
        partner: 'kai',
        device: 'd-shared',
        publicKey: await exportSigningPublicKey(kaiKey),
      }),
    );
    const ana = phone('d-shared');
    ana.completeExercise('ana', 'safe-space-basics');
    const renewed = await untilReplaced({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'd-shared',
      sync: relay.forPartner('ana'),
    });
    expect(renewed.device).not.toBe('d-shared');
    expect(renewed.states.at(-1)).toMatchObject({
      status: 'failed',
      code: 'device-of-other-partner',
    });
    expect(relay.uploads).toEqual([]);
  });

  it('leaves any other refusal of the server as it is', async () => {
    const { relay, stores } = await setUp();
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
      signing: stores.ana,
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

  it('sends everything encrypted, shares too, without its type or visibility, and the other phone reads it all', async () => {
    const { relay, stores } = await setUp();
    const cipher = await withKey();
    const ana = phone('ana-phone');
    const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-WORDS', 'private');
    ana.shareEntry('ana', entry.id);
    ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-THANKS', 'shared');
    const anaOptions = {
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      cipher,
    } as const;
    expect(await syncOnce({ ...anaOptions, sync: relay.forPartner('ana') })).toMatchObject({
      status: 'synced',
    });

    const sent = JSON.stringify(relay.uploads);
    expect(sent).not.toContain('ANA-WORDS');
    expect(sent).not.toContain('ANA-THANKS');
    expect(sent).not.toMatch(/entry-shared|answer-recorded|"visibility"|"data"/);
    expect(relay.stored.map(({ event }) => Object.keys(event))).toEqual(
      relay.stored.map(() => ['id', 'partner', 'device', 'seq', 'clock', 'encrypted', 'signature']),
    );

    const kai = phone('kai-phone');
    const kaiOptions = {
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      cipher,
    } as const;
    expect(await syncOnce({ ...kaiOptions, sync: relay.forPartner('kai') })).toMatchObject({
      status: 'synced',
    });
    expect(kai.getEvents().map((event) => event.id)).toEqual(ana.getEvents().map((e) => e.id));
    expect(JSON.stringify(kai.viewFor('kai').entries)).toContain('ANA-WORDS');
  });

  it('stops, with the reason, at an event that does not decrypt, and takes none of the page', async () => {
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
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
      signing: stores.kai,
      device: 'kai-phone',
      cipher: await withKey(),
      sync: relay.forPartner('kai'),
    });
    expect(state).toMatchObject({ status: 'failed', code: 'tampered' });
    expect(kai.getEvents()).toEqual([]);
  });

  it('sends an erasure request readable, for the server to honour, and the other phone takes it', async () => {
    const { relay, stores } = await setUp();
    const cipher = await withKey();
    const ana = phone('ana-phone');
    const kai = phone('kai-phone');
    kai.completeExercise('kai', 'safe-space-basics');
    const kaiOptions = {
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      cipher,
    } as const;
    await syncOnce({ ...kaiOptions, sync: relay.forPartner('kai') });
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
    const request = relay.stored.find(({ event }) => event.id === erased.request.id)?.event;
    expect(request).toMatchObject({ type: 'erasure-requested', data: erased.request.data });
    expect(relay.stored.filter(({ event }) => !('encrypted' in event))).toHaveLength(1);

    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      cipher,
      sync: relay.forPartner('ana'),
    });
    expect(state).toMatchObject({ status: 'synced' });
    expect(ana.getEvents().filter((event) => event.partner === 'kai')).toEqual([erased.request]);
  });

  it('refuses a readable share: only erasure requests may come readable', async () => {
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-WORDS', 'private');
    ana.shareEntry('ana', entry.id);
    // Sent without the key, as a relay making up a share of its own would hand it on.
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    relay.tamper = (events) =>
      events.filter((event) => 'type' in event && event.type === 'entry-shared');
    const kai = phone('kai-phone');
    const state = await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      cipher: await withKey(),
      sync: relay.forPartner('kai'),
    });
    expect(state).toMatchObject({ status: 'failed', code: 'not-encrypted' });
    expect(kai.getEvents()).toEqual([]);
  });

  it('sends at once what the engine records as it receives, not at the next poll', async () => {
    const { relay, stores } = await setUp();
    const cipher = await withKey();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      cipher,
      sync: relay.forPartner('ana'),
    });
    // Kai's engine records an event of its own when Ana's arrive, as it reveals a sealed answer
    // once the other partner answered the same prompt.
    const kai = phone('kai-phone');
    const receive = kai.receive.bind(kai);
    let recorded: LoggedEvent | undefined;
    kai.receive = (events) => {
      const result = receive(events);
      recorded ??= kai.startExercise('kai', 'safe-space-basics');
      return result;
    };
    const uploaded = new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('not sent before the next poll')), 5_000);
      const stop = startRelaySync({
        engine: kai,
        couple,
        self: 'kai',
        signing: stores.kai,
        device: 'kai-phone',
        cipher,
        sync: relay.forPartner('kai'),
        pollMs: 60_000,
        onHistoryReplaced: () => reject(new Error('history replaced')),
        onState: () => {
          if (!relay.stored.some(({ event }) => event.id === recorded?.id)) return;
          clearTimeout(timeout);
          stop();
          resolve();
        },
      });
    });
    await uploaded;
    expect(relay.uploads.at(-1)?.events.map((event) => event.id)).toEqual([recorded?.id]);
  });

  it('refuses a readable event that should have come encrypted', async () => {
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    // Sent without the key, as a server making up events of its own would.
    await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    const kai = phone('kai-phone');
    const state = await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      cipher: await withKey(),
      sync: relay.forPartner('kai'),
    });
    expect(state).toMatchObject({ status: 'failed', code: 'not-encrypted' });
    expect(kai.getEvents()).toEqual([]);
  });
});

describe('startRelaySync signing what it sends, and checking what arrives', () => {
  const withKey = async () => createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });

  it.each([
    ['without', false],
    ['with', true],
  ])(
    'signs every event it sends, %s the couple key, and the other phone takes them in',
    async (_, encrypted) => {
      const { relay, stores } = await setUp();
      const cipher = encrypted ? await withKey() : undefined;
      const ana = phone('ana-phone');
      const entry = ana.answer('ana', 'what-feels-safe', 'safe', 'ANA-WORDS', 'private');
      ana.shareEntry('ana', entry.id);
      ana.completeExercise('ana', 'safe-space-basics');
      const common = { couple, ...(cipher && { cipher }) };
      expect(
        await syncOnce({
          ...common,
          engine: ana,
          self: 'ana',
          signing: stores.ana,
          device: 'ana-phone',
          sync: relay.forPartner('ana'),
        }),
      ).toMatchObject({ status: 'synced' });
      const sent = relay.uploads.flatMap((upload) => upload.events);
      expect(sent).toHaveLength(3);
      expect(sent.every((event) => /^[\w-]{86}$/.test(event.signature ?? ''))).toBe(true);
      expect(sent.some((event) => 'encrypted' in event)).toBe(encrypted);

      const kai = phone('kai-phone');
      expect(
        await syncOnce({
          ...common,
          engine: kai,
          self: 'kai',
          signing: stores.kai,
          device: 'kai-phone',
          sync: relay.forPartner('kai'),
        }),
      ).toMatchObject({ status: 'synced' });
      expect(kai.getEvents()).toEqual(ana.getEvents());
      // The engine keeps no signature: it is for the way, not part of the event.
      expect(JSON.stringify(kai.getEvents())).not.toContain('signature');
    },
  );

  it("sends only what this phone can sign: its own device's events", async () => {
    const { relay, stores } = await setUp();
    // Ana's tablet recorded one too; this phone holds it but holds no key of the tablet's.
    const tablet = phone('ana-tablet');
    tablet.completeExercise('ana', 'what-feels-safe');
    const ana = createEngine({
      program: nineStepProgram,
      couple,
      device: 'ana-phone',
      events: tablet.getEvents(),
      now: () => Date.UTC(2026, 0, 6),
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
    ana.completeExercise('ana', 'safe-space-basics');
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    expect(state.status).toBe('synced');
    const sent = relay.uploads.flatMap((upload) => upload.events);
    expect(sent.map((event) => event.device)).toEqual(['ana-phone']);
  });

  it('introduces a new device id with the key it paired with, and the other phone learns it from the relay', async () => {
    const { relay, stores } = await setUp();
    // The history's store gave this phone another id than the one it paired with.
    const ana = phone('d-0a1b2c');
    ana.completeExercise('ana', 'safe-space-basics');
    const options = {
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'd-0a1b2c',
      sync: relay.forPartner('ana'),
    } as const;
    expect(await syncOnce(options)).toMatchObject({ status: 'synced' });
    expect(relay.introductions).toMatchObject([
      { partner: 'ana', device: 'd-0a1b2c', by: 'ana-phone' },
    ]);
    // Kept, with the new key, for the next start; which sends the introduction again, harmlessly.
    expect(stores.ana.saved?.keys.map((held) => held.device)).toEqual(['ana-phone', 'd-0a1b2c']);
    expect(stores.ana.saved?.introductions).toEqual(relay.introductions);
    expect(await syncOnce(options)).toMatchObject({ status: 'synced' });
    expect(stores.ana.saved?.keys).toHaveLength(2);

    const kai = phone('kai-phone');
    const kaiOptions = {
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
    } as const;
    expect(await syncOnce(kaiOptions)).toMatchObject({ status: 'synced' });
    expect(kai.getEvents().map((event) => event.id)).toEqual(['d-0a1b2c:1']);
    expect(stores.kai.saved?.introductions).toEqual(relay.introductions);
  });

  /** Ana's phone sends one event; what reaches Kai's phone is up to `tamper`. */
  async function kaiReceives(
    tamper: (events: RelayEvent[]) => RelayEvent[],
    cipher?: PayloadCipher,
  ) {
    const { relay, stores, bindings } = await setUp();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const common = { couple, ...(cipher && { cipher }) };
    await syncOnce({
      ...common,
      engine: ana,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    relay.tamper = (events, partner) => (partner === 'kai' ? tamper(events) : events);
    const kai = phone('kai-phone');
    let replaced = false;
    const state = await syncOnce({
      ...common,
      engine: kai,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
      onHistoryReplaced: () => {
        replaced = true;
      },
    });
    return { state, kai, replaced, bindings, relay, stores };
  }

  it.each([
    ['its clock moved back', (event: RelayEvent) => ({ ...event, clock: { wall: 1, counter: 0 } })],
    ['shared as private', (event: RelayEvent) => ({ ...event, visibility: 'private' as const })],
    ['under another id', (event: RelayEvent) => ({ ...event, id: 'ana-phone:2', seq: 2 })],
    ['in the other partner’s name', (event: RelayEvent) => ({ ...event, partner: 'kai' })],
    [
      'with its signature changed',
      (event: RelayEvent) => ({
        ...event,
        signature: `${event.signature?.startsWith('A') ? 'B' : 'A'}${event.signature?.slice(1)}`,
      }),
    ],
  ])(
    'stops, with the reason, at an event changed on the way (%s), and takes none of the page',
    async (_, change) => {
      const { state, kai, replaced } = await kaiReceives((events) =>
        events.map((event) => change(event) as RelayEvent),
      );
      expect(state).toMatchObject({ status: 'failed', code: 'forged-event' });
      expect(syncProblemKey(state.status === 'failed' ? state.code : undefined)).toBe(
        'sync.problem.not-signed',
      );
      expect(kai.getEvents()).toEqual([]);
      expect(replaced).toBe(false);
    },
  );

  it('refuses a changed encrypted event before decrypting it', async () => {
    const { state, kai } = await kaiReceives(
      (events) => events.map((event) => ({ ...event, visibility: 'sealed' })),
      await withKey(),
    );
    expect(state).toMatchObject({ status: 'failed', code: 'forged-event' });
    expect(kai.getEvents()).toEqual([]);
  });

  it('refuses an erasure request that no phone signed, as a relay could make one up', async () => {
    const { state, kai, replaced } = await kaiReceives((events) => {
      const [first] = events as [LoggedEvent & { signature?: string }];
      const { signature: _, ...unsigned } = first;
      const erasure = {
        ...unsigned,
        id: 'ana-phone:9',
        seq: 9,
        type: 'erasure-requested',
        data: { partner: 'ana', before: { wall: Number.MAX_SAFE_INTEGER, counter: 0 } },
      };
      return [...events, erasure as RelayEvent];
    });
    expect(state).toMatchObject({ status: 'failed', code: 'unsigned-event' });
    expect(syncProblemKey('unsigned-event')).toBe('sync.problem.not-signed');
    // Not even the genuine event of the page: a page is taken whole or not at all.
    expect(kai.getEvents()).toEqual([]);
    expect(replaced).toBe(false);
  });

  it("refuses an event in Ana's name signed by Kai's phone", async () => {
    const { relay, stores } = await setUp();
    const kaiKeys = stores.kai.saved?.keys[0]?.keys.privateKey;
    if (!kaiKeys) throw new Error('no key');
    const forged = phone('kai-phone').completeExercise('ana', 'safe-space-basics');
    const signer = createDeviceSigner({
      couple: couple.id,
      partner: 'ana',
      device: 'kai-phone',
      privateKey: kaiKeys,
    });
    const [event] = await signEvents([forged], signer);
    relay.stored.push({ position: 1, recipient: 'ana', event: event as RelayEvent });
    const ana = phone('ana-phone');
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
    });
    expect(state).toMatchObject({ status: 'failed', code: 'forged-event' });
    expect(ana.getEvents()).toEqual([]);
  });

  it('refuses the event of a device the relay introduced with a key of its own', async () => {
    const { state, kai, relay, stores } = await kaiReceives((events) => events);
    expect(state.status).toBe('synced');
    // The relay binds a device of its own to Ana, "introduced" by her phone, and writes from it.
    const keys = await generateDeviceSigningKey();
    const asAnasPhone = createDeviceSigner({
      couple: couple.id,
      partner: 'ana',
      device: 'ana-phone',
      privateKey: keys.privateKey,
    });
    relay.introductions.push(
      await introduceDevice(asAnasPhone, {
        couple: couple.id,
        partner: 'ana',
        device: 'relay-made',
        publicKey: await exportSigningPublicKey(keys),
      }),
    );
    const made = phone('relay-made').completeExercise('ana', 'what-feels-safe');
    const [event] = await signEvents(
      [made],
      createDeviceSigner({
        couple: couple.id,
        partner: 'ana',
        device: 'relay-made',
        privateKey: keys.privateKey,
      }),
    );
    relay.stored.push({ position: 2, recipient: 'kai', event: event as RelayEvent });
    const before = kai.getEvents();
    const again = await syncOnce({
      engine: kai,
      couple,
      self: 'kai',
      signing: stores.kai,
      device: 'kai-phone',
      sync: relay.forPartner('kai'),
    });
    // Its keyring refused the introduction, so the device stays unknown, and its event with it.
    expect(again).toMatchObject({ status: 'failed', code: 'unknown-device' });
    expect(kai.getEvents()).toEqual(before);
    expect(stores.kai.saved?.introductions).toEqual([]);
  });

  it('refuses a page of another couple', async () => {
    const { relay, stores } = await setUp();
    const ana = phone('ana-phone');
    const state = await syncOnce({
      engine: ana,
      couple,
      self: 'ana',
      signing: stores.ana,
      device: 'ana-phone',
      sync: {
        ...relay.forPartner('ana'),
        pull: async (since) => ({
          ...(await relay.forPartner('ana').pull(since)),
          couple: 'c-other',
        }),
      },
    });
    expect(state).toMatchObject({ status: 'failed', code: 'wrong-page' });
    expect(syncProblemKey('wrong-page')).toBe('sync.problem.not-signed');
  });

  it('asks to pair again, once and for good, when this phone holds no signing key for the couple', async () => {
    const { relay } = await setUp();
    const ana = phone('ana-phone');
    ana.completeExercise('ana', 'safe-space-basics');
    const states: SyncState[] = [];
    const stop = startRelaySync({
      engine: ana,
      couple,
      self: 'ana',
      // Paired before the app signed: nothing kept.
      signing: memorySigningStore(),
      device: 'ana-phone',
      sync: relay.forPartner('ana'),
      pollMs: 10,
      onState: (state) => states.push(state),
      onHistoryReplaced: () => {},
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop();
    expect(states.filter((state) => state.status === 'failed')).toEqual([
      expect.objectContaining({ status: 'failed', code: 'signing-missing' }),
    ]);
    expect(syncProblemKey('signing-missing')).toBe('sync.problem.pair-again');
    expect(relay.uploads).toEqual([]);
  });
});
