import { planKeys } from '../expected-keys.js';
import { flatten, isKeyObject } from '../flatten.js';
import { type TranslationMeta, writeFingerprints } from '../meta.js';
import type { LocalesData } from '../read-locales.js';
import { scaffoldNamespace } from '../scaffold.js';
import { writeLocale } from '../write-locale.js';
import type { ImportChanges, TextChange } from './plan-import.js';

/** What {@link applyImport} writes into. */
export interface ApplyImportOptions {
  /** The locales folder. */
  readonly dir: string;
  /** The folder as read, before the import. */
  readonly data: LocalesData;
  /** Its metadata, for the fingerprints already recorded. */
  readonly meta: TranslationMeta;
  /** The locale the others are translated from; its files are only read. */
  readonly sourceLocale: string;
}

type Tree = Record<string, unknown>;

// The child of `node` that a dotted key starts with. A key's parts are split at dots, but a name
// may hold a dot itself, so the names the node (or its English) already has are tried first.
function nextName(key: string, ...nodes: unknown[]): string {
  const names = nodes.flatMap((node) =>
    node !== null && typeof node === 'object' ? Object.keys(node) : [],
  );
  const matching = names
    .filter((name) => key === name || key.startsWith(`${name}.`))
    .sort((a, b) => b.length - a.length);
  return matching[0] ?? key.split('.')[0] ?? key;
}

/** Puts a text at its dotted key, making the objects (or lists, where English has one) on the way. */
function setText(tree: Tree, source: unknown, key: string, text: string): void {
  let node: Tree = tree;
  let sourceNode = source;
  let rest = key;
  for (;;) {
    const name = nextName(rest, node, sourceNode);
    sourceNode =
      sourceNode !== null && typeof sourceNode === 'object'
        ? (sourceNode as Tree)[name]
        : undefined;
    if (name === rest) {
      node[name] = text;
      return;
    }
    rest = rest.slice(name.length + 1);
    const child = node[name];
    if (child === null || typeof child !== 'object')
      node[name] = Array.isArray(sourceNode) ? [] : {};
    node = node[name] as Tree;
  }
}

/**
 * Writes what {@link planImport} accepted: each changed namespace file of a locale, in the
 * English file's key order with every key the locale needs (as `new-locale` writes them), and
 * the locale's `_meta/source-fingerprints.json` as `mark-translated` writes it, each imported text
 * recorded with the fingerprint of the English it was translated from. English is never written.
 * Returns the files written, relative to the locales folder.
 *
 * @example
 * ```ts
 * const written = applyImport(plan.changes, { dir, data, meta, sourceLocale: 'en' });
 * ```
 */
export function applyImport(changes: ImportChanges, options: ApplyImportOptions): string[] {
  const { dir, data, sourceLocale } = options;
  const source = data.get(sourceLocale) ?? new Map();
  const written: string[] = [];
  for (const [locale, byNamespace] of changes) {
    if (locale === sourceLocale) continue;
    const files = new Map<string, unknown>();
    for (const [namespace, sourceFile] of source) {
      const texts = byNamespace.get(namespace);
      if (!texts || !isKeyObject(sourceFile.content)) continue;
      const existing = data.get(locale)?.get(namespace)?.content;
      const tree: Tree = isKeyObject(existing) ? structuredClone(existing as Tree) : {};
      for (const [key, change] of texts) setText(tree, sourceFile.content, key, change.text);
      files.set(namespace, scaffoldNamespace(sourceFile.content, tree, { locale, fill: 'empty' }));
      written.push(`${locale}/${namespace}.json`);
    }
    writeLocale(dir, locale, files);
    written.push(writeFingerprints(dir, locale, fingerprintsAfter(byNamespace, locale, options)));
  }
  return written;
}

// Every fingerprint the locale had for a key the English still has, and the imported texts'.
function fingerprintsAfter(
  byNamespace: ReadonlyMap<string, ReadonlyMap<string, TextChange>>,
  locale: string,
  { data, meta, sourceLocale }: ApplyImportOptions,
): Map<string, Map<string, string>> {
  const recorded = meta.locales.get(locale)?.fingerprints;
  const result = new Map<string, Map<string, string>>();
  for (const [namespace, sourceFile] of data.get(sourceLocale) ?? []) {
    if (!isKeyObject(sourceFile.content)) continue;
    const imported = byNamespace.get(namespace);
    const previous = recorded?.get(namespace);
    const keys = new Map<string, string>();
    for (const expected of planKeys(flatten(sourceFile.content).texts, locale).expected) {
      const value = imported?.get(expected.key)?.fingerprint ?? previous?.get(expected.key);
      if (value !== undefined) keys.set(expected.key, value);
    }
    result.set(namespace, keys);
  }
  return result;
}
