import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { importEvents } from '../sync/import-events.js';
import { createAesGcmCipher, generateAesGcmKey } from './aes-gcm-cipher.js';
import { fromBase64 } from './base64.js';
import type { EncryptedPayload, EventEnvelopeFields, PayloadCipher } from './cipher.js';
import { decryptEvent, decryptEvents, encryptEvent, encryptEvents } from './encrypted-event.js';
import { MAX_PADDED_BYTES, MIN_PADDED_BYTES, paddedLength } from './padding.js';

const { couple } = simulated;
const ordered = [...sampleEvents].sort(compareEvents);
const first = ordered[0] as LoggedEvent;

const cipherWithNewKey = async () =>
  createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });

/** Bytes of a base64 ciphertext. */
const bytesOf = (payload: EncryptedPayload) => fromBase64(payload.ciphertext)?.length;

/** A cipher that encrypts nothing, so a test can see what Attune hands a cipher. */
function seeThroughCipher(): PayloadCipher & {
  readonly calls: { plaintext: string; associatedData: string; envelope: EventEnvelopeFields }[];
} {
  const calls: { plaintext: string; associatedData: string; envelope: EventEnvelopeFields }[] = [];
  return {
    calls,
    async encrypt(plaintext, associatedData, envelope) {
      const text = new TextDecoder().decode(plaintext);
      calls.push({
        plaintext: text,
        associatedData: new TextDecoder().decode(associatedData),
        envelope,
      });
      return {
        cipher: 'none',
        key: 'k',
        iv: 'AAAA',
        ciphertext: Buffer.from(text).toString('base64'),
      };
    },
    async decrypt(payload) {
      return new Uint8Array(fromBase64(payload.ciphertext) as Uint8Array);
    },
  };
}

/** `first` with data of about `bytes` bytes as JSON. */
const ofSize = (bytes: number, seq = 9000): LoggedEvent =>
  ({
    ...first,
    id: `${first.device}:${seq}`,
    seq,
    type: 'answer-recorded',
    data: { exercise: 'e', prompt: 'p', text: 'x'.repeat(bytes) },
    visibility: 'private',
  }) as LoggedEvent;

