import { describe, expect, it, vi } from 'vitest';

// Counts the dynamic imports themselves: every entry of the generated maps is replaced by a spy,
// so the test sees exactly which locale × namespace files would be downloaded, and whether the
// deck files' own map was imported at all.
const imported: string[] = [];
type Loaders = Record<string, Record<string, () => Promise<{ default: unknown }>>>;
const { spyLoaders } = vi.hoisted(() => ({
  spyLoaders: (namespaces: readonly string[], log: string[]): Loaders => {
    const loaders: Loaders = {};
    for (const locale of ['en', 'de', 'ar']) {
      loaders[locale] = {};
      for (const namespace of namespaces) {
        loaders[locale][namespace] = async () => {
          log.push(`${locale}/${namespace}`);
          return { default: { greeting: `${locale} ${namespace}` } };
        };
      }
    }
    return loaders;
  },
}));
vi.mock('./generated/loaders.js', () => ({
  loaders: spyLoaders(['common', 'empathy', 'conflict', 'safety'], imported),
}));
vi.mock('./generated/deck-loaders.js', () => {
  imported.push('deck-loaders');
  return { deckLoaders: spyLoaders(['deck-empathy', 'deck-quiz-1'], imported) };
});

const { loadResources, shippedLocales } = await import('./resources.js');
const { addAttuneResources } = await import('./i18next/add-attune-resources.js');

describe('lazy loading', () => {
  it('imports only the one file asked for', async () => {
    imported.length = 0;
    expect(await loadResources('de', 'empathy')).toEqual({ greeting: 'de empathy' });
    expect(imported).toEqual(['de/empathy']);
  });

  it('imports the deck files, and their map, only when a deck is asked for', async () => {
    imported.length = 0;
    const i18n = { language: 'ar', addResourceBundle: () => undefined };
    await addAttuneResources(i18n);
    expect(imported.filter((file) => file.includes('deck-'))).toEqual([]);
    await addAttuneResources(i18n, { namespaces: ['deck-empathy'] });
    expect(imported.filter((file) => file.includes('deck-'))).toEqual([
      'deck-loaders',
      'ar/deck-empathy',
    ]);
  });

  it('imports only the active locale and the namespaces in use', async () => {
    imported.length = 0;
    const bundles: string[] = [];
    const i18n = {
      language: 'de-AT',
      addResourceBundle: (language: string, namespace: string) =>
        bundles.push(`${language}/${namespace}`),
    };
    await addAttuneResources(i18n, { namespaces: ['common', 'empathy'] });
    expect(shippedLocales).toEqual(['en', 'de', 'ar']);
    expect(imported.sort()).toEqual(['de/common', 'de/empathy']);
    expect(bundles.sort()).toEqual(['de/common', 'de/empathy']);
  });
});
