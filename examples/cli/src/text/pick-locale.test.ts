import { describe, expect, it } from 'vitest';
import { pickLocale } from './pick-locale.js';

describe('pickLocale', () => {
  it('reads POSIX locale names, dropping the codeset and modifier', () => {
    expect(pickLocale(undefined, { LANG: 'ar_EG.UTF-8' })).toBe('ar');
    expect(pickLocale(undefined, { LANG: 'de_AT.UTF-8@euro' })).toBe('de');
    expect(pickLocale(undefined, { LANG: 'es_MX' })).toBe('es');
  });

  it('takes the flag first, then LC_ALL, LC_MESSAGES and LANG', () => {
    const env = { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'ar_EG.UTF-8' };
    expect(pickLocale('es', env)).toBe('es');
    expect(pickLocale(undefined, env)).toBe('ja');
    expect(pickLocale(undefined, { ...env, LC_ALL: '' })).toBe('de');
  });

  it('falls back to the source locale for C, POSIX, nothing, or a locale not shipped', () => {
    expect(pickLocale(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(pickLocale(undefined, { LC_ALL: 'POSIX' })).toBe('en');
    expect(pickLocale(undefined, {})).toBe('en');
    expect(pickLocale('fr-CA', {})).toBe('en');
  });
});
