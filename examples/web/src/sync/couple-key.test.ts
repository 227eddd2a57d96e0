// @vitest-environment node
import { exportSigningPublicKey, generateDeviceSigningKey } from '@attune/core/crypto';
import { describe, expect, it } from 'vitest';
import { createPairingKeys, deriveCoupleKey, pairingCheck, publicKeyText } from './couple-key.js';

const AES = { name: 'AES-GCM', iv: new Uint8Array(12) } as const;
const words = new TextEncoder().encode('A quiet evening walk.');

async function phone() {
  const keys = await createPairingKeys();
  return { keys, publicKey: await publicKeyText(keys) };
}

describe('the couple key', () => {
  it('is the same on both phones: what one encrypts, the other decrypts', async () => {
    const [ana, kai] = [await phone(), await phone()];
    const anaKey = await deriveCoupleKey(ana.keys, kai.publicKey, 'c-1');
    const kaiKey = await deriveCoupleKey(kai.keys, ana.publicKey, 'c-1');
    const sealed = await crypto.subtle.encrypt(AES, anaKey, words);
    expect(new Uint8Array(await crypto.subtle.decrypt(AES, kaiKey, sealed))).toEqual(words);
  });

  it('differs for a third phone, and for another couple', async () => {
    const [ana, kai, server] = [await phone(), await phone(), await phone()];
    const anaKey = await deriveCoupleKey(ana.keys, kai.publicKey, 'c-1');
    const sealed = await crypto.subtle.encrypt(AES, anaKey, words);
    const stranger = await deriveCoupleKey(server.keys, ana.publicKey, 'c-1');
    await expect(crypto.subtle.decrypt(AES, stranger, sealed)).rejects.toThrow();
    const otherCouple = await deriveCoupleKey(kai.keys, ana.publicKey, 'c-2');
    await expect(crypto.subtle.decrypt(AES, otherCouple, sealed)).rejects.toThrow();
  });

  it('cannot be exported, nor can the private half of a pairing key', async () => {
    const [ana, kai] = [await phone(), await phone()];
    const key = await deriveCoupleKey(ana.keys, kai.publicKey, 'c-1');
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('pkcs8', ana.keys.privateKey)).rejects.toThrow();
  });

  it('refuses a public key that is not one', async () => {
    const ana = await phone();
    await expect(deriveCoupleKey(ana.keys, btoa('not a key'), 'c-1')).rejects.toThrow();
  });
});

describe('the pairing check', () => {
  /** What a phone gives when pairing: its ECDH key, its device and that device's signing key. */
  async function pairing(device: string) {
    const { publicKey } = await phone();
    const signingKey = await exportSigningPublicKey(await generateDeviceSigningKey());
    return { publicKey, device, signingKey };
  }

  it('is the same on both phones, as twelve digits in groups of four', async () => {
    const [ana, kai] = [await pairing('ana-phone'), await pairing('kai-phone')];
    const onAna = await pairingCheck(ana, kai);
    expect(onAna).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(await pairingCheck(kai, ana)).toBe(onAna);
  });

  it('differs when a server passes on a key of its own', async () => {
    const [ana, kai, server] = [
      await pairing('ana-phone'),
      await pairing('kai-phone'),
      await pairing('server'),
    ];
    // Each phone holds the server's key in place of the other's.
    const onAna = await pairingCheck(ana, { ...kai, publicKey: server.publicKey });
    const onKai = await pairingCheck(kai, { ...ana, publicKey: server.publicKey });
    expect(onAna).not.toBe(onKai);
    expect(onAna).not.toBe(await pairingCheck(ana, kai));
  });

  it('differs when a server passes on a signing key of its own, or another device', async () => {
    const [ana, kai, server] = [
      await pairing('ana-phone'),
      await pairing('kai-phone'),
      await pairing('server'),
    ];
    const real = await pairingCheck(ana, kai);
    // Kai's phone got the server's signing key in place of Ana's: the server could sign as her.
    const swapped = { ...ana, signingKey: server.signingKey };
    expect(await pairingCheck(swapped, kai)).not.toBe(real);
    expect(await pairingCheck(kai, swapped)).not.toBe(await pairingCheck(ana, kai));
    expect(await pairingCheck({ ...ana, device: 'elsewhere' }, kai)).not.toBe(real);
  });
});
