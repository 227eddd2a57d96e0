import { describe, expect, it } from 'vitest';
import { createAesGcmCipher, generateAesGcmKey } from '../crypto/aes-gcm-cipher.js';
import type { PayloadCipher } from '../crypto/cipher.js';
import { decryptEvents, encryptEvents } from '../crypto/encrypted-event.js';
import { createEngine } from '../engine/create-engine.js';
import { testCouple as couple, manualClock } from '../engine/fixtures.js';
import type { Engine } from '../engine/types.js';
import type { LoggedEvent } from '../events/types.js';
import { erasePartner } from '../export/erasure.js';
import { nineStepProgram as program } from '../program/nine-step-program.js';
import { openEventStore } from '../storage/event-store.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import { persistEngine } from '../storage/persist-engine.js';
import { advanceCursor, type SyncCursor } from './cursor.js';
import { createDeviceId } from './device-id.js';
import { exportEvents, type SyncBatch } from './export-events.js';
import { importEvents } from './import-events.js';

const SECRET = 'only-ana-knows-this';

/** A backend that relays ciphertext: one mailbox per partner, read by a cursor of its own. */
function createRelay() {
  const mailboxes = new Map<string, unknown[]>();
  return {
    mailboxes,
    push(sender: string, batch: SyncBatch) {
      // The envelope stays readable: the relay refuses events not written by the signed-in partner.
      expect(batch.events.every((event) => event.partner === sender)).toBe(true);
      const box = mailboxes.get(batch.recipient) ?? [];
      box.push(...batch.events);
      mailboxes.set(batch.recipient, box);
    },
    pull(partner: string, after: number) {
      const box = mailboxes.get(partner) ?? [];
      return { events: box.slice(after), next: box.length };
    },
  };
}

