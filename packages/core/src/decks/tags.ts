/**
 * The topics a deck prompt can be tagged with. A fixed list, so the draw can steer by topic and a
 * translator or app can name each one.
 */
export const promptTags = [
  'everyday',
  'love-maps',
  'memories',
  'childhood',
  'family',
  'friends',
  'work',
  'money',
  'home',
  'dreams',
  'future',
  'values',
  'fears',
  'feelings',
  'gratitude',
  'affection',
  'intimacy',
  'bids',
  'trust',
  'boundaries',
  'conflict',
  'repair',
  'listening',
  'empathy',
  'play',
  'adventure',
  'rituals',
  'change',
  'culture',
  'body-and-rest',
  'support',
  'us',
] as const;

/** One of {@link promptTags}. */
export type PromptTag = (typeof promptTags)[number];
