import { isDeckNamespace } from '../namespaces.js';
import { isKeyObject } from './flatten.js';
import type { TranslationMeta } from './meta.js';
import type { LocalesData } from './read-locales.js';
import { type Coverage, computeStats, coverageOf } from './stats.js';

/** How much a prompt asks of the couple, as `@attune/core` grades it. */
export type PromptDepth = 'light' | 'medium' | 'deep';

/** The prompt depths, lightest first. */
export const promptDepths: readonly PromptDepth[] = ['light', 'medium', 'deep'];

/**
 * What `stats` reads of a deck of `@attune/core`: its id, and each prompt's content key (such as
 * `deck-quiz-1:quiz-free-day.question`) and depth. A core `Deck` fits as it is.
 */
export interface DeckOutline {
  /** The deck's id, such as `daily` or `talk-empathy`. */
  readonly id: string;
  /** The key of the deck's title, which names the deck's first file. */
  readonly titleKey: string;
  /** The deck's prompts. */
  readonly prompts: readonly { readonly key: string; readonly depth: PromptDepth }[];
}

/** Prompts by depth; `unknown` counts prompts of the source files that no core deck grades. */
export type DepthCounts = Readonly<Record<PromptDepth | 'unknown', number>>;

/** One deck of the source locale: its files, its prompts by depth, and its coverage per locale. */
export interface DeckStats {
  /** The deck's id in `@attune/core`, or, for files no core deck uses, the file name after `deck-`. */
  readonly id: string;
  /** The deck's namespace files in the source locale, such as `deck-daily-1` … `deck-daily-4`. */
  readonly namespaces: readonly string[];
  /** Prompts in the source files: every top-level key but the `deck` title. */
  readonly prompts: number;
  /** The prompts by depth. */
  readonly depths: DepthCounts;
  /** How much of the deck's files each locale has translated, keys counted as for namespaces. */
  readonly locales: ReadonlyMap<string, Coverage>;
}

// A content key is `namespace:path.to.text`; a prompt is the first segment of the path, so that
// a quiz question and its options (`quiz-free-day.question`, `quiz-free-day.options.a`) are one.
function promptOf(key: string): { namespace: string; prompt: string } | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  return { namespace: key.slice(0, colon), prompt: key.slice(colon + 1).split('.')[0] ?? '' };
}

const byNumber = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Sums up each deck of the source locale: which files it spans, how many prompts it has at each
 * depth (read from `@attune/core`'s deck data), and how much of it each locale has translated.
 * Decks come in the order `decks` lists them, files no deck uses after them.
 *
 * @example
 * ```ts
 * const [daily] = computeDeckStats(readLocalesFolder('locales'), 'en', coreDecks);
 * daily?.depths; // { light: 164, medium: 128, deep: 73, unknown: 0 }
 * ```
 */
export function computeDeckStats(
  data: LocalesData,
  sourceLocale: string,
  decks: readonly DeckOutline[],
  meta?: TranslationMeta,
): readonly DeckStats[] {
  const source = data.get(sourceLocale);
  if (!source) return [];
  const deckOfNamespace = new Map<string, string>();
  const depthOfPrompt = new Map<string, PromptDepth>();
  for (const deck of decks) {
    for (const key of [deck.titleKey, ...deck.prompts.map((prompt) => prompt.key)]) {
      const at = promptOf(key);
      if (at && !deckOfNamespace.has(at.namespace)) deckOfNamespace.set(at.namespace, deck.id);
    }
    for (const { key, depth } of deck.prompts) {
      const at = promptOf(key);
      if (at) depthOfPrompt.set(`${at.namespace}:${at.prompt}`, depth);
    }
  }

  const files = new Map<string, string[]>();
  for (const namespace of [...source.keys()].filter(isDeckNamespace).sort(byNumber)) {
    const id = deckOfNamespace.get(namespace) ?? namespace.slice('deck-'.length);
    files.set(id, [...(files.get(id) ?? []), namespace]);
  }
  const rank = (id: string): number => {
    const index = decks.findIndex((deck) => deck.id === id);
    return index === -1 ? decks.length : index;
  };
  const ids = [...files.keys()].sort((a, b) => rank(a) - rank(b) || byNumber(a, b));

  const coverage = computeStats(data, sourceLocale, meta);
  return ids.map((id) => {
    const namespaces = files.get(id) ?? [];
    const depths = { light: 0, medium: 0, deep: 0, unknown: 0 };
    for (const namespace of namespaces) {
      const content = source.get(namespace)?.content;
      if (!isKeyObject(content)) continue;
      for (const prompt of Object.keys(content)) {
        if (prompt === 'deck') continue;
        depths[depthOfPrompt.get(`${namespace}:${prompt}`) ?? 'unknown'] += 1;
      }
    }
    const locales = new Map<string, Coverage>();
    for (const [locale, { namespaces: perNamespace }] of coverage) {
      let total = 0;
      let missing = 0;
      for (const namespace of namespaces) {
        total += perNamespace.get(namespace)?.total ?? 0;
        missing += perNamespace.get(namespace)?.missing ?? 0;
      }
      locales.set(locale, coverageOf(total, missing));
    }
    const prompts = depths.light + depths.medium + depths.deep + depths.unknown;
    return { id, namespaces, prompts, depths, locales };
  });
}
