import { describe, expect, it } from 'vitest';
import {
  anaPhone,
  changeCharacter,
  couple,
  forgedSigner,
  kaiPhone,
  makeDevice,
  pairedKeyring,
} from './fixtures.js';
import { createDeviceKeyring, type DeviceIntroduction, introduceDevice } from './keyring.js';
import { AttuneSignatureError } from './signature-error.js';
import { createDeviceSigner, generateDeviceSigningKey } from './signing-key.js';

const anaTablet = await makeDevice('ana', 'ana-tablet');
const anaLaptop = await makeDevice('ana', 'ana-laptop');
const kaiTablet = await makeDevice('kai', 'kai-tablet');

describe('binding devices to partners when pairing', () => {
  it('binds the first device of each partner, whatever order the bindings come in', async () => {
    const forward = await pairedKeyring();
    const backward = await createDeviceKeyring({
      couple,
      bindings: [kaiPhone.binding, anaPhone.binding, kaiPhone.binding],
    });
    expect(forward.bindings()).toEqual([anaPhone.binding, kaiPhone.binding]);
    expect(backward.bindings()).toEqual(forward.bindings());
    expect(forward.get('kai-phone')).toEqual(kaiPhone.binding);
    expect(forward.get('ana-tablet')).toBeUndefined();
    expect(forward.couple).toBe(couple);
  });

  it('refuses to bind one device id to two keys: a restored backup that kept the id', async () => {
    const restored = await makeDevice('ana', 'ana-phone');
    const attempt = createDeviceKeyring({ couple, bindings: [anaPhone.binding, restored.binding] });
    await expect(attempt).rejects.toMatchObject({
      name: 'AttuneSignatureError',
      code: 'device-clash',
      device: 'ana-phone',
      message: expect.stringMatching(/is bound to another key.*restoring a backup/),
      fix: expect.stringMatching(/new id \(createDeviceId\)/),
    });
  });

  it('refuses to bind one device to two partners, even with the same key', async () => {
    const asKai = { ...anaPhone.binding, partner: 'kai' };
    await expect(
      createDeviceKeyring({ couple, bindings: [asKai, anaPhone.binding] }),
    ).rejects.toMatchObject({ code: 'device-of-other-partner', device: 'ana-phone' });
  });

  it("refuses another couple's binding and a binding that is not one", async () => {
    await expect(
      createDeviceKeyring({ couple: 'other', bindings: [anaPhone.binding] }),
    ).rejects.toMatchObject({
      code: 'wrong-couple',
      message: expect.stringMatching(/not "other"/),
    });
    for (const binding of [
      { ...anaPhone.binding, device: '' },
      { ...anaPhone.binding, publicKey: 42 },
      { ...anaPhone.binding, publicKey: 'AAAA' },
      null,
    ]) {
      await expect(
        createDeviceKeyring({ couple, bindings: [binding as never] }),
      ).rejects.toMatchObject({ code: 'malformed' });
    }
  });
});

