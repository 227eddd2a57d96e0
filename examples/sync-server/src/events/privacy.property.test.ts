import { createEngine, type LoggedEvent } from '@attune/core';
import {
  createAesGcmCipher,
  decryptEvents,
  encryptEvents,
  generateAesGcmKey,
  isEncryptedEvent,
  type PayloadCipher,
} from '@attune/core/crypto';
import { exportEvents, relayReadableEventTypes } from '@attune/core/sync';
import { type SimulatedBehaviour, simulateCouple } from '@attune/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../testing/stores.js';
import { pairCouple, startTestServer, type TestServer } from '../testing/test-server.js';
import { isPlain, type RelayEvent } from './relay-event.js';

const PRIVATE = 'PRIVATE-MARKER-7f3a';
const behaviours: readonly SimulatedBehaviour[] = [
  'engaged',
  'uneven',
  'paused',
  'diverging',
  'unsafe',
];

/** Every page a partner can pull, from the start. */
async function pullAll(
  pull: (since: number) => Promise<{ events: readonly RelayEvent[]; next: number; more: boolean }>,
) {
  const events: RelayEvent[] = [];
  let since = 0;
  for (;;) {
    const page = await pull(since);
    events.push(...page.events);
    since = page.next;
    if (!page.more) return events;
  }
}

