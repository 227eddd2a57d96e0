import { HttpProblem } from '../http/http-problem.js';
import { checkPairingDevice } from '../pairing/check-pairing-device.js';
import { checkPartner } from '../pairing/check-partner.js';
import { checkPublicKey } from '../pairing/check-public-key.js';
import { normalizePairingCode } from '../pairing/pairing-code.js';
import { createToken, hashSecret } from '../pairing/secrets.js';
import type { RouteContext, RouteResult } from '../server/route-context.js';
import { pairedDevices } from './get-couple.js';

const unknownCode = () =>
  new HttpProblem(404, {
    code: 'unknown-code',
    message: 'No couple is waiting for this pairing code: it is mistyped, already used, or expired',
    where: 'code',
    fix: 'Check the code with your partner; they can get a new one with POST /couples/<id>/code',
  });

/**
 * `POST /couples/join` with `{ code, partner: { id, timeZone }, device, signingKey, publicKey? }`:
 * the second partner joins with the code, which is then used up, and gets their token, the whole
 * couple, the public keys the partners gave (`publicKeys`, by partner id), for the phones' key
 * agreement, and the device each partner paired with and its signing key (`signingKeys`), for the
 * phones' keyrings and the pairing check.
 */
export async function joinCouple(context: RouteContext, body: unknown): Promise<RouteResult> {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof input.code !== 'string') {
    throw new HttpProblem(400, {
      code: 'missing-code',
      message: 'The pairing code is missing',
      where: 'code',
      fix: 'Send the code your partner got when creating the couple, such as "K7QX-M2PA"',
    });
  }
  const code = normalizePairingCode(input.code);
  const partner = checkPartner(input.partner);
  const publicKey = checkPublicKey(input.publicKey);
  const device = await checkPairingDevice(input);
  if (!code) throw unknownCode();
  const token = createToken();
  const outcome = await context.store.joinCouple({
    codeHash: hashSecret(code),
    second: partner,
    tokenHash: hashSecret(token),
    ...(publicKey !== undefined && { publicKey }),
    device,
    now: context.now(),
  });
  if (outcome.kind === 'unknown-code') throw unknownCode();
  if (outcome.kind === 'partner-taken') {
    throw new HttpProblem(409, {
      code: 'partner-taken',
      message: `Your partner already has the id "${outcome.partner}"`,
      where: 'partner.id',
      fix: 'Join with an id of your own; the code stays valid until it is used',
    });
  }
  if (outcome.kind === 'device-taken') {
    throw new HttpProblem(409, {
      code: 'device-taken',
      message: `Your partner's device already has the id "${outcome.device}"`,
      where: 'device',
      fix: 'Join with a device id of your own (createDeviceId makes one); the code stays valid until it is used',
    });
  }
  const publicKeys = await context.store.getPublicKeys(outcome.couple.id);
  const signingKeys = await pairedDevices(context, outcome.couple.id);
  return {
    status: 201,
    body: { couple: outcome.couple, partner: partner.id, token, publicKeys, signingKeys },
  };
}