describe('introducing a second device of a partner', () => {
  it('binds a device that a bound device of the same partner introduced', async () => {
    const keyring = await pairedKeyring();
    const introduction = await introduceDevice(anaPhone.signer, anaTablet.binding);
    expect(introduction).toEqual({
      statement: 'attune-device-introduction',
      version: 1,
      ...anaTablet.binding,
      by: 'ana-phone',
      signature: expect.stringMatching(/^[\w-]{86}$/),
    });
    expect(await keyring.add(introduction)).toEqual(anaTablet.binding);
    expect(keyring.get('ana-tablet')).toEqual(anaTablet.binding);
    // The same statement again, as a relay repeats it, changes nothing.
    expect(await keyring.add(JSON.parse(JSON.stringify(introduction)))).toEqual(anaTablet.binding);
    // An introduced device introduces in turn.
    await keyring.add(await introduceDevice(anaTablet.signer, anaLaptop.binding));
    expect(keyring.bindings().map((binding) => binding.device)).toEqual([
      'ana-laptop',
      'ana-phone',
      'ana-tablet',
      'kai-phone',
    ]);
  });

  it("refuses an introduction from the other partner's device", async () => {
    const keyring = await pairedKeyring();
    // Kai's phone vouching for a device in Ana's name, signed with a signer that claims to be Ana's.
    const claimsAna = forgedSigner(kaiPhone.keys, { partner: 'ana', device: 'kai-phone' });
    const forged = await introduceDevice(claimsAna, anaTablet.binding);
    await expect(keyring.add(forged)).rejects.toMatchObject({
      code: 'device-of-other-partner',
      device: 'kai-phone',
      message: expect.stringMatching(/belongs to "kai" and cannot introduce a device of "ana"/),
    });
    // And Kai's phone binding Ana's own phone id to Kai, with a key of Kai's.
    const steal = await introduceDevice(kaiPhone.signer, {
      ...kaiTablet.binding,
      device: 'ana-phone',
    });
    await expect(keyring.add(steal)).rejects.toMatchObject({ code: 'device-of-other-partner' });
    expect(keyring.bindings()).toHaveLength(2);
  });

  it('refuses an introduction from a device that is not bound, or whose signature does not hold', async () => {
    const keyring = await pairedKeyring();
    const stranger = await makeDevice('ana', 'strangers-phone');
    await expect(
      keyring.add(await introduceDevice(stranger.signer, anaTablet.binding)),
    ).rejects.toMatchObject({ code: 'unknown-device', device: 'strangers-phone' });
    // A relay that signs with a key of its own in the name of Ana's phone.
    const relayKeys = await generateDeviceSigningKey();
    const asAnasPhone = forgedSigner(relayKeys, { partner: 'ana', device: 'ana-phone' });
    await expect(
      keyring.add(await introduceDevice(asAnasPhone, anaTablet.binding)),
    ).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringMatching(/does not match its signature/),
    });
    // A genuine introduction, changed on the way.
    const genuine = await introduceDevice(anaPhone.signer, anaTablet.binding);
    const changes: Partial<DeviceIntroduction>[] = [
      { device: 'ana-watch' },
      { publicKey: anaLaptop.binding.publicKey },
      { signature: changeCharacter(genuine.signature, 10) },
    ];
    for (const change of changes) {
      await expect(keyring.add({ ...genuine, ...change })).rejects.toMatchObject({
        code: 'bad-signature',
      });
    }
    await expect(keyring.add({ ...genuine, extra: 1 })).rejects.toMatchObject({
      code: 'bad-signature',
    });
    const { signature: _, ...unsigned } = genuine;
    await expect(keyring.add(unsigned)).rejects.toMatchObject({ code: 'unsigned' });
    await expect(keyring.add({ ...genuine, statement: 'attune-event' })).rejects.toMatchObject({
      code: 'malformed',
    });
    await expect(keyring.add('text')).rejects.toMatchObject({ code: 'malformed' });
    expect(keyring.get('ana-tablet')).toBeUndefined();
  });

  it("refuses another couple's introduction, even from a device bound in both", async () => {
    const keyring = await pairedKeyring();
    const elsewhere = createDeviceSigner({
      couple: 'another-couple',
      partner: 'ana',
      device: 'ana-phone',
      privateKey: anaPhone.keys.privateKey,
    });
    const introduction = await introduceDevice(elsewhere, {
      ...anaTablet.binding,
      couple: 'another-couple',
    });
    await expect(keyring.add(introduction)).rejects.toMatchObject({ code: 'wrong-couple' });
    await expect(keyring.add({ ...introduction, couple })).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('catches a second device introduced under an id already bound to another key', async () => {
    const keyring = await pairedKeyring();
    await keyring.add(await introduceDevice(anaPhone.signer, anaTablet.binding));
    const restored = await makeDevice('ana', 'ana-tablet');
    const error = await keyring
      .add(await introduceDevice(anaPhone.signer, restored.binding))
      .catch((caught: unknown) => caught);
    expect(AttuneSignatureError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'device-clash', device: 'ana-tablet' });
    expect(keyring.get('ana-tablet')).toEqual(anaTablet.binding);
  });

  it('adds introductions in any order, the introducer of one among the others', async () => {
    const toTablet = await introduceDevice(anaPhone.signer, anaTablet.binding);
    const toLaptop = await introduceDevice(anaTablet.signer, anaLaptop.binding);
    const stray = await introduceDevice(
      (await makeDevice('kai', 'unknown')).signer,
      kaiTablet.binding,
    );
    const keyring = await pairedKeyring();
    const result = await keyring.addAll([toLaptop, stray, toTablet]);
    expect(result.added).toEqual([anaLaptop.binding, anaTablet.binding]);
    expect(result.rejected).toEqual([{ index: 1, error: expect.any(AttuneSignatureError) }]);
    expect(result.rejected[0]?.error.code).toBe('unknown-device');
  });

  it('keeps the same one of two introductions that give a device different keys, in any order', async () => {
    const restored = await makeDevice('ana', 'ana-tablet');
    const first = await introduceDevice(anaPhone.signer, anaTablet.binding);
    const second = await introduceDevice(anaPhone.signer, restored.binding);
    const a = await pairedKeyring();
    const b = await pairedKeyring();
    const ab = await a.addAll([first, second]);
    const ba = await b.addAll([second, first]);
    expect(a.bindings()).toEqual(b.bindings());
    expect(ab.rejected.map(({ error }) => error.code)).toEqual(['device-clash']);
    expect(ab.added).toEqual(ba.added);
  });

  it('signs introductions only of devices of its own couple and partner', async () => {
    await expect(introduceDevice(anaPhone.signer, kaiTablet.binding)).rejects.toMatchObject({
      code: 'wrong-signer',
    });
    await expect(
      introduceDevice(anaPhone.signer, { ...anaTablet.binding, couple: 'other' }),
    ).rejects.toMatchObject({ code: 'wrong-couple' });
    await expect(
      introduceDevice(anaPhone.signer, { ...anaTablet.binding, publicKey: 'nope' }),
    ).rejects.toMatchObject({ code: 'malformed' });
  });
});
