import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { namespaces } from '../namespaces.js';
import type { ResourceTree } from '../resources.js';
import { addAttuneResources } from './add-attune-resources.js';

// A loader serving made-up locales, so the tests do not depend on which translations exist yet.
function fakeLoader(files: Record<string, ResourceTree>) {
  return vi.fn(async (locale: string, namespace: string) =>
    Object.hasOwn(files, `${locale}/${namespace}`) ? files[`${locale}/${namespace}`] : undefined,
  );
}

const files = {
  'en/common': { hello: 'Hello', bye: 'Bye' },
  'en/empathy': { step: { title: 'Empathy' } },
  'en/safety': { pause: 'Pause' },
  'es/common': { hello: 'Hola', bye: 'Adiós' },
  'es/empathy': { step: { title: 'Empatía' } },
};
const locales = ['en', 'es'];

async function appInstance(language: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, fallbackLng: 'en', resources: {} });
  return i18n;
}

describe('addAttuneResources', () => {
  it('loads only the active locale, with English to fall back to, and the namespaces asked for', async () => {
    const load = fakeLoader(files);
    const i18n = await appInstance('es');
    const added = await addAttuneResources(i18n, { namespaces: ['common'], load, locales });
    expect(load.mock.calls).toEqual([
      ['es', 'common'],
      ['en', 'common'],
    ]);
    expect(added).toEqual({ locale: 'es', namespaces: ['common'] });
    expect(i18n.t('hello', { ns: 'common' })).toBe('Hola');
  });

  it('adds a regional locale under its shipped language, which i18next falls back to', async () => {
    const load = fakeLoader(files);
    const i18n = await appInstance('es-MX');
    await addAttuneResources(i18n, { namespaces: ['empathy'], load, locales });
    expect(load.mock.calls).toEqual([
      ['es', 'empathy'],
      ['en', 'empathy'],
    ]);
    expect(i18n.t('step.title', { ns: 'empathy' })).toBe('Empatía');
  });

  it('takes a namespace the locale lacks from the source locale', async () => {
    const load = fakeLoader(files);
    const i18n = await appInstance('es');
    await addAttuneResources(i18n, { namespaces: ['safety'], load, locales });
    expect(load.mock.calls).toEqual([
      ['es', 'safety'],
      ['en', 'safety'],
    ]);
    expect(i18n.t('pause', { ns: 'safety' })).toBe('Pause');
  });

  it('uses the source locale for a language that is not shipped', async () => {
    const load = fakeLoader(files);
    const i18n = await appInstance('fr');
    const added = await addAttuneResources(i18n, { namespaces: ['common'], load, locales });
    expect(added.locale).toBe('en');
    expect(i18n.t('hello', { ns: 'common' })).toBe('Hello');
  });

  it('never loads the same file twice for one instance, even when called at once', async () => {
    const load = fakeLoader(files);
    const i18n = await appInstance('es');
    const options = { namespaces: ['common', 'empathy'], load, locales };
    const [first, second] = await Promise.all([
      addAttuneResources(i18n, options),
      addAttuneResources(i18n, options),
    ]);
    const third = await addAttuneResources(i18n, { ...options, locale: 'es-ES' });
    // Each namespace in Spanish and in English, once.
    expect(load).toHaveBeenCalledTimes(4);
    expect([...first.namespaces, ...second.namespaces].sort()).toEqual(['common', 'empathy']);
    expect(third.namespaces).toEqual([]);
  });

  it('keeps texts the app set itself', async () => {
    const load = fakeLoader(files);
    const i18n = await appInstance('es');
    i18n.addResourceBundle('es', 'common', { hello: '¡Buenas!' });
    await addAttuneResources(i18n, { namespaces: ['common'], load, locales });
    expect(i18n.t('hello', { ns: 'common' })).toBe('¡Buenas!');
    expect(i18n.t('bye', { ns: 'common' })).toBe('Adiós');
  });

  it('tries again after a failed load instead of remembering the failure', async () => {
    let offline = true;
    const load = vi.fn(async (locale: string) => {
      if (locale === 'es' && offline) {
        offline = false;
        throw new Error('offline');
      }
      return { hello: locale === 'es' ? 'Hola' : 'Hello' };
    });
    const i18n = await appInstance('es');
    const options = { namespaces: ['common'], load, locales };
    await expect(addAttuneResources(i18n, options)).rejects.toThrow('offline');
    await expect(addAttuneResources(i18n, options)).resolves.toEqual({
      locale: 'es',
      namespaces: ['common'],
    });
  });

  it("loads the shipped files for the instance's language by default", async () => {
    const i18n = await appInstance('en-GB');
    const added = await addAttuneResources(i18n, { namespaces: ['common'] });
    expect(added).toEqual({ locale: 'en', namespaces: ['common'] });
    expect(i18n.hasResourceBundle('en', 'common')).toBe(true);
  });

  it("loads the program's namespaces by default, and a deck namespace only when asked", async () => {
    const i18n = await appInstance('en');
    const program = await addAttuneResources(i18n);
    expect(program.namespaces).toEqual(namespaces);
    expect(i18n.hasResourceBundle('en', 'deck-empathy')).toBe(false);
    const deck = await addAttuneResources(i18n, { namespaces: ['deck-empathy', 'deck-quiz-1'] });
    expect(deck.namespaces).toEqual(['deck-empathy', 'deck-quiz-1']);
    expect(i18n.t('deck.title', { ns: 'deck-empathy' })).not.toBe('deck.title');
  });

  it('takes a deck file the locale lacks from the source locale', async () => {
    const load = fakeLoader({
      ...files,
      'en/deck-quiz-1': { 'quiz-free-day': { question: 'Free day?', options: { a: 'Sleep' } } },
    });
    const i18n = await appInstance('es');
    await addAttuneResources(i18n, { namespaces: ['deck-quiz-1'], load, locales });
    expect(load.mock.calls).toEqual([
      ['es', 'deck-quiz-1'],
      ['en', 'deck-quiz-1'],
    ]);
    expect(i18n.t('quiz-free-day.options.a', { ns: 'deck-quiz-1' })).toBe('Sleep');
  });

  it("falls back to English key by key for a plugin's partial translation", async () => {
    // A plugin whose German file lacks a key, handed over by `pluginResources`.
    const load = fakeLoader({
      'en/question-ladder': { suggest: { 'almost-full': 'Almost there', start: 'Start' } },
      'de/question-ladder': { suggest: { start: 'Los geht’s' } },
    });
    const i18n = await appInstance('de');
    await addAttuneResources(i18n, {
      namespaces: ['question-ladder'],
      locales: ['en', 'de'],
      load,
    });
    expect(i18n.t('question-ladder:suggest.start')).toBe('Los geht’s');
    expect(i18n.t('question-ladder:suggest.almost-full')).toBe('Almost there');
  });

  it('falls back to English for a core key a new locale has not translated yet', async () => {
    const load = fakeLoader({
      'en/common': { mode: { each: 'Each of you', together: 'Together' } },
      'de/common': { mode: { together: 'Gemeinsam' } },
    });
    const i18n = await appInstance('de-AT');
    await addAttuneResources(i18n, { namespaces: ['common'], locales: ['en', 'de'], load });
    expect(i18n.t('common:mode.together')).toBe('Gemeinsam');
    expect(i18n.t('common:mode.each')).toBe('Each of you');
    // English plural forms, chosen by English rules, for a key the locale lacks.
    const ar = await appInstance('ar');
    await addAttuneResources(ar, {
      namespaces: ['common'],
      locales: ['en', 'ar'],
      load: fakeLoader({
        'en/common': { minutes_one: '{{count}} minute', minutes_other: '{{count}} minutes' },
        'ar/common': {},
      }),
    });
    expect(ar.t('common:minutes', { count: 3 })).toBe('3 minutes');
  });

  it('loads no English beside the shipped translations, which check keeps complete', async () => {
    const i18n = await appInstance('ja');
    await addAttuneResources(i18n, { namespaces: ['common'] });
    expect(i18n.hasResourceBundle('ja', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);
  });

  it('skips a namespace no locale has', async () => {
    const i18n = await appInstance('en');
    const added = await addAttuneResources(i18n, { namespaces: ['missing'] });
    expect(added.namespaces).toEqual([]);
  });
});
