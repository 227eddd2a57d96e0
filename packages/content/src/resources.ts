/** A tree of translated strings, as in an i18next JSON v4 namespace file. */
export interface ResourceTree {
  readonly [key: string]: string | ResourceTree;
}

/** The locale every other locale is translated from. */
export const sourceLocale = 'en';

/** Every namespace Attune's program uses: `common`, then one per step. */
export const namespaces: readonly string[] = [
  'common',
  'safe-space',
  'open-communication',
  'empathy',
  'appreciation',
  'vulnerability',
  'active-listening',
  'quality-time',
  'conflict',
  'professional-help',
];

type Loader = () => Promise<{ default: ResourceTree }>;

// One dynamic import per file, so a bundler splits each locale × namespace into its own chunk
// and an app downloads only what it uses.
const loaders: Readonly<Record<string, Readonly<Record<string, Loader>>>> = {
  en: {
    common: () => import('../locales/en/common.json'),
    'safe-space': () => import('../locales/en/safe-space.json'),
    'open-communication': () => import('../locales/en/open-communication.json'),
    empathy: () => import('../locales/en/empathy.json'),
    appreciation: () => import('../locales/en/appreciation.json'),
    vulnerability: () => import('../locales/en/vulnerability.json'),
    'active-listening': () => import('../locales/en/active-listening.json'),
    'quality-time': () => import('../locales/en/quality-time.json'),
    conflict: () => import('../locales/en/conflict.json'),
    'professional-help': () => import('../locales/en/professional-help.json'),
  },
};

/** Locales that ship with the package. */
export const shippedLocales: readonly string[] = Object.keys(loaders);

/**
 * Loads one namespace of one locale. Only that file is fetched.
 *
 * @returns the namespace's strings, or `undefined` when the package has no such locale or namespace.
 * @example
 * ```ts
 * const strings = await loadResources('en', 'safe-space');
 * i18n.addResourceBundle('en', 'safe-space', strings);
 * ```
 */
export async function loadResources(
  locale: string,
  namespace: string,
): Promise<ResourceTree | undefined> {
  // Own-property checks keep `__proto__` or `constructor` from reaching the prototype.
  const forLocale = Object.hasOwn(loaders, locale) ? loaders[locale] : undefined;
  const load = forLocale && Object.hasOwn(forLocale, namespace) ? forLocale[namespace] : undefined;
  if (!load) return undefined;
  const module = await load();
  return module.default;
}
