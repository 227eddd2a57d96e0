import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { simulated } from '../storage/fixtures.js';
import { importEvents } from '../sync/import-events.js';
import { createAesGcmCipher, generateAesGcmKey } from './aes-gcm-cipher.js';
import { decryptEvents, encryptEvents } from './encrypted-event.js';
import {
  anaPhone,
  changeCharacter,
  couple,
  forgedSigner,
  kaiPhone,
  makeDevice,
  ordered,
  pairedKeyring,
} from './fixtures.js';
import { createDeviceKeyring, introduceDevice } from './keyring.js';
import { AttuneSignatureError } from './signature-error.js';
import { type SignedEvent, signEvents, verifyEvents } from './signed-event.js';
import { createDeviceSigner, generateDeviceSigningKey } from './signing-key.js';

const anas = ordered.filter((event) => event.partner === 'ana');
const kais = ordered.filter((event) => event.partner === 'kai');
const anaEvent = anas[0] as LoggedEvent;
const relayReadable = ['entry-shared', 'erasure-requested'];
const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });

const codesOf = async (values: readonly unknown[]) =>
  (await verifyEvents(values, await pairedKeyring())).rejected.map(({ index, error }) => [
    index,
    error.code,
  ]);

describe('signing events as they leave their device', () => {
  it('signs plain and encrypted events, which verify and import to the same history', async () => {
    const keyring = await pairedKeyring();
    const sent = [
      ...(await signEvents(
        await encryptEvents(anas, cipher, { plainTypes: relayReadable }),
        anaPhone.signer,
      )),
      ...(await signEvents(await encryptEvents(kais, cipher), kaiPhone.signer)),
    ];
    // Through JSON, as a relay carries them.
    const arrived: unknown[] = JSON.parse(JSON.stringify(sent));
    const checked = await verifyEvents(arrived, keyring);
    expect(checked.rejected).toEqual([]);
    expect(checked.verified).toEqual(arrived);
    const opened = await decryptEvents(checked.verified, cipher, { allowPlain: relayReadable });
    expect(opened.rejected).toEqual([]);
    expect(importEvents([], opened.events, { couple: simulated.couple }).events).toEqual(ordered);
  });

  it('adds a base64url signature and changes nothing else', async () => {
    const [signed] = await signEvents([anaEvent], anaPhone.signer);
    const { signature, ...rest } = signed as SignedEvent<LoggedEvent>;
    expect(rest).toEqual(anaEvent);
    expect(signature).toMatch(/^[\w-]{86}$/);
    // Signing again replaces the signature rather than signing it.
    const [again] = await signEvents([signed as SignedEvent<LoggedEvent>], anaPhone.signer);
    expect((await verifyEvents([again], await pairedKeyring())).rejected).toEqual([]);
  });

  it("signs only this device's own events", async () => {
    await expect(signEvents([anaEvent], kaiPhone.signer)).rejects.toMatchObject({
      name: 'AttuneSignatureError',
      code: 'wrong-signer',
      eventId: anaEvent.id,
      message: expect.stringMatching(/this signer signs for "kai" on "kai-phone"/),
    });
    const tablet = createDeviceSigner({
      couple,
      partner: 'ana',
      device: 'ana-tablet',
      privateKey: anaPhone.keys.privateKey,
    });
    await expect(signEvents([anaEvent], tablet)).rejects.toMatchObject({ code: 'wrong-signer' });
  });
});

