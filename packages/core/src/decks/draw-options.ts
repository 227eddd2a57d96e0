import type { PromptTag } from './tags.js';
import type { CoupleContext, PromptDepth } from './types.js';

/**
 * How deep a draw may go: `gentle` (the default) draws every light prompt, then the medium ones, then
 * the deep ones, shuffled within each depth; `mixed` draws one shuffled order of every depth; a
 * {@link PromptDepth} draws only prompts of that depth.
 */
export type DeckDepthChoice = 'gentle' | 'mixed' | PromptDepth;

/** What shapes a couple's order of a deck. */
export interface DeckOrderOptions {
  /** The couple's id (`engine.couple.id`): it seeds the shuffle, so both partners share one order. */
  readonly coupleId: string;
  /** How deep the draw may go; `gentle` by default. */
  readonly depth?: DeckDepthChoice | undefined;
  /**
   * What the couple said about their life. A prompt meant for some contexts is drawn only when the
   * couple set one of them, and before the other prompts of its depth.
   */
  readonly contexts?: readonly CoupleContext[] | undefined;
  /** Topics the couple would like first: prompts with one of them come first within their depth. */
  readonly tags?: readonly PromptTag[] | undefined;
  /** Which round through the deck, from 1: each round has its own order. 1 by default. */
  readonly round?: number | undefined;
}

/** What a draw needs: the couple's order, and which prompts they already used. */
export interface DeckDrawOptions extends Omit<DeckOrderOptions, 'round'> {
  /**
   * Ids of the prompts the couple already used (answered, or drawn and talked through), one entry
   * per use: an id given twice was used in two rounds. In any order; ids that are not prompts the
   * couple may draw from this deck are ignored.
   */
  readonly used?: readonly string[] | undefined;
}
