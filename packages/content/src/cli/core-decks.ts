import { attuneDecks } from '@attune/core';
import type { DeckOutline } from './deck-stats.js';

// Only the CLI bundle contains the deck data: @attune/core is a devDependency of this package, and
// nothing in the index imports this file.
/** The decks of `@attune/core`, where `stats` reads each prompt's depth. */
export const coreDecks: readonly DeckOutline[] = attuneDecks;
