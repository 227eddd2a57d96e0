import type { DeckOutline } from '../deck-stats.js';

/** Deck data for the files in `__fixtures__/decks`, standing in for `@attune/core`'s decks. */
export const fixtureDecks: readonly DeckOutline[] = [
  {
    id: 'daily',
    titleKey: 'deck-daily-1:deck.title',
    prompts: [
      { key: 'deck-daily-1:daily-breakfast', depth: 'light' },
      { key: 'deck-daily-1:daily-dream', depth: 'medium' },
      { key: 'deck-daily-2:daily-fear', depth: 'deep' },
    ],
  },
  {
    id: 'quiz',
    titleKey: 'deck-quiz-1:deck.title',
    prompts: [
      { key: 'deck-quiz-1:quiz-free-day.question', depth: 'light' },
      { key: 'deck-quiz-1:quiz-comfort.question', depth: 'medium' },
    ],
  },
];
