import type { AttuneMessage } from '../messages/format-message.js';
import { depthRank } from './depths.js';
import type { DeckDrawOptions } from './draw-options.js';
import { type PlacedPrompt, placePrompts } from './order.js';
import type { Deck, DeckPrompt } from './types.js';

/**
 * The prompt to use next, and why.
 *
 * `reason` is one of these messages, for `formatMessage`:
 * - `common:deck.why.new-round` `{ round }`: every prompt was used, a new round in a new order starts;
 * - `common:deck.why.your-context` `{ context }`: the prompt is meant for a context the couple set;
 * - `common:deck.why.your-topic` `{ tag }`: the prompt is on a topic the couple asked for;
 * - `common:deck.why.chosen-depth` `{ depth }`: the couple chose to draw only this depth;
 * - `common:deck.why.lighter-first` `{ depth }`: lighter prompts come before the deeper ones left;
 * - `common:deck.why.next` `{}`: simply the next one of the couple's order.
 */
export interface DeckDraw {
  /** The prompt to use: show its words by `key`. */
  readonly prompt: DeckPrompt;
  /** Which round through the deck this is, from 1. */
  readonly round: number;
  /** True for the first draw of a round after the first: every prompt had been used. */
  readonly newRound: boolean;
  /** Prompts of this round not used yet, this one included. */
  readonly remaining: number;
  /** Why this prompt, as a message key with parameters. */
  readonly reason: AttuneMessage;
}

function reasonFor(
  placed: PlacedPrompt,
  { round, newRound }: { round: number; newRound: boolean },
  options: DeckDrawOptions,
  deeperLeft: boolean,
): AttuneMessage {
  if (newRound) return { key: 'common:deck.why.new-round', params: { round } };
  if (placed.context) {
    return { key: 'common:deck.why.your-context', params: { context: placed.context } };
  }
  if (placed.tag) return { key: 'common:deck.why.your-topic', params: { tag: placed.tag } };
  const depth = options.depth ?? 'gentle';
  if (depth !== 'gentle' && depth !== 'mixed') {
    return { key: 'common:deck.why.chosen-depth', params: { depth } };
  }
  if (depth === 'gentle' && deeperLeft) {
    return { key: 'common:deck.why.lighter-first', params: { depth: placed.prompt.depth } };
  }
  return { key: 'common:deck.why.next', params: {} };
}

/**
 * Draws a couple's next prompt from a deck: the first prompt of their order (see {@link deckOrder})
 * that they have not used in this round. Pure and deterministic: the same deck, couple and used
 * prompts give the same draw on every device, whatever order `used` is in. No prompt comes twice
 * before every prompt the couple may draw was used; then a new round starts, in a different order.
 *
 * The message keys `reason` can hold are listed on {@link DeckDraw}.
 *
 * @returns the draw, or `undefined` when no prompt of the deck suits the options (say, only deep
 *   prompts asked for, and every deep one is meant for a context the couple did not set).
 * @throws {@link AttuneDeckError} for a deck without prompts or with a repeated id, a missing couple
 *   id, or a depth, context or tag the engine does not know.
 * @example
 * ```ts
 * import { drawPrompt, formatMessage, getDeck } from '@attune/core';
 *
 * const draw = drawPrompt(getDeck('daily'), {
 *   coupleId: engine.couple.id,
 *   used: ['daily-breakfast'],
 *   contexts: ['new-parents'],
 * });
 * if (draw) console.log(i18n.t(draw.prompt.key), formatMessage(i18n.t, draw.reason));
 * ```
 */
export function drawPrompt(deck: Deck, options: DeckDrawOptions): DeckDraw | undefined {
  // Which prompts are eligible does not depend on the round, only their order does.
  const eligible = placePrompts(deck, { ...options, round: 1 });
  if (eligible.length === 0) return undefined;
  const uses = new Map<string, number>(eligible.map(({ prompt }) => [prompt.id, 0]));
  for (const id of options.used ?? []) {
    const count = uses.get(id);
    if (count !== undefined) uses.set(id, count + 1);
  }
  // Rounds the couple completed: every eligible prompt was used at least that often.
  let done = Number.POSITIVE_INFINITY;
  for (const count of uses.values()) done = Math.min(done, count);
  const unused = (placed: PlacedPrompt) => uses.get(placed.prompt.id) === done;
  const round = done + 1;
  const order = round === 1 ? eligible : placePrompts(deck, { ...options, round });
  const next = order.find(unused) as PlacedPrompt;
  const remaining = order.filter(unused).length;
  const newRound = done > 0 && remaining === order.length;
  const deeperLeft = order.some(
    (placed) => unused(placed) && depthRank(placed.prompt.depth) > depthRank(next.prompt.depth),
  );
  return {
    prompt: next.prompt,
    round,
    newRound,
    remaining,
    reason: reasonFor(next, { round, newRound }, options, deeperLeft),
  };
}
