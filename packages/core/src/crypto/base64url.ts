import { fromBase64, toBase64 } from './base64.js';

// Signatures and public keys travel in JSON and in URLs (pairing links, query strings): the URL-safe
// alphabet without padding (RFC 4648 §5) needs no escaping in either.

/** Base64url (RFC 4648 §5, no padding) of some bytes. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** The bytes of a base64url text without padding, or `undefined` when the text is not one. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[\w-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(standard.padEnd(Math.ceil(text.length / 4) * 4, '='));
}