describe('verifying events as they arrive', () => {
  it('refuses an unsigned event, such as a share or an erasure request a relay wrote', async () => {
    const forgedErasure = {
      ...anaEvent,
      id: 'ana-phone:9999',
      seq: 9999,
      type: 'erasure-requested',
      data: { partner: 'ana', before: { wall: Number.MAX_SAFE_INTEGER, counter: 0 } },
    };
    const result = await verifyEvents([forgedErasure], await pairedKeyring());
    expect(result.verified).toEqual([]);
    expect(result.rejected[0]?.error).toMatchObject({
      code: 'unsigned',
      eventId: 'ana-phone:9999',
      device: 'ana-phone',
      message: expect.stringMatching(/is not signed/),
      fix: expect.stringMatching(/^It was not imported\. Sign every event with signEvents/),
    });
  });

  it('refuses an event signed with a key of its own by anyone else, in the name of a bound device', async () => {
    const relayKeys = await generateDeviceSigningKey();
    const asAnasPhone = forgedSigner(relayKeys, { partner: 'ana', device: 'ana-phone' });
    expect(await codesOf(await signEvents([anaEvent], asAnasPhone))).toEqual([
      [0, 'bad-signature'],
    ]);
  });

  it('refuses an event from a device the keyring does not bind', async () => {
    const stranger = await makeDevice('ana', 'strangers-phone');
    const event = { ...anaEvent, device: 'strangers-phone', id: `strangers-phone:${anaEvent.seq}` };
    const [signed] = await signEvents([event], stranger.signer);
    const result = await verifyEvents([signed], await pairedKeyring());
    expect(result.rejected[0]?.error).toMatchObject({
      code: 'unknown-device',
      device: 'strangers-phone',
      fix: expect.stringMatching(/introduction/),
    });
  });

  it("refuses an event in one partner's name from the other partner's device", async () => {
    // Kai's phone, signing with its own key, an event in Ana's name.
    const asAna = forgedSigner(kaiPhone.keys, { partner: 'ana', device: 'kai-phone' });
    const event = { ...anaEvent, device: 'kai-phone', id: `kai-phone:${anaEvent.seq}` };
    const result = await verifyEvents(await signEvents([event], asAna), await pairedKeyring());
    expect(result.rejected[0]?.error).toMatchObject({
      code: 'device-of-other-partner',
      message: expect.stringMatching(
        /in the name of "ana", and its device "kai-phone" is bound to "kai"/,
      ),
    });
  });

  it('refuses an event of another couple, where the same device is bound', async () => {
    const elsewhere = createDeviceSigner({
      couple: 'another-couple',
      partner: 'ana',
      device: 'ana-phone',
      privateKey: anaPhone.keys.privateKey,
    });
    expect(await codesOf(await signEvents([anaEvent], elsewhere))).toEqual([[0, 'bad-signature']]);
  });

  it('refuses a change to any field after signing, each event alone', async () => {
    const sealed = await encryptEvents([anaEvent], cipher);
    const [plain] = await signEvents([anaEvent], anaPhone.signer);
    const [encrypted] = await signEvents(sealed, anaPhone.signer);
    const p = plain as SignedEvent<LoggedEvent>;
    const e = encrypted as NonNullable<typeof encrypted>;
    const other = (anas[1] as LoggedEvent).id;
    const changed: unknown[] = [
      { ...p, id: other },
      { ...p, partner: 'kai' },
      { ...p, device: 'ana-tablet' },
      { ...p, seq: p.seq + 1 },
      { ...p, clock: { ...p.clock, wall: p.clock.wall + 1 } },
      { ...p, clock: { ...p.clock, counter: p.clock.counter + 1 } },
      { ...p, type: 'appreciation-sent' },
      { ...p, data: { ...(p.data as object), extra: true } },
      { ...p, visibility: p.visibility === 'shared' ? 'private' : 'shared' },
      { ...p, signature: changeCharacter(p.signature, 20) },
      { ...p, signature: (kais[0] as LoggedEvent).id },
      {
        ...e,
        encrypted: { ...e.encrypted, ciphertext: changeCharacter(e.encrypted.ciphertext, 3) },
      },
      { ...e, encrypted: { ...e.encrypted, iv: changeCharacter(e.encrypted.iv, 1) } },
      { ...e, encrypted: { ...e.encrypted, key: 'own' } },
      { ...e, visibility: 'sealed' },
      plain,
      encrypted,
    ];
    const result = await verifyEvents(changed, await pairedKeyring());
    expect(result.verified).toEqual([plain, encrypted]);
    const codes = result.rejected.map(({ error }) => error.code);
    expect(codes).toHaveLength(changed.length - 2);
    expect(codes[1]).toBe('device-of-other-partner');
    expect(codes[2]).toBe('unknown-device');
    expect(codes.filter((code) => code !== 'bad-signature')).toHaveLength(2);
  });

  it("refuses one event's signature on another", async () => {
    const [a, b] = (await signEvents(
      anas.slice(0, 2),
      anaPhone.signer,
    )) as SignedEvent<LoggedEvent>[];
    const swapped = [
      { ...a, signature: b?.signature },
      { ...b, signature: a?.signature },
    ];
    expect(await codesOf(swapped)).toEqual([
      [0, 'bad-signature'],
      [1, 'bad-signature'],
    ]);
  });

  it('refuses what is not an event at all', async () => {
    expect(await codesOf([null, 'text', [1], { signature: 'x' }])).toEqual([
      [0, 'malformed'],
      [1, 'malformed'],
      [2, 'malformed'],
      [3, 'unknown-device'],
    ]);
  });

  it("accepts an introduced device's events once its introduction is added", async () => {
    const tablet = await makeDevice('ana', 'ana-tablet');
    const event = { ...anaEvent, device: 'ana-tablet', id: `ana-tablet:${anaEvent.seq}` };
    const signed = await signEvents([event], tablet.signer);
    const keyring = await createDeviceKeyring({ couple, bindings: [anaPhone.binding] });
    expect((await verifyEvents(signed, keyring)).rejected[0]?.error.code).toBe('unknown-device');
    await keyring.add(await introduceDevice(anaPhone.signer, tablet.binding));
    expect((await verifyEvents(signed, keyring)).verified).toEqual(signed);
  });

  it('refuses the same signature bytes written another way', async () => {
    const [signed] = (await signEvents([anaEvent], anaPhone.signer)) as SignedEvent<LoggedEvent>[];
    const { signature } = signed as SignedEvent<LoggedEvent>;
    // 64 bytes fill 86 characters with four bits to spare; setting one keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1) as string);
    const respelled = `${signature.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(await codesOf([{ ...signed, signature: respelled }])).toEqual([[0, 'bad-signature']]);
  });

  it('throws errors an app recognises across copies of the package', async () => {
    const error = await signEvents([anaEvent], kaiPhone.signer).catch((caught: unknown) => caught);
    expect(AttuneSignatureError.isInstance(error)).toBe(true);
    expect(AttuneSignatureError.isInstance(new Error('other'))).toBe(false);
  });
});