describe.each(storeBackends)('privacy through the relay ($name)', (backend) => {
  let running: TestServer;
  let cipher: PayloadCipher;
  beforeAll(async () => {
    running = await startTestServer(backend);
    cipher = createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });
  });
  afterAll(async () => {
    await running?.remove();
  });

  /** Pulled events as the phone reads them: decrypted, where it encrypts. */
  async function opened(events: readonly RelayEvent[], encrypted: boolean): Promise<LoggedEvent[]> {
    const allowPlain = encrypted ? relayReadableEventTypes : true;
    const result = await decryptEvents(events, cipher, { allowPlain });
    expect(result.rejected).toEqual([]);
    return result.events as LoggedEvent[];
  }

  it("never gives a partner the other's unshared private entries or safety checks, whatever a plain client uploads", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...behaviours),
        fc.integer({ min: 7, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        async (seed, behaviour, days, shareRatio, encrypted) => {
          // Phones that encrypt leave plain only erasure requests; older phones send all plain.
          const sent = async (events: readonly LoggedEvent[]) =>
            encrypted
              ? encryptEvents(events, cipher, { plainTypes: relayReadableEventTypes })
              : events;
          const simulated = simulateCouple({ days, seed, behaviour, privateMarker: PRIVATE });
          const paired = await pairCouple(running.client, simulated.couple.startedAt);
          const couple = { ...simulated.couple, id: paired.couple.id };
          const end = simulated.couple.startedAt + (days + 1) * 86_400_000;

          // Ana shares some of her private entries, as a partner may.
          const ana = createEngine({
            program: simulated.program,
            couple,
            device: 'ana-phone',
            events: simulated.events,
            now: () => end,
          });
          const anaEntries = ana
            .getEvents()
            .filter((event) => event.partner === 'ana' && event.visibility === 'private');
          const shared = new Set(
            anaEntries
              .filter(
                (event, i) => event.type !== 'safety-check-taken' && (i * 0.37) % 1 < shareRatio,
              )
              .map((event) => {
                ana.shareEntry('ana', event.id);
                return event.id;
              }),
          );
          const all = ana.getEvents();

          for (const [partner, sync, recipient] of [
            ['ana', paired.ana, 'kai'],
            ['kai', paired.kai, 'ana'],
          ] as const) {
            const own = all.filter((event) => event.partner === partner);
            // What a careless or hostile client tries: everything it holds, private or not. The
            // relay can judge only what it can read; a client that encrypts judges for itself.
            if (!encrypted) {
              const raw = { ...exportEvents(own, { couple, recipient }), events: own };
              const hasPrivate = own.some(
                (event) =>
                  event.type === 'safety-check-taken' ||
                  (event.visibility === 'private' && !shared.has(event.id)),
              );
              const refused = await sync.upload(raw).then(
                () => false,
                (error: { status?: number }) => error.status === 422,
              );
              expect(refused).toBe(hasPrivate);
            }
            // What a well-behaved client sends: the core's export for the other partner.
            const batch = exportEvents(own, { couple, recipient });
            await sync.upload({ ...batch, events: await sent(batch.events) });
          }
          if (encrypted) {
            const held = await running.store.readEvents(couple.id, 0, Number.MAX_SAFE_INTEGER);
            expect(JSON.stringify(held)).not.toContain(PRIVATE);
          }

          const kaiPulled = await pullAll((since) => paired.kai.pull(since));
          const anaPulled = await pullAll((since) => paired.ana.pull(since));
          if (encrypted) {
            const readable = [...kaiPulled, ...anaPulled].filter(isPlain);
            expect(readable.every((event) => event.type === 'erasure-requested')).toBe(true);
          }
          const kaiGot = await opened(kaiPulled, encrypted);
          const anaGot = await opened(anaPulled, encrypted);
          for (const event of kaiGot) {
            if (event.partner !== 'ana') continue;
            expect(event.type).not.toBe('safety-check-taken');
            if (event.visibility === 'private') expect(shared.has(event.id)).toBe(true);
          }
          const unshared = anaEntries.filter((event) => !shared.has(event.id));
          const kaiText = JSON.stringify(kaiGot);
          for (const event of unshared) expect(kaiText).not.toContain(`"${event.id}"`);
          expect(JSON.stringify(anaGot)).not.toContain('"type":"safety-check-taken"');
          // Each partner holds exactly what the relay may keep: what both partners may hold.
          const mayHold = (recipient: string) =>
            new Set(exportEvents(all, { couple, recipient }).events.map((event) => event.id));
          const forAna = mayHold('ana');
          const forBoth = [...mayHold('kai')].filter((id) => forAna.has(id)).sort();
          expect(kaiGot.map((event) => event.id).sort()).toEqual(forBoth);
          expect(anaGot.map((event) => event.id).sort()).toEqual(forBoth);
        },
      ),
      { numRuns: 8, seed: 20_260_105 },
    );
  }, 60_000);

  it('filters plain events on the way out too: a private entry that got into storage another way stays there', async () => {
    const simulated = simulateCouple({
      days: 14,
      seed: 11,
      behaviour: 'unsafe',
      privateMarker: PRIVATE,
    });
    const paired = await pairCouple(running.client, simulated.couple.startedAt);
    // Straight into the database, past the upload checks, as a bug or an old server might have.
    await running.store.writeEvents(paired.couple.id, (tx) => tx.insert(simulated.events));
    const kaiGot = (await pullAll((since) => paired.kai.pull(since))).filter(isPlain);
    const anaGot = (await pullAll((since) => paired.ana.pull(since))).filter(isPlain);
    expect(JSON.stringify(kaiGot.filter((event) => event.partner === 'ana'))).not.toContain(
      PRIVATE,
    );
    expect(kaiGot.some((event) => event.partner === 'ana' && event.visibility === 'private')).toBe(
      false,
    );
    expect(
      anaGot.some((event) => event.partner === 'kai' && event.type === 'safety-check-taken'),
    ).toBe(false);
    // Each partner's own events all come back to them.
    expect(anaGot.filter((event) => event.partner === 'ana')).toHaveLength(
      simulated.events.filter((event) => event.partner === 'ana').length,
    );
  });

  it('hands every stored encrypted event to both partners, since it cannot read which may travel', async () => {
    const simulated = simulateCouple({ days: 7, seed: 12, behaviour: 'unsafe' });
    const paired = await pairCouple(running.client, simulated.couple.startedAt);
    const events = await encryptEvents(simulated.events, cipher);
    await running.store.writeEvents(paired.couple.id, (tx) => tx.insert(events));
    const ids = events.map((event) => event.id).sort();
    for (const sync of [paired.ana, paired.kai]) {
      const got = await pullAll((since) => sync.pull(since));
      expect(got.map((event) => event.id).sort()).toEqual(ids);
      expect(got.every((event) => isEncryptedEvent(event) && !('type' in event))).toBe(true);
    }
  });
});
