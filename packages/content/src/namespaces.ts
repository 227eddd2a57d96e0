/** The locale every other locale is translated from. */
export const sourceLocale = 'en';

/** One of the namespaces Attune's words are split into: `common`, one per step, then `safety`. */
export type AttuneNamespace =
  | 'common'
  | 'safe-space'
  | 'open-communication'
  | 'empathy'
  | 'appreciation'
  | 'vulnerability'
  | 'active-listening'
  | 'quality-time'
  | 'conflict'
  | 'professional-help'
  | 'safety';

/**
 * Every namespace Attune uses, in program order: `common`, one per step, then `safety`.
 * Each is one file per locale, `locales/<locale>/<namespace>.json`.
 */
export const namespaces: readonly AttuneNamespace[] = [
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
  'safety',
];
