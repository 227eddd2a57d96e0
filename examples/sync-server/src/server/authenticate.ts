import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '../http/http-problem.js';
import { hashSecret } from '../pairing/secrets.js';
import type { RelayStore, TokenOwner } from '../storage/relay-store.js';

const missing = () =>
  new HttpProblem(
    401,
    {
      code: 'unauthenticated',
      message: 'This request needs the bearer token you got when pairing',
      where: 'Authorization',
      fix: 'Send the header Authorization: Bearer <token>',
    },
    { headers: { 'WWW-Authenticate': 'Bearer' } },
  );

/** The bearer token of a request, if it has one. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/**
 * Whom the request's bearer token belongs to.
 *
 * @throws {@link HttpProblem} 401 when the token is missing or unknown.
 */
export async function authenticate(
  request: IncomingMessage,
  store: RelayStore,
): Promise<TokenOwner & { readonly tokenHash: string }> {
  const token = bearerToken(request);
  if (!token) throw missing();
  const tokenHash = hashSecret(token);
  const owner = await store.findToken(tokenHash);
  if (!owner) {
    throw new HttpProblem(
      401,
      {
        code: 'unknown-token',
        message: 'This bearer token is not known here',
        where: 'Authorization',
        fix: 'Use the token this server gave you when pairing; pair again if it was lost',
      },
      { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } },
    );
  }
  return { ...owner, tokenHash };
}
