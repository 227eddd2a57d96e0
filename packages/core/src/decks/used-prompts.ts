import type { Deck } from './types.js';

type EntryShape = Parameters<typeof usedDeckPrompts>[1]['entries'][number];

/** Where each kind of entry names the deck prompt it used. */
const promptField: Readonly<Record<string, string>> = {
  'answer-recorded': 'prompt',
  'quiz-answered': 'question',
  'appreciation-sent': 'starter',
};

/** The deck prompt an entry uses: an answer's prompt, a quiz answer's question, a note's starter. */
function promptOf(entry: EntryShape): unknown {
  const field = Object.hasOwn(promptField, entry.type) ? promptField[entry.type] : undefined;
  if (entry.sealed || field === undefined) return undefined;
  const data = entry.data;
  return typeof data === 'object' && data !== null
    ? (data as Record<string, unknown>)[field]
    : undefined;
}

/**
 * The prompts of `deck` that the partner whose view this is (a `PartnerView`) used — answered, quiz
 * questions answered, appreciation starters sent — one id per use, joined with `also` (ids the app
 * tracks itself, such as prompts drawn and talked through): a prompt counts as often as the larger of
 * the two says, so an id in both is not counted twice. In the deck's order, ready for
 * {@link drawPrompt}'s `used`.
 *
 * Only the partner's own entries count: each partner walks the couple's one order at their own pace,
 * so the one who answers second is drawn the same prompt, and what the other partner keeps private
 * changes nothing on this partner's screen.
 *
 * @example
 * ```ts
 * import { drawPrompt, getDeck, usedDeckPrompts } from '@attune/core';
 *
 * const daily = getDeck('daily');
 * const used = usedDeckPrompts(daily, engine.viewFor('ana'));
 * const draw = drawPrompt(daily, { coupleId: engine.couple.id, used });
 * ```
 */
export function usedDeckPrompts(
  deck: Deck,
  // Decks sit below the partner view in core's layers, so the view is read through the little of its
  // shape this needs (a `PartnerView` fits it), and each entry's `data` is checked, not trusted.
  view: {
    readonly partner: string;
    readonly entries: readonly {
      readonly type: string;
      readonly partner?: string | undefined;
      readonly sealed?: boolean | undefined;
      readonly data?: unknown;
    }[];
  },
  also: readonly string[] = [],
): string[] {
  const inView = new Map<string, number>(deck.prompts.map((prompt) => [prompt.id, 0]));
  const inAlso = new Map(inView);
  for (const entry of view.entries) {
    if (entry.partner !== view.partner) continue;
    const id = promptOf(entry);
    const count = typeof id === 'string' ? inView.get(id) : undefined;
    if (count !== undefined) inView.set(id as string, count + 1);
  }
  for (const id of also) {
    const count = inAlso.get(id);
    if (count !== undefined) inAlso.set(id, count + 1);
  }
  return deck.prompts.flatMap((prompt) => {
    const uses = Math.max(inView.get(prompt.id) ?? 0, inAlso.get(prompt.id) ?? 0);
    return Array.from({ length: uses }, () => prompt.id);
  });
}