describe('the encrypted event format', () => {
  it('leaves readable only the id, author, device, sequence and clock', async () => {
    const sealed = await encryptEvents(ordered, await cipherWithNewKey());
    for (const [i, event] of sealed.entries()) {
      expect(Object.keys(event)).toEqual(['id', 'partner', 'device', 'seq', 'clock', 'encrypted']);
      const plain = ordered[i] as LoggedEvent;
      expect(event).toMatchObject({
        id: plain.id,
        partner: plain.partner,
        device: plain.device,
        seq: plain.seq,
        clock: plain.clock,
      });
    }
    const text = JSON.stringify(sealed);
    for (const type of new Set(ordered.map((event) => event.type))) {
      expect(text).not.toContain(type);
    }
    expect(text).not.toMatch(/"(type|visibility|data)"/);
  });

  it('restores the type and visibility from inside the ciphertext', async () => {
    const cipher = await cipherWithNewKey();
    const opened = await decryptEvents(await encryptEvents(ordered, cipher), cipher);
    expect(opened.rejected).toEqual([]);
    expect(importEvents([], opened.events, { couple }).events).toEqual(ordered);
  });

  it('hands the cipher the type, visibility and data as JSON padded with spaces, and binds only the readable envelope', async () => {
    const cipher = seeThroughCipher();
    await encryptEvent(first, cipher);
    const [call] = cipher.calls;
    expect(call?.plaintext).toHaveLength(MIN_PADDED_BYTES);
    expect(call?.plaintext.trimEnd()).toBe(
      JSON.stringify({ type: first.type, visibility: first.visibility, data: first.data }),
    );
    expect(call?.plaintext.trimEnd().length).toBeLessThan(MIN_PADDED_BYTES);
    expect(JSON.parse(call?.associatedData ?? '')).toEqual([
      'attune-event',
      2,
      first.id,
      first.partner,
      first.device,
      first.seq,
      first.clock.wall,
      first.clock.counter,
    ]);
    // The cipher is told the whole event but its data, to pick a key by; only its key id travels.
    expect(call?.envelope).toEqual({
      id: first.id,
      partner: first.partner,
      device: first.device,
      seq: first.seq,
      clock: first.clock,
      type: first.type,
      visibility: first.visibility,
    });
  });

  it('pads to powers of two from 256 bytes to 128 KiB, so a ciphertext tells only its bucket', async () => {
    expect([0, 1, 256, 257, 512, 513, 65_536, 70_000, MAX_PADDED_BYTES].map(paddedLength)).toEqual([
      256, 256, 256, 512, 512, 1024, 65_536, 131_072, 131_072,
    ]);
    expect(paddedLength(MAX_PADDED_BYTES + 1)).toBeUndefined();

    const cipher = await cipherWithNewKey();
    // A one-letter answer, a rest and a long answer of the same bucket: one length, the tag's 16
    // bytes beyond the bucket.
    const small = await encryptEvent(ofSize(1), cipher);
    const rest = await encryptEvent(
      {
        ...first,
        type: 'safety-rest',
        data: { active: true },
        visibility: 'shared',
      } as LoggedEvent,
      cipher,
    );
    const fuller = await encryptEvent(ofSize(150), cipher);
    expect(new Set([small, rest, fuller].map(({ encrypted }) => bytesOf(encrypted)))).toEqual(
      new Set([256 + 16]),
    );
    expect(bytesOf((await encryptEvent(ofSize(300), cipher)).encrypted)).toBe(512 + 16);
    const largest = await encryptEvent(ofSize(64 * 1024 - 60), cipher);
    expect(bytesOf(largest.encrypted)).toBe(MAX_PADDED_BYTES + 16);
    expect((await decryptEvent(largest, cipher)).data).toEqual(ofSize(64 * 1024 - 60).data);
  });

  it('refuses an event too large for the largest bucket, saying so', async () => {
    await expect(
      encryptEvent(ofSize(MAX_PADDED_BYTES), await cipherWithNewKey()),
    ).rejects.toMatchObject({
      name: 'AttuneCryptoError',
      code: 'too-large',
      eventId: `${first.device}:9000`,
      message: expect.stringMatching(
        /bytes as JSON, more than the 131072 an encrypted event holds/,
      ),
      fix: expect.stringMatching(/64 KiB/),
    });
  });

  it('refuses what decrypts to JSON without its type, visibility and data', async () => {
    const cipher = seeThroughCipher();
    const sealed = await encryptEvent(first, cipher);
    for (const content of [{ data: 1 }, { type: 'x', visibility: 'shared' }, [1], 'text']) {
      const forged = {
        ...sealed,
        encrypted: {
          ...sealed.encrypted,
          ciphertext: Buffer.from(JSON.stringify(content)).toString('base64'),
        },
      };
      await expect(decryptEvent(forged, cipher)).rejects.toMatchObject({
        code: 'malformed',
        message: expect.stringMatching(/without its type, visibility and data/),
      });
    }
  });
});

describe('events of format 1, which left the type and visibility readable', () => {
  /** An event as format 1 encrypted it: the data alone inside, type and visibility bound beside. */
  async function formatOne(event: LoggedEvent, cipher: PayloadCipher) {
    const { data, ...envelope } = event;
    const associated = JSON.stringify([
      'attune-event',
      1,
      event.id,
      event.partner,
      event.device,
      event.seq,
      event.clock.wall,
      event.clock.counter,
      event.type,
      event.visibility,
    ]);
    const encrypted = await cipher.encrypt(
      new TextEncoder().encode(JSON.stringify(data ?? null)),
      new TextEncoder().encode(associated),
      envelope,
    );
    return { ...envelope, encrypted };
  }

  it('are still read, so histories stored encrypted before keep opening', async () => {
    const cipher = await cipherWithNewKey();
    const old = await Promise.all(ordered.map((event) => formatOne(event, cipher)));
    const opened = await decryptEvents(old, cipher);
    expect(opened.rejected).toEqual([]);
    expect(importEvents([], opened.events, { couple }).events).toEqual(ordered);
  });

  it('still bind their readable type and visibility: a changed or removed one is refused', async () => {
    const cipher = await cipherWithNewKey();
    const old = await formatOne(first, cipher);
    const { type: _type, visibility: _visibility, ...stripped } = old;
    for (const changed of [
      { ...old, type: 'appreciation-sent' },
      { ...old, visibility: 'private' },
      stripped,
    ]) {
      await expect(decryptEvent(changed, cipher)).rejects.toMatchObject({ code: 'tampered' });
    }
  });
});
