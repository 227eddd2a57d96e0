// @vitest-environment node

import { shippedLocales } from '@attune/content';
import { describe, expect, it } from 'vitest';
import { localeName, namedLocales } from './i18n.js';

describe('the names of the languages', () => {
  it('name every shipped locale in its own language, as Intl.DisplayNames does', () => {
    expect([...namedLocales].sort()).toEqual([...shippedLocales].sort());
    for (const locale of shippedLocales) {
      expect(localeName(locale)).toBe(
        new Intl.DisplayNames([locale], { type: 'language' }).of(locale),
      );
    }
  });
});
