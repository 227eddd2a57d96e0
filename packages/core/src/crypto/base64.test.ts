/// <reference types="node" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64.js';

describe('base64', () => {
  it('encodes as the standard alphabet with padding, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('refuses text that is not base64', () => {
    for (const text of ['abc', 'ab$=', 'a===', '=abc']) expect(fromBase64(text)).toBeUndefined();
  });
});
