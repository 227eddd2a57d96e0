/// <reference types="node" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.js';

describe('base64url', () => {
  it('encodes as the URL-safe alphabet without padding, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('refuses text that is not base64url', () => {
    for (const text of ['a', 'ab+c', 'ab/c', 'abc=', 'ab c', 'ab\ncd']) {
      expect(fromBase64Url(text)).toBeUndefined();
    }
  });
});
