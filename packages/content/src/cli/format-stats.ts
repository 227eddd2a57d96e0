import { isDeckNamespace } from '../namespaces.js';
import { type DeckStats, promptDepths } from './deck-stats.js';
import type { Coverage, LocaleCoverage } from './stats.js';

/** Coverage in percent and missing keys, as `stats --json` prints them. */
export interface CoverageJson {
  /** Translated share, in percent. */
  readonly coverage: number;
  /** Keys missing or with empty text. */
  readonly missing: number;
}

/** The `stats --json` shape: per locale, the program's coverage and, when there are decks, theirs. */
export type StatsJson = Record<
  string,
  CoverageJson & {
    /** All decks together, then each deck by its id. */
    readonly decks?: CoverageJson & { readonly byDeck: Readonly<Record<string, CoverageJson>> };
  }
>;

const brief = ({ coverage, missing }: Coverage): CoverageJson => ({ coverage, missing });

/**
 * Reduces coverage to the `stats --json` shape. Deck coverage is added per locale when the source
 * locale has deck files.
 */
export function statsToJson(
  stats: ReadonlyMap<string, LocaleCoverage>,
  decks: readonly DeckStats[] = [],
): StatsJson {
  const json: StatsJson = {};
  for (const [locale, coverage] of stats) {
    json[locale] =
      decks.length === 0
        ? brief(coverage)
        : {
            ...brief(coverage),
            decks: {
              ...brief(coverage.decks),
              byDeck: Object.fromEntries(
                decks.map((deck) => [deck.id, brief(deck.locales.get(locale) ?? coverage.decks)]),
              ),
            },
          };
  }
  return json;
}

/**
 * Formats coverage as tables: a row per namespace of the program and a column per locale, totals
 * at the bottom; then, when the source locale has decks, a row per deck with its files, its
 * prompts by depth and its coverage per locale.
 */
export function formatStats(
  stats: ReadonlyMap<string, LocaleCoverage>,
  decks: readonly DeckStats[] = [],
): string {
  const locales = [...stats.keys()];
  const percent = (coverage: Coverage | undefined) => `${coverage?.coverage ?? 0}%`;
  const namespaces = [...(stats.values().next().value?.namespaces.keys() ?? [])].filter(
    (namespace) => !isDeckNamespace(namespace),
  );
  const program: string[][] = [['namespace', ...locales]];
  for (const namespace of namespaces) {
    program.push([
      namespace,
      ...locales.map((locale) => percent(stats.get(locale)?.namespaces.get(namespace))),
    ]);
  }
  program.push(['total', ...locales.map((locale) => percent(stats.get(locale)))]);
  program.push(['missing', ...locales.map((locale) => String(stats.get(locale)?.missing ?? 0))]);
  if (decks.length === 0) return table(program);

  // A "no depth" column only when some prompt lacks one, which means core and content disagree.
  const depths = [
    ...promptDepths,
    ...(decks.some((deck) => deck.depths.unknown > 0) ? ['unknown' as const] : []),
  ];
  const sum = (count: (deck: DeckStats) => number) =>
    String(decks.reduce((total, deck) => total + count(deck), 0));
  const deckRows: string[][] = [
    [
      'deck',
      'files',
      'prompts',
      ...depths.map((depth) => (depth === 'unknown' ? 'no depth' : depth)),
      ...locales,
    ],
  ];
  for (const deck of decks) {
    deckRows.push([
      deck.id,
      String(deck.namespaces.length),
      String(deck.prompts),
      ...depths.map((depth) => String(deck.depths[depth])),
      ...locales.map((locale) => percent(deck.locales.get(locale))),
    ]);
  }
  deckRows.push([
    'total',
    sum((deck) => deck.namespaces.length),
    sum((deck) => deck.prompts),
    ...depths.map((depth) => sum((deck) => deck.depths[depth])),
    ...locales.map((locale) => percent(stats.get(locale)?.decks)),
  ]);
  deckRows.push([
    'missing',
    '',
    '',
    ...depths.map(() => ''),
    ...locales.map((locale) => String(stats.get(locale)?.decks.missing ?? 0)),
  ]);
  return `${table(program)}\n\n${table(deckRows)}`;
}

// The first column left-aligned, the others right-aligned, two spaces apart.
function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}
