import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { importEvents } from '../sync/import-events.js';
import { createAesGcmCipher, generateAesGcmKey, importAesGcmKey } from './aes-gcm-cipher.js';
import { fromBase64 } from './base64.js';
import type { PayloadCipher } from './cipher.js';
import { AttuneCryptoError } from './crypto-error.js';
import {
  decryptEvent,
  decryptEvents,
  type EncryptedEvent,
  encryptEvent,
  encryptEvents,
} from './encrypted-event.js';

const { couple } = simulated;
const ordered = [...sampleEvents].sort(compareEvents);
const privateEntry = ordered.find((event) => event.visibility === 'private') as LoggedEvent;

/** Flips one bit of a base64 value. */
function flip(text: string, bit = 0): string {
  const bytes = fromBase64(text) as Uint8Array;
  bytes[bit >> 3] = (bytes[bit >> 3] as number) ^ (1 << (bit & 7));
  return Buffer.from(bytes).toString('base64');
}

const cipherWithNewKey = async () =>
  createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });

describe('the AES-GCM reference cipher', () => {
  it('encrypts event data at rest and in transit, and decrypts it back to the same events', async () => {
    const cipher = await cipherWithNewKey();
    const sealed = await encryptEvents(ordered, cipher);
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('PRIVATE-7f3a');
    expect(text).not.toContain('"data"');
    expect(sealed[0]).toMatchObject({
      id: ordered[0]?.id,
      encrypted: { cipher: 'AES-GCM', key: 'k1' },
    });
    const opened = await decryptEvents(sealed, cipher);
    expect(opened.rejected).toEqual([]);
    expect(importEvents([], opened.events, { couple }).events).toEqual(ordered);
  });

  it('uses a fresh random 96-bit IV for every event', async () => {
    const cipher = await cipherWithNewKey();
    const a = await encryptEvent(privateEntry, cipher);
    const b = await encryptEvent(privateEntry, cipher);
    expect(fromBase64(a.encrypted.iv)).toHaveLength(12);
    expect(a.encrypted.iv).not.toBe(b.encrypted.iv);
    expect(a.encrypted.ciphertext).not.toBe(b.encrypted.ciphertext);
  });

  it('refuses a flipped bit in the ciphertext, with a clear error', async () => {
    const cipher = await cipherWithNewKey();
    const sealed = await encryptEvent(privateEntry, cipher);
    for (const bit of [0, 77, 8 * (fromBase64(sealed.encrypted.ciphertext)?.length ?? 1) - 1]) {
      const tampered = {
        ...sealed,
        encrypted: { ...sealed.encrypted, ciphertext: flip(sealed.encrypted.ciphertext, bit) },
      };
      await expect(decryptEvent(tampered, cipher)).rejects.toMatchObject({
        name: 'AttuneCryptoError',
        code: 'tampered',
        eventId: privateEntry.id,
        message: expect.stringMatching(
          /failed authentication.*changed after it was encrypted.*not imported/,
        ),
      });
    }
    const badIv = { ...sealed, encrypted: { ...sealed.encrypted, iv: flip(sealed.encrypted.iv) } };
    await expect(decryptEvent(badIv, cipher)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses a changed id, author, device, sequence or clock — the associated data', async () => {
    const cipher = await cipherWithNewKey();
    const sealed = await encryptEvent(privateEntry, cipher);
    const changes: Partial<EncryptedEvent>[] = [
      { id: `${privateEntry.device}:999`, seq: 999 },
      { partner: privateEntry.partner === 'ana' ? 'kai' : 'ana' },
      { clock: { ...sealed.clock, wall: sealed.clock.wall + 1 } },
      { clock: { ...sealed.clock, counter: sealed.clock.counter + 1 } },
      { device: 'other' },
    ];
    for (const change of changes) {
      await expect(decryptEvent({ ...sealed, ...change }, cipher)).rejects.toMatchObject({
        code: 'tampered',
      });
    }
  });

  it('detects a server labelling a private entry as shared, so it is never imported', async () => {
    const cipher = await cipherWithNewKey();
    const sealed = await encryptEvent(privateEntry, cipher);
    const relabelled = [
      { ...sealed, visibility: 'shared' },
      { ...sealed, type: 'appreciation-sent', visibility: 'shared' },
    ];
    const result = await decryptEvents([...relabelled, sealed], cipher);
    expect(result.rejected).toEqual([
      { index: 0, error: expect.any(AttuneCryptoError) },
      { index: 1, error: expect.any(AttuneCryptoError) },
    ]);
    expect(result.rejected[0]?.error).toMatchObject({ code: 'tampered' });
    expect(result.rejected[0]?.error.message).toMatch(
      /type or visibility shown beside an event that holds them inside/,
    );
    expect(result.events).toEqual([{ ...privateEntry }]);
  });

  it('refuses plain events where everything should be encrypted, unless told to let them through', async () => {
    const cipher = await cipherWithNewKey();
    const refused = await decryptEvents([privateEntry, 'junk'], cipher);
    expect(refused.events).toEqual([]);
    expect(refused.rejected.map(({ error }) => [error.code, error.eventId])).toEqual([
      ['not-encrypted', privateEntry.id],
      ['not-encrypted', undefined],
    ]);
    const allowed = await decryptEvents([privateEntry], cipher, { allowPlain: true });
    expect(allowed.events).toEqual([privateEntry]);
  });

  it('rotates keys: payloads name their key, old keys keep reading, unknown ones are refused', async () => {
    const old = await generateAesGcmKey();
    const fresh = await importAesGcmKey(new Uint8Array(32).fill(7));
    const before = await encryptEvent(privateEntry, createAesGcmCipher({ keys: { old } }));
    const rotated = createAesGcmCipher({ keys: { old, fresh }, encryptWith: 'fresh' });
    expect((await encryptEvent(privateEntry, rotated)).encrypted.key).toBe('fresh');
    expect((await decryptEvent(before, rotated)).data).toEqual(privateEntry.data);
    const withoutOld = createAesGcmCipher({ keys: { fresh } });
    await expect(decryptEvent(before, withoutOld)).rejects.toMatchObject({
      code: 'unknown-key',
      message: expect.stringMatching(/No key "old" among this cipher's keys \(fresh\)/),
    });
  });

  it('picks a key per event, such as one only the author holds for private entries', async () => {
    const cipher = createAesGcmCipher({
      keys: { couple: await generateAesGcmKey(), ana: await generateAesGcmKey() },
      encryptWith: (envelope) => (envelope.visibility === 'private' ? envelope.partner : 'couple'),
    });
    const anasDevice = ordered.filter((e) => e.partner === 'ana' || e.visibility !== 'private');
    const sealed = await encryptEvents(anasDevice, cipher);
    const keys = new Set(
      sealed.map((event, i) => `${anasDevice[i]?.visibility}/${event.encrypted.key}`),
    );
    expect([...keys].every((key) => /^(private\/ana|(shared|sealed)\/couple)$/.test(key))).toBe(
      true,
    );
    expect(keys.has('private/ana')).toBe(true);
    await expect(encryptEvents(ordered, cipher)).rejects.toMatchObject({ code: 'unknown-key' });
  });

  it('explains what is wrong with its setup or a payload', async () => {
    expect(() => createAesGcmCipher({ keys: {} })).toThrow(/given no keys/);
    const key = await generateAesGcmKey();
    expect(() => createAesGcmCipher({ keys: { key }, encryptWith: 'other' })).toThrow(
      /No key "other"/,
    );
    await expect(importAesGcmKey(new Uint8Array(16))).rejects.toThrow(/32 bytes; this one has 16/);
    const cipher = createAesGcmCipher({ keys: { key } });
    const sealed = await encryptEvent(privateEntry, cipher);
    const malformed: unknown[] = [
      { ...sealed, encrypted: { ...sealed.encrypted, cipher: 'ChaCha20' } },
      { ...sealed, encrypted: { ...sealed.encrypted, iv: 'AAAA' } },
      { ...sealed, encrypted: { ...sealed.encrypted, ciphertext: '@@@@' } },
      { ...sealed, encrypted: 'text' },
      { ...sealed, id: 7, encrypted: {} },
      { ...sealed, clock: undefined },
      'text',
    ];
    for (const value of malformed) {
      await expect(decryptEvent(value, cipher)).rejects.toBeInstanceOf(AttuneCryptoError);
    }
  });

  it('says so where there is no WebCrypto', async () => {
    const crypto = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(() => createAesGcmCipher({ keys: { k: {} as never } })).toThrow(/no WebCrypto/);
      await expect(generateAesGcmKey()).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true });
    }
  });

  it('refuses what a faulty cipher decrypts to when it is not UTF-8 JSON', async () => {
    const broken: PayloadCipher = {
      encrypt: async () => ({ cipher: 'x', key: 'k', iv: '', ciphertext: '' }),
      decrypt: async () => new Uint8Array([0xff, 0xfe]),
    };
    const sealed = await encryptEvent(privateEntry, broken);
    await expect(decryptEvent(sealed, broken)).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringMatching(/not UTF-8 JSON/),
    });
  });
});
