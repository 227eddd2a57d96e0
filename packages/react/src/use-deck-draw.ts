import {
  type Deck,
  type DeckDraw,
  type DeckDrawOptions,
  drawPrompt,
  getDeck,
  type PartnerView,
  usedDeckPrompts,
} from '@attune/core';
import { useCallback, useMemo } from 'react';
import { useAttuneContext } from './context.js';
import { shallowEqual } from './shallow-equal.js';
import { usePartnerView } from './use-partner-view.js';

/**
 * Options of {@link useDeckDraw}: those of `drawPrompt` without the couple's id, which comes from the
 * engine. `used` adds prompts the app tracks itself (such as ones drawn and talked through) to the
 * ones the partner answered.
 */
export type DeckDrawHookOptions = Omit<DeckDrawOptions, 'coupleId'>;

/**
 * The next prompt of a deck for the couple, and why: `drawPrompt` of `@attune/core`, seeded by the
 * engine's couple, with the prompts the partner using this screen answered (and `options.used`)
 * counted as used. It moves on when the partner answers the prompt with `engine.answer` (a quiz
 * question with `answerQuiz`, a starter with `sendAppreciation`).
 *
 * Pass stable `contexts`, `tags` and `used` arrays (constants, state or `useMemo`) so the draw keeps
 * its identity between renders.
 *
 * @param deck a deck of `attuneDecks` by id, or a deck of the app's own.
 * @returns the draw, or `undefined` when no prompt of the deck suits the options.
 * @throws `AttuneDeckError` for an unknown deck id or options the draw cannot use.
 * @example
 * ```tsx
 * const contexts = useMemo(() => ['long-distance'] as const, []);
 * const draw = useDeckDraw('daily', { contexts });
 * const { t } = useAttuneText('common');
 * const format = useFormatMessage();
 * if (!draw) return null;
 * return <p title={format(draw.reason)}>{t(draw.prompt.key)}</p>;
 * ```
 */
export function useDeckDraw(
  deck: string | Deck,
  options: DeckDrawHookOptions = {},
): DeckDraw | undefined {
  const { engine } = useAttuneContext();
  const chosen = typeof deck === 'string' ? getDeck(deck) : deck;
  const { used: also, depth, contexts, tags } = options;
  // Stable selector, so the store keeps its selection, and the draw its identity, between renders.
  const select = useCallback(
    (view: PartnerView) => usedDeckPrompts(chosen, view, also),
    [chosen, also],
  );
  const used = usePartnerView(select, shallowEqual);
  const coupleId = engine.couple.id;
  return useMemo(
    () => drawPrompt(chosen, { coupleId, used, depth, contexts, tags }),
    [chosen, coupleId, used, depth, contexts, tags],
  );
}
