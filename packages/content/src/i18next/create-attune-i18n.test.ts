import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { type ResourceTree, shippedLocales } from '../resources.js';
import { createAttuneI18n } from './create-attune-i18n.js';

describe('createAttuneI18n', () => {
  it('sets the source locale as fallback explicitly, since i18next 27 has none by default', async () => {
    const i18n = await createAttuneI18n({ locale: 'de', namespaces: ['common'] });
    expect(i18n.options.fallbackLng).toEqual(['en']);
    expect(i18n.language).toBe('de');
  });

  it('is ready to translate Attune keys, with common as the default namespace', async () => {
    const i18n = await createAttuneI18n({ locale: 'en' });
    const title = i18n.t('program.title');
    expect(title).toBeTypeOf('string');
    expect(title).not.toBe('program.title');
    expect(i18n.options.defaultNS).toBe('common');
  });

  it('loads only the namespaces asked for', async () => {
    const load = vi.fn(async () => ({ hello: 'Hallo' }));
    const i18n = await createAttuneI18n({
      locale: 'de',
      namespaces: ['common', 'empathy'],
      load,
      locales: ['en', 'de'],
    });
    expect(load.mock.calls).toEqual([
      ['de', 'common'],
      ['en', 'common'],
      ['de', 'empathy'],
      ['en', 'empathy'],
    ]);
    expect(i18n.t('hello')).toBe('Hallo');
  });

  it('falls back to English for each key a translation lacks', async () => {
    const files: Record<string, ResourceTree> = {
      'en/common': { program: { title: 'Attune' }, mode: { each: 'Each of you' } },
      'de/common': { program: { title: 'Attune auf Deutsch' } },
    };
    const i18n = await createAttuneI18n({
      locale: 'de',
      namespaces: ['common'],
      locales: ['en', 'de'],
      load: async (locale, namespace) => files[`${locale}/${namespace}`],
    });
    expect(i18n.t('program.title')).toBe('Attune auf Deutsch');
    expect(i18n.t('mode.each')).toBe('Each of you');
  });

  it("keeps the app's own i18next options, fallback included", async () => {
    const i18n = await createAttuneI18n({
      locale: 'en',
      namespaces: [],
      init: { fallbackLng: 'de', interpolation: { escapeValue: false } },
    });
    expect(i18n.options.fallbackLng).toEqual(['de']);
    expect(i18n.options.interpolation?.escapeValue).toBe(false);
  });

  it("leaves i18next's global instance alone", async () => {
    await createAttuneI18n({ locale: shippedLocales[0] as string });
    // The global instance was never initialised, so nothing was added to it.
    expect(i18next.isInitialized ?? false).toBe(false);
    expect(i18next.store?.data ?? {}).toEqual({});
  });
});
