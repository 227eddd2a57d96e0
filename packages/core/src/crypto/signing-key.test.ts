import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.js';
import { AttuneSignatureError } from './signature-error.js';
import {
  createDeviceSigner,
  exportSigningPublicKey,
  generateDeviceSigningKey,
  importSigningPublicKey,
} from './signing-key.js';
import { platformCrypto } from './web-crypto.js';

const subtle = platformCrypto()?.subtle as NonNullable<ReturnType<typeof platformCrypto>>['subtle'];
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

describe('device signing keys', () => {
  it('are ECDSA P-256 key pairs whose private half cannot be exported', async () => {
    const keys = await generateDeviceSigningKey();
    expect(keys.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect((keys.privateKey as unknown as { extractable: boolean }).extractable).toBe(false);
    await expect(subtle.exportKey('raw', keys.privateKey)).rejects.toThrow();
  });

  it('export their public half as 87 characters of base64url, which import back', async () => {
    const keys = await generateDeviceSigningKey();
    const text = await exportSigningPublicKey(keys);
    expect(text).toMatch(/^[\w-]{87}$/);
    expect(await exportSigningPublicKey(keys.publicKey)).toBe(text);
    const key = await importSigningPublicKey(text);
    expect(await exportSigningPublicKey(key)).toBe(text);
  });

  it('sign as standard ECDSA with SHA-256, which plain WebCrypto verifies', async () => {
    const keys = await generateDeviceSigningKey();
    const signer = createDeviceSigner({
      couple: 'c1',
      partner: 'ana',
      device: 'ana-phone',
      privateKey: keys.privateKey,
    });
    expect(signer).toMatchObject({ couple: 'c1', partner: 'ana', device: 'ana-phone' });
    const message = new TextEncoder().encode('hello');
    const signature = await signer.sign(message);
    expect(signature).toHaveLength(64);
    expect(
      await subtle.verify(ECDSA, keys.publicKey, signature as Uint8Array<ArrayBuffer>, message),
    ).toBe(true);
  });

  it('refuses text that is not a P-256 public key, with a clear error', async () => {
    const text = await exportSigningPublicKey(await generateDeviceSigningKey());
    const bytes = fromBase64Url(text) as Uint8Array<ArrayBuffer>;
    const offCurve = new Uint8Array(bytes);
    offCurve[64] = (offCurve[64] as number) ^ 1;
    const compressed = new Uint8Array(bytes);
    compressed[0] = 2;
    // 65 bytes fill 87 characters with two bits to spare: setting the lowest one keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(text.at(-1) as string);
    const nonCanonical = `${text.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(fromBase64Url(nonCanonical)).toEqual(bytes);
    const wrong = [
      '',
      'not base64url!',
      text.slice(0, 40),
      toBase64Url(offCurve),
      toBase64Url(compressed),
      Buffer.from(bytes).toString('base64'),
      nonCanonical,
      7 as unknown as string,
    ];
    for (const value of wrong) {
      await expect(importSigningPublicKey(value)).rejects.toMatchObject({
        name: 'AttuneSignatureError',
        code: 'malformed',
        message: expect.stringMatching(/is not a P-256 public key as base64url/),
        fix: expect.stringMatching(/exportSigningPublicKey/),
      });
    }
  });

  it('says so where there is no WebCrypto', async () => {
    const crypto = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      await expect(generateDeviceSigningKey()).rejects.toMatchObject({ code: 'unavailable' });
      expect(() =>
        createDeviceSigner({ couple: 'c', partner: 'p', device: 'd', privateKey: {} as never }),
      ).toThrow(AttuneSignatureError);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true });
    }
  });
});
