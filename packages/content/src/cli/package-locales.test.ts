/// <reference types="node" />
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageLocales } from './package-locales.js';

describe('findPackageLocales', () => {
  it("finds the package's locales folder from anywhere inside the package", () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const expected = fileURLToPath(new URL('../../locales', import.meta.url));
    expect(findPackageLocales(here)).toBe(expected);
    expect(findPackageLocales(join(here, '..', '..', 'dist'))).toBe(expected);
  });

  it('gives up outside the package', () => {
    expect(findPackageLocales('/')).toBeUndefined();
  });
});
