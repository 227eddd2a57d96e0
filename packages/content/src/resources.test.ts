/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLocalesFolder } from './cli/read-locales.js';
import { deckNamespaces, isDeckNamespace, namespaces, sourceLocale } from './namespaces.js';
import { loadResources, matchLocale, shippedLocales } from './resources.js';

describe('loadResources', () => {
  it('loads every namespace the source locale ships', async () => {
    expect(shippedLocales[0]).toBe(sourceLocale);
    for (const namespace of namespaces) {
      const strings = await loadResources(sourceLocale, namespace);
      if (strings !== undefined) expect(strings, namespace).toBeTypeOf('object');
    }
    expect(await loadResources(sourceLocale, 'common')).toBeTypeOf('object');
  });

  it('gives each step namespace a title, a summary and a reason', async () => {
    const steps = namespaces.filter((name) => name !== 'common' && name !== 'safety');
    for (const namespace of steps) {
      const strings = await loadResources('en', namespace);
      expect(strings?.step).toMatchObject({
        title: expect.any(String),
        summary: expect.any(String),
        why: expect.any(String),
      });
    }
  });

  it('lists every deck file of the source locale in deckNamespaces, and only those', () => {
    const locales = readLocalesFolder(fileURLToPath(new URL('../locales', import.meta.url)));
    const files = [...(locales.get(sourceLocale)?.keys() ?? [])];
    expect(files.filter(isDeckNamespace).sort()).toEqual([...deckNamespaces].sort());
    expect(namespaces.filter(isDeckNamespace)).toEqual([]);
  });

  it("loads each deck namespace, a deck's first file opening with its title and about", async () => {
    for (const namespace of deckNamespaces) {
      const strings = await loadResources(sourceLocale, namespace);
      expect(strings, namespace).toBeTypeOf('object');
      // Later files of a deck (`deck-daily-2` …) hold only prompts.
      if (/-([2-9]|\d{2,})$/.test(namespace)) continue;
      expect(Object.keys(strings ?? {})[0], namespace).toBe('deck');
      expect(strings?.deck, namespace).toEqual({
        title: expect.any(String),
        about: expect.any(String),
      });
    }
  });

  it('returns undefined for an unknown locale or namespace', async () => {
    expect(await loadResources('xx', 'common')).toBeUndefined();
    expect(await loadResources('en', 'nope')).toBeUndefined();
    expect(await loadResources('en', '__proto__')).toBeUndefined();
    expect(await loadResources('constructor', 'common')).toBeUndefined();
    expect(await loadResources('__proto__', 'toString')).toBeUndefined();
  });
});

describe('matchLocale', () => {
  const available = ['en', 'es', 'de', 'ar', 'ja', 'zh-Hant'];

  it('keeps a locale that is shipped as it is', () => {
    expect(matchLocale('de', available)).toBe('de');
    expect(matchLocale('zh-Hant', available)).toBe('zh-Hant');
  });

  it('falls back from a regional locale to its language', () => {
    expect(matchLocale('es-MX', available)).toBe('es');
    expect(matchLocale('ar-EG', available)).toBe('ar');
    expect(matchLocale('zh-Hant-TW', available)).toBe('zh-Hant');
  });

  it('matches codes whatever their case', () => {
    expect(matchLocale('DE-at', available)).toBe('de');
    expect(matchLocale('de_AT', available)).toBe('de');
    expect(matchLocale('zh-hant', available)).toBe('zh-Hant');
  });

  it('uses the source locale for a language not shipped or a malformed tag', () => {
    expect(matchLocale('fr-FR', available)).toBe('en');
    expect(matchLocale('not a locale!', available)).toBe('en');
    expect(matchLocale('', available)).toBe('en');
  });

  it('matches against the shipped locales by default', () => {
    expect(matchLocale('en-GB')).toBe('en');
  });
});
