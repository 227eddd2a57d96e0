import { describe, expect, it } from 'vitest';
import { loadResources, namespaces, shippedLocales, sourceLocale } from './resources.js';

describe('loadResources', () => {
  it('loads every namespace of the source locale', async () => {
    expect(shippedLocales).toContain(sourceLocale);
    for (const namespace of namespaces) {
      const strings = await loadResources(sourceLocale, namespace);
      expect(strings, namespace).toBeTypeOf('object');
    }
  });

  it('gives each step namespace a title, a summary and a reason', async () => {
    for (const namespace of namespaces.filter((name) => name !== 'common')) {
      const strings = await loadResources('en', namespace);
      expect(strings?.step).toEqual({
        title: expect.any(String),
        summary: expect.any(String),
        why: expect.any(String),
      });
    }
  });

  it('returns undefined for an unknown locale or namespace', async () => {
    expect(await loadResources('xx', 'common')).toBeUndefined();
    expect(await loadResources('en', 'nope')).toBeUndefined();
    expect(await loadResources('en', '__proto__')).toBeUndefined();
    expect(await loadResources('constructor', 'common')).toBeUndefined();
  });
});
