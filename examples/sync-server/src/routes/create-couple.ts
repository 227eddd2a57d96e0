import { LATEST_TIME_MS } from '../events/date-range.js';
import { HttpProblem } from '../http/http-problem.js';
import { checkPairingDevice } from '../pairing/check-pairing-device.js';
import { checkPartner } from '../pairing/check-partner.js';
import { checkPublicKey } from '../pairing/check-public-key.js';
import { createPairingCode, normalizePairingCode } from '../pairing/pairing-code.js';
import { createCoupleId, createToken, hashSecret } from '../pairing/secrets.js';
import type { RouteContext, RouteResult } from '../server/route-context.js';

/**
 * `POST /couples` with `{ partner: { id, timeZone }, device, signingKey, startedAt?, publicKey? }`:
 * the first partner creates the couple and gets their token and the code the other partner joins
 * with. Their device is bound to them with its signing key, which goes to the other partner when
 * they join, as does their public key, if given.
 */
export async function createCouple(context: RouteContext, body: unknown): Promise<RouteResult> {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const partner = checkPartner(input.partner);
  const publicKey = checkPublicKey(input.publicKey);
  const device = await checkPairingDevice(input);
  const now = context.now();
  const startedAt = input.startedAt ?? now;
  if (
    !Number.isSafeInteger(startedAt) ||
    (startedAt as number) < 0 ||
    (startedAt as number) > LATEST_TIME_MS
  ) {
    throw new HttpProblem(400, {
      code: 'invalid-started-at',
      message: `startedAt should be a whole number of ms since the epoch, from 0 to ${LATEST_TIME_MS} (the end of the year 9999: phones count days on from it, within the JavaScript Date range), and it is ${typeof startedAt === 'number' ? startedAt : `a ${typeof startedAt}`}`,
      where: 'startedAt',
      fix: 'Send Date.now() of when the couple started, or leave startedAt out for now',
    });
  }
  const id = createCoupleId();
  const token = createToken();
  const code = createPairingCode();
  const codeExpiresAt = now + context.codeTtlMs;
  await context.store.createCouple({
    id,
    startedAt: startedAt as number,
    first: partner,
    codeHash: hashSecret(normalizePairingCode(code) as string),
    codeExpiresAt,
    tokenHash: hashSecret(token),
    ...(publicKey !== undefined && { publicKey }),
    device,
    now,
  });
  return {
    status: 201,
    // The lifetime too, not only the server's deadline: a phone whose clock is off can still tell
    // when its code runs out.
    body: {
      couple: id,
      partner: partner.id,
      token,
      code,
      codeExpiresAt,
      codeExpiresInMs: context.codeTtlMs,
    },
  };
}
