/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error.js';
import { isPseudoLocale } from './meta.js';

/** One namespace file of one locale, as read from a locales folder. */
export interface NamespaceFile {
  /** Where the file is, relative to the locales folder: `de/empathy.json`. */
  readonly path: string;
  /** The parsed JSON, when the file could be read and parsed. */
  readonly content?: unknown;
  /** Why the file could not be used, in words for a translator. */
  readonly error?: string;
}

/** The namespace files of one locale, by namespace. */
export type LocaleFiles = ReadonlyMap<string, NamespaceFile>;

/** Every locale of a locales folder, by locale code. */
export type LocalesData = ReadonlyMap<string, LocaleFiles>;

/** Options of {@link readLocalesFolder}. */
export interface ReadLocalesOptions {
  /**
   * Reads pseudo-locale folders too (`en-XA`, or any folder `attune-content pseudo` wrote). They
   * are left out by default, so that the generated loaders never ship one by accident.
   */
  readonly includePseudo?: boolean;
}

/**
 * Reads a folder laid out as `<locale>/<namespace>.json` (i18next JSON v4), keeping files that do
 * not parse so that they can be reported rather than stopping the whole run. Folders and files
 * whose names start with `.` or `_` (such as `<locale>/_meta/`) are not locales or namespaces, and
 * pseudo-locales are left out unless asked for.
 */
export function readLocalesFolder(dir: string, options: ReadLocalesOptions = {}): LocalesData {
  if (!existsSync(dir)) {
    throw new CliError(
      `There is no folder at ${dir}. Pass --dir with the folder that holds one folder per locale, such as locales/en and locales/de.`,
    );
  }
  const locales = new Map<string, LocaleFiles>();
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
    .map((entry) => entry.name)
    .filter((locale) => options.includePseudo === true || !isPseudoLocale(dir, locale))
    .sort();
  for (const locale of folders) {
    const files = new Map<string, NamespaceFile>();
    const names = readdirSync(join(dir, locale))
      .filter((name) => name.endsWith('.json') && !/^[._]/.test(name))
      .sort();
    for (const name of names) {
      files.set(name.slice(0, -'.json'.length), readNamespaceFile(dir, `${locale}/${name}`));
    }
    locales.set(locale, files);
  }
  return locales;
}

function readNamespaceFile(dir: string, path: string): NamespaceFile {
  const text = readFileSync(join(dir, path), 'utf8');
  try {
    return { path, content: JSON.parse(text) };
  } catch (error) {
    return { path, error: describeJsonError(text, error) };
  }
}

// V8's messages give a character position; a translator's editor shows lines and columns.
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `The file is not valid JSON (${message}).`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const reason = message.replace(/\s*in JSON at position \d+.*$/, '');
  return `The file is not valid JSON: ${reason} at line ${line}, column ${column}.`;
}
