import type { LocaleCoverage } from './stats.js';

/** The `stats --json` shape: coverage in percent and missing keys, per locale. */
export type StatsJson = Record<string, { readonly coverage: number; readonly missing: number }>;

/** Reduces coverage to the `stats --json` shape. */
export function statsToJson(stats: ReadonlyMap<string, LocaleCoverage>): StatsJson {
  const json: StatsJson = {};
  for (const [locale, { coverage, missing }] of stats) json[locale] = { coverage, missing };
  return json;
}

/** Formats coverage as a table: a row per namespace, a column per locale, totals at the bottom. */
export function formatStats(stats: ReadonlyMap<string, LocaleCoverage>): string {
  const locales = [...stats.keys()];
  const namespaces = [...(stats.values().next().value?.namespaces.keys() ?? [])];
  const rows: string[][] = [['namespace', ...locales]];
  for (const namespace of namespaces) {
    rows.push([
      namespace,
      ...locales.map((locale) => `${stats.get(locale)?.namespaces.get(namespace)?.coverage ?? 0}%`),
    ]);
  }
  rows.push(['total', ...locales.map((locale) => `${stats.get(locale)?.coverage ?? 0}%`)]);
  rows.push(['missing', ...locales.map((locale) => String(stats.get(locale)?.missing ?? 0))]);
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
