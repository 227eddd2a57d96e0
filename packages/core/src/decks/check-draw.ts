import { coupleContexts, isCoupleContext } from './contexts.js';
import { AttuneDeckError } from './deck-error.js';
import { isPromptDepth, promptDepths } from './depths.js';
import type { DeckOrderOptions } from './draw-options.js';
import { promptTags } from './tags.js';
import type { Deck } from './types.js';

const knownTags: ReadonlySet<string> = /* @__PURE__ */ new Set(promptTags);
const depthChoices: readonly string[] = /* @__PURE__ */ ['gentle', 'mixed'].concat(promptDepths);

/**
 * Throws an {@link AttuneDeckError} for a deck or options the draw cannot use; only what the draw
 * relies on is checked (the data tests check the rest of Attune's own decks).
 */
export function checkDraw(deck: Deck, options: DeckOrderOptions): void {
  const prompts: unknown = deck?.prompts;
  if (!Array.isArray(prompts) || prompts.length === 0) {
    throw new AttuneDeckError(
      'empty-deck',
      `The deck "${String(deck?.id)}" has no prompts`,
      'Draw from a deck with at least one prompt, such as one of attuneDecks',
    );
  }
  const ids = new Set<string>();
  for (const prompt of deck.prompts) {
    if (ids.has(prompt.id)) {
      throw new AttuneDeckError(
        'duplicate-prompt',
        `The deck "${deck.id}" has two prompts with the id "${prompt.id}"`,
        'Give every prompt of a deck its own id',
      );
    }
    ids.add(prompt.id);
    if (!isPromptDepth(prompt.depth)) {
      throw new AttuneDeckError(
        'unknown-depth',
        `The prompt "${prompt.id}" of the deck "${deck.id}" has the depth "${String(prompt.depth)}"`,
        `Use one of: ${promptDepths.join(', ')}`,
      );
    }
  }
  if (typeof options.coupleId !== 'string' || options.coupleId === '') {
    throw new AttuneDeckError(
      'missing-couple',
      `Drawing from the deck "${deck.id}" needs the couple's id, got ${JSON.stringify(options.coupleId)}`,
      'Pass coupleId: engine.couple.id, so both partners draw the same order on every device',
    );
  }
  const depth: unknown = options.depth ?? 'gentle';
  if (!depthChoices.includes(depth as string)) {
    throw new AttuneDeckError(
      'unknown-depth',
      `The depth "${String(depth)}" is not a way to draw`,
      `Use one of: ${depthChoices.join(', ')}`,
    );
  }
  for (const context of options.contexts ?? []) {
    if (!isCoupleContext(context)) {
      throw new AttuneDeckError(
        'unknown-context',
        `"${String(context)}" is not a couple context`,
        `Use one of: ${coupleContexts.join(', ')}`,
      );
    }
  }
  for (const tag of options.tags ?? []) {
    if (!knownTags.has(tag)) {
      throw new AttuneDeckError(
        'unknown-tag',
        `"${String(tag)}" is not a prompt tag`,
        'Use one of promptTags',
      );
    }
  }
  const round: unknown = options.round ?? 1;
  if (!Number.isSafeInteger(round) || (round as number) < 1) {
    throw new AttuneDeckError(
      'invalid-round',
      `The round ${String(round)} is not a whole number from 1`,
      'Count rounds from 1; drawPrompt works out the round from the prompts used',
    );
  }
}
