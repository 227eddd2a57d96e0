import { HttpProblem } from '../http/http-problem.js';
import { createPairingCode, normalizePairingCode } from '../pairing/pairing-code.js';
import { hashSecret } from '../pairing/secrets.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';

/** `POST /couples/:id/code`: a new pairing code while the other partner has not joined yet. */
export async function renewCode(context: RouteContext, caller: Caller): Promise<RouteResult> {
  const code = createPairingCode();
  const codeExpiresAt = context.now() + context.codeTtlMs;
  const renewed = await context.store.renewCode(
    caller.couple.id,
    hashSecret(normalizePairingCode(code) as string),
    codeExpiresAt,
  );
  if (!renewed) {
    throw new HttpProblem(409, {
      code: 'already-paired',
      message: 'Both partners have joined this couple, so it needs no pairing code',
      where: 'path',
      fix: 'Nothing to do: sync with the token you have',
    });
  }
  return {
    status: 201,
    body: { couple: caller.couple.id, code, codeExpiresAt, codeExpiresInMs: context.codeTtlMs },
  };
}
