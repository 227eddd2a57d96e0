/// <reference types="node" />
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';
import { isKeyObject } from '../flatten.js';
import type { TranslationMeta } from '../meta.js';
import type { LocalesData } from '../read-locales.js';
import { collectNamespace } from './collect-units.js';
import { type ExchangeFormat, type ExchangeNamespace, formatExtension } from './exchange-unit.js';
import { writePo } from './write-po.js';
import { writeXliff } from './write-xliff.js';

/** What {@link exportLocale} exports, and where to. */
export interface ExportOptions {
  /** The locales folder as read. */
  readonly data: LocalesData;
  /** Its metadata: context and maximum lengths, texts meant to stay the same, fingerprints. */
  readonly meta: TranslationMeta;
  /** The locale the others are translated from: `en`. */
  readonly sourceLocale: string;
  /** The locale to export: `de`. */
  readonly locale: string;
  /** The namespaces to export, in the English order; all of them when not given. */
  readonly namespaces?: readonly string[];
  /** The format to write. */
  readonly format: ExchangeFormat;
  /** The folder to write into; the files go to `<out>/<locale>/<namespace>.xlf` (or `.po`). */
  readonly out: string;
}

/** What {@link exportLocale} wrote. */
export interface ExportResult {
  /** The files written, in full. */
  readonly files: readonly string[];
  /** How many texts they hold, plural forms counted one by one. */
  readonly texts: number;
  /** How many of them have no translation yet. */
  readonly toTranslate: number;
}

// A text with half of a UTF-16 surrogate pair cannot be written as UTF-8 without loss, in any
// format; it is a broken character in the JSON, best fixed there.
const loneSurrogate = /\p{Cs}/u;

/**
 * Writes one file per namespace of a locale for a translation tool, in XLIFF 2.0 or PO: a unit
 * per key the locale needs, with the English, the locale's text where it has one, the notes and
 * limits from the English context file and the English fingerprint. One file per namespace, as
 * the locale folders are, so that each file goes back to where it came from and a tool's file
 * names match the app's namespaces.
 *
 * @example
 * ```ts
 * exportLocale({ data, meta, sourceLocale: 'en', locale: 'de', format: 'xliff', out: '.translations' });
 * ```
 */
export function exportLocale(options: ExportOptions): ExportResult {
  const { data, meta, sourceLocale, locale, format, out } = options;
  const source = data.get(sourceLocale) ?? new Map();
  const wanted = options.namespaces ?? [...source.keys()];
  const contents: ExchangeNamespace[] = [];
  for (const [namespace, sourceFile] of source) {
    if (!wanted.includes(namespace)) continue;
    const file = data.get(locale)?.get(namespace);
    const broken = !isKeyObject(sourceFile.content)
      ? sourceFile.path
      : file && !isKeyObject(file.content)
        ? file.path
        : undefined;
    if (broken) {
      throw new CliError(
        `${broken} cannot be read, so it cannot be exported. Run "attune-content check" to see what is wrong, fix it, then export again.`,
      );
    }
    const content = collectNamespace({
      sourceLocale,
      locale,
      namespace,
      sourceContent: sourceFile.content,
      content: file?.content,
      meta,
    });
    const unreadable = content.units.find(
      (unit) => loneSurrogate.test(unit.source) || loneSurrogate.test(unit.target),
    );
    if (unreadable) {
      throw new CliError(
        `${namespace}:${unreadable.key} holds a broken character (half of a UTF-16 surrogate pair, written \\uD800–\\uDFFF in the JSON), which no translation file can carry. Fix the text in the JSON, then export again.`,
      );
    }
    if (content.units.length > 0) contents.push(content);
  }
  // Every file is written out in memory first, so that a refusal leaves no half of an export.
  const folder = join(out, locale);
  const outputs = contents.map((content) => {
    const document = { sourceLocale, locale, content };
    return {
      path: join(folder, `${content.namespace}${formatExtension[format]}`),
      text: format === 'xliff' ? writeXliff(document) : writePo(document),
    };
  });
  mkdirSync(folder, { recursive: true });
  for (const { path, text } of outputs) writeFileSync(path, text);
  const files = outputs.map((output) => output.path);
  const units = contents.flatMap((content) => content.units);
  return {
    files,
    texts: units.length,
    toTranslate: units.filter((unit) => unit.target === '').length,
  };
}
