/// <reference types="node" />
import { createHash } from 'node:crypto';

/**
 * A short fingerprint of a source text: the first 10 hex digits of its SHA-256. It changes when the
 * text does, by one character or more, and tells nothing else about it. Stored per key in
 * `<locale>/_meta/source-fingerprints.json`, it records which source text a translation was made
 * from.
 *
 * @example
 * ```ts
 * fingerprint('Yes') === fingerprint('Yes'); // true
 * fingerprint('Yes') === fingerprint('Yes.'); // false
 * ```
 */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10);
}
