import type { Couple, LoggedEvent } from '@attune/core';
import { createEngine, nineStepProgram } from '@attune/core';
import { verifyEvents } from '@attune/core/crypto';
import { describe, expect, it } from 'vitest';
import { SigningMissingError, startSigning } from './device-signing.js';
import { memoryRelay, memorySigningStore, pairedSigning } from './memory-relay.js';

const couple: Couple = {
  id: 'couple-1',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5),
};

const recorded = (device: string, count: number): LoggedEvent[] => {
  const engine = createEngine({
    program: nineStepProgram,
    couple,
    device,
    now: () => Date.UTC(2026, 0, 6),
  });
  for (let i = 0; i < count; i++) engine.completeExercise('ana', 'safe-space-basics');
  return [...engine.getEvents()];
};

describe('startSigning', () => {
  it('refuses to start without a key of this phone for this couple and partner', async () => {
    const { bindings, stores } = await pairedSigning(couple, {
      ana: 'ana-phone',
      kai: 'kai-phone',
    });
    const relay = memoryRelay(couple, bindings);
    const sync = relay.forPartner('ana');
    const saved = stores.ana?.saved;
    if (!saved) throw new Error('nothing kept');
    const cases = [
      memorySigningStore(),
      memorySigningStore({ ...saved, couple: 'another-couple' }),
      memorySigningStore({ ...saved, partner: 'kai' }),
      memorySigningStore({ ...saved, keys: [] }),
      // A pairing that never finished.
      memorySigningStore({ ...saved, couple: '', bindings: [] }),
    ];
    for (const store of cases) {
      await expect(
        startSigning({ couple: couple.id, self: 'ana', device: 'ana-phone', sync, store }),
      ).rejects.toBeInstanceOf(SigningMissingError);
    }
  });

  it('signs each event with the key of the device it names, in the order given', async () => {
    const { bindings, stores } = await pairedSigning(couple, {
      ana: 'ana-phone',
      kai: 'kai-phone',
    });
    const relay = memoryRelay(couple, bindings);
    const store = stores.ana;
    if (!store) throw new Error('no store');
    const options = { couple: couple.id, self: 'ana', sync: relay.forPartner('ana'), store };
    // The phone paired as ana-phone, then recorded under a new id.
    const signing = await startSigning({ ...options, device: 'd-next' });
    expect(signing.holds('ana-phone')).toBe(true);
    expect(signing.holds('d-next')).toBe(true);
    expect(signing.holds('kai-phone')).toBe(false);
    const [first, second] = recorded('ana-phone', 2);
    const [third] = recorded('d-next', 1);
    const events = [first, third, second] as LoggedEvent[];
    const signed = await signing.sign(events);
    expect(signed.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect((await verifyEvents(signed, signing.keyring)).rejected).toEqual([]);
    // The relay verifies them too, with the introduction this phone sent it.
    expect(relay.introductions).toHaveLength(1);
    await relay.forPartner('ana').upload({
      format: 'attune-sync',
      version: 1,
      couple: couple.id,
      recipient: 'kai',
      events: signed,
    });
    await expect(signing.sign(recorded('ana-tablet', 1))).rejects.toThrow(/no key/);
  });

  it('keeps one key per id, however many syncs start at once', async () => {
    const { bindings, stores } = await pairedSigning(couple, {
      ana: 'ana-phone',
      kai: 'kai-phone',
    });
    const relay = memoryRelay(couple, bindings);
    const store = stores.ana;
    if (!store) throw new Error('no store');
    const start = () =>
      startSigning({
        couple: couple.id,
        self: 'ana',
        device: 'd-next',
        sync: relay.forPartner('ana'),
        store,
      });
    await Promise.all([start(), start(), start()]);
    expect(store.saved?.keys.map((held) => held.device)).toEqual(['ana-phone', 'd-next']);
    expect(relay.introductions).toHaveLength(1);
  });
});
