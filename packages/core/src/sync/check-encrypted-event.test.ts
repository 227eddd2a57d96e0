import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAesGcmCipher, generateAesGcmKey } from '../crypto/aes-gcm-cipher.js';
import { decryptEvents, encryptEvent, encryptEvents } from '../crypto/encrypted-event.js';
import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { compareEvents } from '../log/order.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { checkEncryptedEvent, relayReadableEventTypes } from './check-encrypted-event.js';

const partners = simulated.couple.partners.map((partner) => partner.id);
const context = { partners, latestWall: Number.MAX_SAFE_INTEGER };
const ordered = [...sampleEvents].sort(compareEvents);
const privateEntry = ordered.find((event) => event.visibility === 'private') as LoggedEvent;
const author = privateEntry.partner;
const share: LoggedEvent = {
  id: `${privateEntry.device}:9001`,
  partner: author,
  device: privateEntry.device,
  seq: 9001,
  clock: { wall: privateEntry.clock.wall + 1, counter: 0 },
  type: 'entry-shared',
  data: { entry: privateEntry.id },
  visibility: 'shared',
};

const newCipher = async () => createAesGcmCipher({ keys: { k1: await generateAesGcmKey() } });

/** The error `check` throws, so a test can look at its code and field. */
function refusal(check: () => unknown): AttuneEventError {
  try {
    check();
  } catch (error) {
    if (error instanceof AttuneEventError) return error;
    throw error;
  }
  throw new Error('It was accepted.');
}

describe('checkEncryptedEvent, as a relay checks what it cannot read', () => {
  it('accepts what encryptEvent made, keeping only the readable envelope and the payload', async () => {
    const cipher = await newCipher();
    const sealed = await encryptEvent(privateEntry, cipher);
    // A sender that also put the words in readable form gets them dropped, not relayed.
    const checked = checkEncryptedEvent({ ...sealed, data: privateEntry.data, extra: 1 }, context);
    expect(checked).toEqual(sealed);
    expect(JSON.stringify(checked)).not.toContain('"data"');
    // The copy still decrypts: its envelope is the one the ciphertext is bound to.
    const opened = await decryptEvents([checked], cipher);
    expect(opened.events).toEqual([privateEntry]);
  });

  it('refuses a faulty envelope the way checkEvent does, naming the field', async () => {
    const sealed = await encryptEvent(privateEntry, await newCipher());
    expect(
      refusal(() => checkEncryptedEvent({ ...sealed, partner: 'mallory' }, context)),
    ).toMatchObject({
      code: 'unknown-partner',
      field: 'partner',
    });
    expect(refusal(() => checkEncryptedEvent({ ...sealed, seq: 2 }, context)).field).toBe('id');
    const soon = { partners, latestWall: privateEntry.clock.wall - 1 };
    expect(refusal(() => checkEncryptedEvent(sealed, soon)).code).toBe('clock-too-far-ahead');
    const poisoned = JSON.parse(`{"__proto__": {}, "id": "${sealed.id}"}`);
    expect(refusal(() => checkEncryptedEvent({ ...sealed, clock: poisoned }, context)).field).toBe(
      'clock.__proto__',
    );
  });

  it('refuses an encrypted event that shows its type or visibility, as format 1 did', async () => {
    const sealed = await encryptEvent(privateEntry, await newCipher());
    for (const field of ['type', 'visibility'] as const) {
      const shown = { ...sealed, [field]: privateEntry[field] };
      expect(refusal(() => checkEncryptedEvent(shown, context))).toMatchObject({
        code: 'malformed',
        field,
        message: expect.stringMatching(/should be absent from an encrypted event/),
        fix: expect.stringMatching(/hides the type and visibility/),
      });
    }
  });

  it('refuses a payload not in the shape encryptEvent makes, naming the field', async () => {
    const sealed = await encryptEvent(privateEntry, await newCipher());
    const { encrypted: _payload, ...bare } = sealed;
    expect(refusal(() => checkEncryptedEvent(bare, context)).field).toBe('encrypted');
    expect(
      refusal(() =>
        checkEncryptedEvent({ ...sealed, encrypted: { ...sealed.encrypted, iv: 7 } }, context),
      ).field,
    ).toBe('encrypted.iv');
    const huge = 'A'.repeat(300_000);
    expect(
      refusal(() =>
        checkEncryptedEvent(
          { ...sealed, encrypted: { ...sealed.encrypted, ciphertext: huge } },
          context,
        ),
      ).field,
    ).toBe('encrypted.ciphertext');
  });

  it('never throws anything but a clear event error, and never touches Object.prototype', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (value) => {
        try {
          checkEncryptedEvent(value, context);
        } catch (error) {
          expect(error).toBeInstanceOf(AttuneEventError);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 300 },
    );
  });
});

describe('only what a relay must read travels plain', () => {
  const erasure: LoggedEvent = {
    id: `${privateEntry.device}:9002`,
    partner: author,
    device: privateEntry.device,
    seq: 9002,
    clock: { wall: privateEntry.clock.wall + 2, counter: 0 },
    type: 'erasure-requested',
    data: { partner: author, before: { wall: privateEntry.clock.wall + 2, counter: 0 } },
    visibility: 'shared',
  };

  it('is an erasure request: shares go encrypted like everything else', async () => {
    expect(relayReadableEventTypes).toEqual(['erasure-requested']);
    const cipher = await newCipher();
    const sent = await encryptEvents([privateEntry, share, erasure], cipher, {
      plainTypes: relayReadableEventTypes,
    });
    expect(sent[0]).toHaveProperty('encrypted');
    expect(sent[1]).toHaveProperty('encrypted');
    expect(sent[1]).not.toHaveProperty('type');
    expect(sent[2]).toEqual(erasure);
    // Which entry is shared, and that it is a share, stay inside the ciphertext.
    expect(JSON.stringify(sent[1])).not.toContain(`"${privateEntry.id}"`);
    expect(JSON.stringify(sent.slice(0, 2))).not.toMatch(/entry-shared|"data"|"visibility"/);
  });

  it('lets through plain events of the listed types only', async () => {
    const cipher = await newCipher();
    const [sealedEntry, sealedShare] = await encryptEvents([privateEntry, share], cipher);
    const opened = await decryptEvents([sealedEntry, sealedShare, erasure, share], cipher, {
      allowPlain: relayReadableEventTypes,
    });
    expect(opened.events).toEqual([privateEntry, share, erasure]);
    expect(opened.rejected).toHaveLength(1);
    expect(opened.rejected[0]).toMatchObject({ index: 3, error: { code: 'not-encrypted' } });
  });
});
