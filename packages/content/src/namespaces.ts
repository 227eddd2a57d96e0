/** The locale every other locale is translated from. */
export const sourceLocale = 'en';

/**
 * One of the namespaces the program's words are split into: `common`, one per step, then
 * `safety`. The prompt decks have namespaces of their own, {@link DeckNamespace}.
 */
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
 * Every namespace of the program's words, in program order: `common`, one per step, then `safety`.
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

/**
 * One of the namespaces that word the prompt decks of `@attune/core`: the question a day
 * (`deck-daily-1` … `deck-daily-4`), a talk deck per step (`deck-empathy`), the partner quiz
 * (`deck-quiz-1` … `deck-quiz-4`), reflections, appreciation starters, date ideas and repair
 * phrases. A prompt's text is looked up by the `key` in the core deck data, such as
 * `deck-daily-1:daily-breakfast`.
 */
export type DeckNamespace =
  | 'deck-daily-1'
  | 'deck-daily-2'
  | 'deck-daily-3'
  | 'deck-daily-4'
  | 'deck-safe-space'
  | 'deck-open-communication'
  | 'deck-empathy'
  | 'deck-appreciation'
  | 'deck-vulnerability'
  | 'deck-active-listening'
  | 'deck-quality-time'
  | 'deck-conflict'
  | 'deck-professional-help'
  | 'deck-quiz-1'
  | 'deck-quiz-2'
  | 'deck-quiz-3'
  | 'deck-quiz-4'
  | 'deck-reflection-1'
  | 'deck-reflection-2'
  | 'deck-starters'
  | 'deck-dates'
  | 'deck-repair';

/**
 * Every deck namespace, deck by deck. Each is one file per locale, like the program's namespaces,
 * and is loaded only when asked for: `addAttuneResources(i18n, { namespaces: ['deck-empathy'] })`.
 */
export const deckNamespaces: readonly DeckNamespace[] = [
  'deck-daily-1',
  'deck-daily-2',
  'deck-daily-3',
  'deck-daily-4',
  'deck-safe-space',
  'deck-open-communication',
  'deck-empathy',
  'deck-appreciation',
  'deck-vulnerability',
  'deck-active-listening',
  'deck-quality-time',
  'deck-conflict',
  'deck-professional-help',
  'deck-quiz-1',
  'deck-quiz-2',
  'deck-quiz-3',
  'deck-quiz-4',
  'deck-reflection-1',
  'deck-reflection-2',
  'deck-starters',
  'deck-dates',
  'deck-repair',
];

/**
 * Tells whether a namespace holds deck prompts, by its `deck-` prefix, so that a locales folder
 * with decks this package does not list yet is still read right.
 */
export function isDeckNamespace(namespace: string): boolean {
  return namespace.startsWith('deck-');
}