/** One phone, wired as the persistence guide describes: store, engine, persistence, sync. */
async function createPhone(
  id: string,
  partner: string,
  relay: ReturnType<typeof createRelay>,
  cipher: PayloadCipher,
  now: () => number,
) {
  const store = await openEventStore({
    adapter: createMemoryAdapter(),
    couple,
    cipher,
    locks: null,
  });
  const start = (device: string, events: readonly LoggedEvent[]) =>
    createEngine({
      program,
      couple,
      device,
      events,
      trusted: true,
      now,
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
  const phone = {
    device: id,
    store,
    engine: start(id, store.events),
    persistence: undefined as unknown as ReturnType<typeof persistEngine>,
    pushed: new Map<string, SyncCursor>(),
    pulled: 0,
    clashes: 0,
    async push() {
      await phone.persistence.settled();
      // Through a relay, each phone sends only its own partner's events: the relay can then check
      // that every event it accepts is the sender's.
      const own = store.events.filter((event) => event.partner === partner);
      for (const recipient of ['ana', 'kai']) {
        const since = phone.pushed.get(recipient) ?? {};
        const batch = exportEvents(own, { couple, recipient, since });
        if (batch.events.length === 0) continue;
        relay.push(partner, { ...batch, events: await encryptEvents(batch.events, cipher) });
        phone.pushed.set(recipient, advanceCursor(since, batch.events));
      }
    },
    async pull() {
      const { events, next } = relay.pull(partner, phone.pulled);
      const opened = await decryptEvents(events, cipher);
      expect(opened.rejected).toEqual([]);
      const result = importEvents(phone.engine.getEvents(), opened.events, {
        couple,
        device: phone.device,
        self: partner,
      });
      if (result.deviceIdClash) phone.clashes++;
      if (result.dropped.length === 0 && !result.deviceIdClash) {
        phone.engine.receive(result.added);
      } else {
        // The engine cannot forget events or change its device id, so it is created again.
        await phone.persistence.settled();
        phone.persistence.stop();
        await store.replace(result.events);
        if (result.deviceIdClash) phone.device = createDeviceId();
        phone.engine = start(phone.device, store.events);
        phone.persistence = persistEngine(phone.engine, store);
      }
      phone.pulled = next;
    },
  };
  phone.persistence = persistEngine(phone.engine, store);
  return phone;
}

const withoutCount = (engine: Engine) =>
  JSON.stringify({ ...engine.getSnapshot(), version: 0, events: 0 });

describe('two phones and a relay', () => {
  it('share a history through a relay that only ever holds ciphertext', async () => {
    const relay = createRelay();
    const clock = manualClock();
    const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });
    const ana = await createPhone('ana-phone', 'ana', relay, cipher, clock.now);
    const kai = await createPhone('kai-phone', 'kai', relay, cipher, clock.now);

    ana.engine.completeExercise('ana', 'safe-space-basics');
    const secret = ana.engine.answer('ana', 'what-feels-safe', 'safe', SECRET, 'private');
    ana.engine.takeSafetyCheck('ana', 'safety-check', {
      'feel-safe': true,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    });
    clock.advance(60_000);
    kai.engine.completeExercise('kai', 'safe-space-basics');
    await ana.push();
    await kai.push();
    await ana.pull();
    await kai.pull();

    expect(withoutCount(kai.engine)).toBe(withoutCount(ana.engine));
    expect(kai.engine.getEvents().some((event) => event.id === secret.id)).toBe(false);
    expect(ana.engine.getEvents().map((event) => event.id)).toEqual(
      [...kai.engine.getEvents().map((event) => event.id), secret.id, 'ana-phone:3'].sort(),
    );
    const relayed = JSON.stringify([...relay.mailboxes]);
    expect(relayed).not.toContain(SECRET);
    expect(relayed).not.toContain('"data"');
    // Kai's mailbox never even held the ciphertext of Ana's private entry or safety check.
    expect(JSON.stringify(relay.mailboxes.get('kai'))).not.toContain(`"${secret.id}"`);
    expect(JSON.stringify(relay.mailboxes.get('kai'))).not.toContain('safety-check-taken');

    // Ana shares the entry later: now it travels, and Kai can read it.
    ana.engine.shareEntry('ana', secret.id);
    await ana.push();
    await kai.pull();
    const entry = kai.engine.viewFor('kai').entries.find((item) => item.id === secret.id);
    expect(entry?.data).toMatchObject({ text: SECRET });
  });

  it("carries an erasure to the partner's phone, which drops its copies", async () => {
    const relay = createRelay();
    const clock = manualClock();
    const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });
    const ana = await createPhone('ana-phone', 'ana', relay, cipher, clock.now);
    const kai = await createPhone('kai-phone', 'kai', relay, cipher, clock.now);
    ana.engine.completeExercise('ana', 'safe-space-basics');
    kai.engine.completeExercise('kai', 'safe-space-basics');
    await ana.push();
    await kai.push();
    await kai.pull();
    expect(kai.engine.getEvents().some((event) => event.partner === 'ana')).toBe(true);

    clock.advance(60_000);
    const erasure = erasePartner(ana.engine.getEvents(), {
      couple,
      self: 'ana',
      partner: 'ana',
      device: ana.device,
      now: clock.now,
    });
    await ana.persistence.settled();
    await ana.store.replace(erasure.events);
    ana.persistence.stop();
    ana.engine = createEngine({
      program,
      couple,
      device: ana.device,
      events: ana.store.events,
      trusted: true,
      now: clock.now,
    });
    ana.persistence = persistEngine(ana.engine, ana.store);
    await ana.push();
    await kai.pull();

    expect(kai.engine.getEvents().filter((event) => event.partner === 'ana')).toEqual([
      erasure.request,
    ]);
    expect(kai.store.events.filter((event) => event.partner === 'ana')).toEqual([erasure.request]);
    // Copies the relay delivers again later are dropped as they arrive.
    kai.pulled = 0;
    await kai.pull();
    expect(kai.engine.getEvents().filter((event) => event.partner === 'ana')).toEqual([
      erasure.request,
    ]);
  });

  it('moves a phone restored from a backup to a new device id, and both phones agree', async () => {
    const relay = createRelay();
    const clock = manualClock();
    const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });
    const ana = await createPhone('ana-phone', 'ana', relay, cipher, clock.now);
    const kai = await createPhone('kai-phone', 'kai', relay, cipher, clock.now);
    ana.engine.completeExercise('ana', 'safe-space-basics');
    await ana.push();
    // The backup is taken here; the original phone goes on and records another event.
    const backup = [...ana.store.events];
    ana.engine.completeExercise('ana', 'what-feels-safe');
    await ana.push();

    const restored = await createPhone('ana-phone', 'ana', relay, cipher, clock.now);
    await restored.store.append(backup);
    restored.engine = createEngine({
      program,
      couple,
      device: 'ana-phone',
      events: restored.store.events,
      trusted: true,
      now: clock.now,
    });
    restored.persistence.stop();
    restored.persistence = persistEngine(restored.engine, restored.store);
    await restored.pull();
    expect(restored.clashes).toBe(1);
    expect(restored.device).not.toBe('ana-phone');
    clock.advance(60_000);
    const next = restored.engine.pause('ana');
    expect(next.id.startsWith(`${restored.device}:`)).toBe(true);

    await restored.push();
    await kai.pull();
    await ana.pull();
    expect(JSON.stringify(ana.engine.getEvents())).toBe(
      JSON.stringify(restored.engine.getEvents()),
    );
    expect(withoutCount(kai.engine)).toBe(withoutCount(ana.engine));
  });
});
