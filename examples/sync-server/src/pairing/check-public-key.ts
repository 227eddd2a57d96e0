import { HttpProblem } from '../http/http-problem.js';

// Room for any key the phones may agree with, as text: an ECDH P-256 key as base64 SPKI is 124
// characters, as a JWK about 190.
const MAX_LENGTH = 512;

/**
 * Checks the optional `publicKey` of a pairing request: text of 1 to 512 characters (reading the
 * body already refused a NUL character or a lone surrogate in it, as in any string). The relay
 * passes it on to the other partner for the phones' key agreement, as it came; it never reads it.
 *
 * @returns the key, or undefined when the request has none.
 * @throws {@link HttpProblem} 400 naming `publicKey` when it is anything else.
 */
export function checkPublicKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) {
    throw new HttpProblem(400, {
      code: 'invalid-public-key',
      message:
        typeof value === 'string'
          ? `publicKey should be text of 1 to ${MAX_LENGTH} characters, and it has ${value.length}`
          : `publicKey should be text of 1 to ${MAX_LENGTH} characters, and it is ${value === null ? 'null' : typeof value}`,
      where: 'publicKey',
      fix: 'Send the public key as text, such as the base64 of an exported key, or leave publicKey out',
    });
  }
  return value;
}
