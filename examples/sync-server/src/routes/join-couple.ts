import { HttpProblem } from '../http/http-problem.js';
import { checkPartner } from '../pairing/check-partner.js';
import { checkPublicKey } from '../pairing/check-public-key.js';
import { normalizePairingCode } from '../pairing/pairing-code.js';
import { createToken, hashSecret } from '../pairing/secrets.js';
import type { RouteContext, RouteResult } from '../server/route-context.js';

const unknownCode = () =>
  new HttpProblem(404, {
    code: 'unknown-code',
    message: 'No couple is waiting for this pairing code: it is mistyped, already used, or expired',
    where: 'code',
    fix: 'Check the code with your partner; they can get a new one with POST /couples/<id>/code',
  });

/**
 * `POST /couples/join` with `{ code, partner: { id, timeZone }, publicKey? }`: the second partner
 * joins with the code, which is then used up, and gets their token, the whole couple and the public
 * keys the partners gave (`publicKeys`, by partner id), for the phones' key agreement.
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
  if (!code) throw unknownCode();
  const token = createToken();
  const outcome = await context.store.joinCouple({
    codeHash: hashSecret(code),
    second: partner,
    tokenHash: hashSecret(token),
    ...(publicKey !== undefined && { publicKey }),
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
  const publicKeys = await context.store.getPublicKeys(outcome.couple.id);
  return { status: 201, body: { couple: outcome.couple, partner: partner.id, token, publicKeys } };
}
