import { describe, expect, it, vi } from 'vitest';

// Counts the dynamic imports themselves: every entry of the generated map is replaced by a spy,
// so the test sees exactly which locale × namespace files would be downloaded.
const imported: string[] = [];
vi.mock('./generated/loaders.js', () => {
  const loaders: Record<string, Record<string, () => Promise<{ default: unknown }>>> = {};
  for (const locale of ['en', 'de', 'ar']) {
    loaders[locale] = {};
    for (const namespace of ['common', 'empathy', 'conflict', 'safety']) {
      loaders[locale][namespace] = async () => {
        imported.push(`${locale}/${namespace}`);
        return { default: { greeting: `${locale} ${namespace}` } };
      };
    }
  }
  return { loaders };
});

const { loadResources, shippedLocales } = await import('./resources.js');
const { addAttuneResources } = await import('./i18next/add-attune-resources.js');

describe('lazy loading', () => {
  it('imports only the one file asked for', async () => {
    imported.length = 0;
    expect(await loadResources('de', 'empathy')).toEqual({ greeting: 'de empathy' });
    expect(imported).toEqual(['de/empathy']);
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
