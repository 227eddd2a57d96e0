import { loadResources, namespaces, textDirection } from '@attune/content';
import i18next, { type i18n } from 'i18next';

/** Creates the app's i18next instance with Attune's namespaces for one locale loaded. */
export async function createI18n(locale: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({ lng: locale, fallbackLng: 'en', ns: [...namespaces], resources: {} });
  await Promise.all(
    namespaces.map(async (namespace) => {
      const strings = await loadResources(locale, namespace);
      if (strings) instance.addResourceBundle(locale, namespace, strings);
    }),
  );
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
  return instance;
}
