import { importSigningPublicKey } from '@attune/core/crypto';
import { MAX_ID_LENGTH } from '@attune/core/sync';
import { HttpProblem } from '../http/http-problem.js';
import type { PairingDevice } from '../storage/relay-store.js';

/**
 * Checks the `device` and `signingKey` of a pairing request: the id of the device the partner
 * pairs with, as its events name it (text of 1 to 128 characters), and the public key it signs
 * them with, as `exportSigningPublicKey` writes it (`importSigningPublicKey` must read it: a P-256
 * point as 87 characters of base64url). The relay binds the device to the partner with that key
 * and passes both on to the other partner, whose phone puts them into the pairing check.
 *
 * @throws {@link HttpProblem} 400 naming `device` or `signingKey`.
 */
export async function checkPairingDevice(input: Record<string, unknown>): Promise<PairingDevice> {
  const { device, signingKey } = input;
  if (typeof device !== 'string' || device.length === 0 || device.length > MAX_ID_LENGTH) {
    throw new HttpProblem(400, {
      code: 'invalid-device',
      message:
        typeof device === 'string'
          ? `device should be text of 1 to ${MAX_ID_LENGTH} characters, and it has ${device.length}`
          : `device should be the id of the device you pair with, and it is ${device === null ? 'null' : typeof device}`,
      where: 'device',
      fix: 'Send the device id this phone records under (createDeviceId makes one), the same its events name',
    });
  }
  const fix =
    'Make a key pair with generateDeviceSigningKey() and send exportSigningPublicKey(keys) as signingKey';
  if (typeof signingKey !== 'string') {
    throw new HttpProblem(400, {
      code: 'invalid-signing-key',
      message: `signingKey should be the public key this device signs its events with, and it is ${signingKey === null ? 'null' : typeof signingKey}`,
      where: 'signingKey',
      fix,
    });
  }
  try {
    await importSigningPublicKey(signingKey);
  } catch {
    throw new HttpProblem(400, {
      code: 'invalid-signing-key',
      message:
        'signingKey is not a P-256 public key as exportSigningPublicKey writes it (87 characters of base64url)',
      where: 'signingKey',
      fix,
    });
  }
  return { device, signingKey };
}
