import { dailyDeck } from './data/daily.js';
import { datesDeck } from './data/dates.js';
import { quizDeck } from './data/quiz.js';
import { reflectionDeck } from './data/reflection.js';
import { repairDeck } from './data/repair.js';
import { startersDeck } from './data/starters.js';
import { talkActiveListeningDeck } from './data/talk-active-listening.js';
import { talkAppreciationDeck } from './data/talk-appreciation.js';
import { talkConflictDeck } from './data/talk-conflict.js';
import { talkEmpathyDeck } from './data/talk-empathy.js';
import { talkOpenCommunicationDeck } from './data/talk-open-communication.js';
import { talkProfessionalHelpDeck } from './data/talk-professional-help.js';
import { talkQualityTimeDeck } from './data/talk-quality-time.js';
import { talkSafeSpaceDeck } from './data/talk-safe-space.js';
import { talkVulnerabilityDeck } from './data/talk-vulnerability.js';
import { AttuneDeckError } from './deck-error.js';
import type { Deck } from './types.js';

/**
 * Every deck Attune ships: the question a day first, then a conversation deck for each of the nine
 * steps in the program's order, then the partner quiz, reflection prompts, and the decks that go with
 * one step (appreciation starters, date ideas, repair phrases).
 *
 * @example
 * ```ts
 * import { attuneDecks } from '@attune/core';
 *
 * const conversations = attuneDecks.filter((deck) => deck.kind === 'conversation');
 * ```
 */
export const attuneDecks: readonly Deck[] = [
  dailyDeck,
  talkSafeSpaceDeck,
  talkOpenCommunicationDeck,
  talkEmpathyDeck,
  talkAppreciationDeck,
  talkVulnerabilityDeck,
  talkActiveListeningDeck,
  talkQualityTimeDeck,
  talkConflictDeck,
  talkProfessionalHelpDeck,
  quizDeck,
  reflectionDeck,
  startersDeck,
  datesDeck,
  repairDeck,
];

/**
 * Finds one of {@link attuneDecks} by id.
 *
 * @throws {@link AttuneDeckError} `unknown-deck` when no deck has that id; its `fix` lists the ids.
 * @example
 * ```ts
 * import { getDeck } from '@attune/core';
 *
 * const daily = getDeck('daily');
 * console.log(daily.prompts.length);
 * ```
 */
export function getDeck(id: string): Deck {
  // A search, not a map built at import: an app that imports the engine alone keeps none of the data.
  const deck = attuneDecks.find((candidate) => candidate.id === id);
  if (!deck) {
    throw new AttuneDeckError(
      'unknown-deck',
      `No deck has the id "${id}"`,
      `Use one of: ${attuneDecks.map((known) => known.id).join(', ')}`,
    );
  }
  return deck;
}
