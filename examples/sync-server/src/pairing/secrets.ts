import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 256 random bits, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new couple id, such as `c-3f9c2a7b1e4d5a60`. */
export function createCoupleId(): string {
  return `c-${randomBytes(8).toString('hex')}`;
}

/**
 * SHA-256 of a token or pairing code. Only hashes are stored, so a copy of the database cannot be
 * used to sign in; a fast hash is enough because the secrets are random, not chosen by people.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
