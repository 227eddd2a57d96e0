import { checkDraw } from './check-draw.js';
import { depthRank } from './depths.js';
import type { DeckOrderOptions } from './draw-options.js';
import { seededKey } from './seeded-order.js';
import type { PromptTag } from './tags.js';
import type { CoupleContext, Deck, DeckPrompt } from './types.js';

/** A prompt of the couple's order, with why it stands where it does. */
export interface PlacedPrompt {
  readonly prompt: DeckPrompt;
  /** The first of the couple's contexts the prompt is meant for, if it is meant for some. */
  readonly context: CoupleContext | undefined;
  /** The first of the couple's preferred tags the prompt has, if any. */
  readonly tag: PromptTag | undefined;
}

/** Whether a couple who set `contexts` may draw the prompt, and the context that lets them. */
function contextOf(
  prompt: DeckPrompt,
  contexts: ReadonlySet<CoupleContext>,
): { eligible: boolean; context: CoupleContext | undefined } {
  // An empty list restricts nothing, like a missing one.
  if (!prompt.contexts || prompt.contexts.length === 0) {
    return { eligible: true, context: undefined };
  }
  const context = prompt.contexts.find((candidate) => contexts.has(candidate));
  return { eligible: context !== undefined, context };
}

/**
 * The couple's order of a deck in one round, each prompt with the context or tag that placed it.
 *
 * @internal
 */
export function placePrompts(deck: Deck, options: DeckOrderOptions): PlacedPrompt[] {
  checkDraw(deck, options);
  const depth = options.depth ?? 'gentle';
  const contexts = new Set(options.contexts ?? []);
  const tags = options.tags ?? [];
  const keyOf = seededKey(options.coupleId, deck.id, options.round ?? 1);
  const ranked: { placed: PlacedPrompt; band: number; preference: number; key: number }[] = [];
  for (const prompt of deck.prompts) {
    if (depth !== 'gentle' && depth !== 'mixed' && prompt.depth !== depth) continue;
    const { eligible, context } = contextOf(prompt, contexts);
    if (!eligible) continue;
    const tag = tags.find((candidate) => prompt.tags.includes(candidate));
    ranked.push({
      placed: { prompt, context, tag },
      band: depth === 'gentle' ? depthRank(prompt.depth) : 0,
      preference: context !== undefined ? 0 : tag !== undefined ? 1 : 2,
      key: keyOf(prompt.id),
    });
  }
  ranked.sort(
    (a, b) =>
      a.band - b.band ||
      a.preference - b.preference ||
      a.key - b.key ||
      // Two ids can share a 32-bit key; code-unit order settles it the same way everywhere.
      (a.placed.prompt.id < b.placed.prompt.id ? -1 : 1),
  );
  return ranked.map(({ placed }) => placed);
}

/**
 * The prompts of a deck a couple may draw, in their order for one round: seeded by the couple's id,
 * the deck and the round, so it is the same on every device; lighter prompts first unless the couple
 * chose otherwise; within a depth, prompts for the couple's contexts first, then prompts on their
 * preferred topics. Prompts meant for contexts the couple did not set are left out.
 *
 * @returns the eligible prompts in order; empty when none is (say, only deep prompts asked for, and the
 *   deck's deep ones are all for other contexts).
 * @throws {@link AttuneDeckError} for a deck without prompts or with a repeated id, a missing couple
 *   id, or a depth, context, tag or round the engine does not know.
 * @example
 * ```ts
 * import { deckOrder, getDeck } from '@attune/core';
 *
 * const upcoming = deckOrder(getDeck('talk-empathy'), {
 *   coupleId: engine.couple.id,
 *   contexts: ['long-distance'],
 * }).slice(0, 5);
 * ```
 */
export function deckOrder(deck: Deck, options: DeckOrderOptions): readonly DeckPrompt[] {
  return placePrompts(deck, options).map(({ prompt }) => prompt);
}
