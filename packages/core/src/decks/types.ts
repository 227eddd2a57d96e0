import type { ContentKey } from '../program/types.js';

/**
 * How much a prompt asks of the couple: `light` is a good day's chat, `medium` is how you feel and
 * what you hope, `deep` is fears, hurts and what you have never said.
 */
export type PromptDepth = 'light' | 'medium' | 'deep';

/**
 * Something about a couple's life that they can tell the deck engine, so the draw fits them. A prompt
 * that names a context is drawn only for couples who set it; a prompt without one suits any couple.
 */
export type CoupleContext =
  | 'long-distance'
  | 'living-apart'
  | 'new-parents'
  | 'raising-children'
  | 'new-relationship'
  | 'long-relationship'
  | 'later-life';

/** What a deck holds: talk prompts, a question a day, quiz questions, ideas or phrases. */
export type DeckKind =
  | 'conversation'
  | 'daily'
  | 'partner-quiz'
  | 'reflection'
  | 'appreciation-starter'
  | 'date-idea'
  | 'repair-phrase';

/** One answer a partner can pick in a partner-quiz question. */
export interface DeckOption {
  readonly id: string;
  readonly key: ContentKey;
}

/** One card of a deck: its words are looked up by `key` in the content package. */
export interface DeckPrompt {
  /** Unique across every deck, kebab-case, starting with the deck's id. */
  readonly id: string;
  readonly key: ContentKey;
  readonly depth: PromptDepth;
  /** Topics, from {@link promptTags}. */
  readonly tags: readonly string[];
  /** When set, the prompt is only for couples who set one of these contexts. */
  readonly contexts?: readonly CoupleContext[];
  /** The answers to pick from, for partner-quiz questions. */
  readonly options?: readonly DeckOption[];
}

/** A deck of prompts, as data: the deck engine draws from it, the content package words it. */
export interface Deck {
  /** Unique, kebab-case. */
  readonly id: string;
  readonly kind: DeckKind;
  /** The step the deck belongs to, for decks that deepen one step. */
  readonly step?: string;
  readonly titleKey: ContentKey;
  readonly prompts: readonly DeckPrompt[];
}
