/// <reference types="node" />
import { join } from 'node:path';
import { languageName } from '../cli/language-name.js';
import { readLocalesFolder } from '../cli/read-locales.js';
import { isDeckNamespace, sourceLocale } from '../namespaces.js';
import { renderLoaders } from './render-loaders.js';
import { renderLocaleEntry } from './render-locale-entry.js';
import { renderResourceTypes } from './render-resource-types.js';

/** A source file generated from the locale files, with its path inside the package. */
export interface GeneratedFile {
  /** Path relative to the package folder. */
  readonly path: string;
  /** The file's full text. */
  readonly contents: string;
}

function namespacesByLocale(packageDir: string, decks: boolean): Map<string, string[]> {
  const data = readLocalesFolder(join(packageDir, 'locales'));
  return new Map(
    [...data].map(([locale, names]) => [
      locale,
      [...names.keys()].filter((namespace) => isDeckNamespace(namespace) === decks),
    ]),
  );
}

/**
 * Works out `src/generated/loaders.ts`, the loaders of the program's files, from the package's
 * `locales/` folder.
 */
export function loadersFile(packageDir: string): GeneratedFile {
  return {
    path: 'src/generated/loaders.ts',
    contents: renderLoaders(namespacesByLocale(packageDir, false)),
  };
}

/**
 * Works out `src/generated/deck-loaders.ts`, the loaders of the deck files. They are a module of
 * their own, which `loadResources` imports with the first deck, so that the table of a hundred
 * deck files is not in every app's main bundle.
 */
export function deckLoadersFile(packageDir: string): GeneratedFile {
  return {
    path: 'src/generated/deck-loaders.ts',
    contents: renderLoaders(namespacesByLocale(packageDir, true), {
      exportName: 'deckLoaders',
      fileKind: 'deck file',
    }),
  };
}

/**
 * Works out `src/generated/locales/<locale>.ts` for every locale: the one-locale entries
 * (`@attune/content/locales/<locale>`), for bundlers that inline every lazy import.
 */
export function localeEntryFiles(packageDir: string): GeneratedFile[] {
  const data = readLocalesFolder(join(packageDir, 'locales'));
  const files = new Map([...data].map(([locale, names]) => [locale, [...names.keys()]]));
  return [...files.keys()].sort().map((locale) => ({
    path: `src/generated/locales/${locale}.ts`,
    contents: renderLocaleEntry(locale, files, languageName(locale)),
  }));
}

/**
 * Works out `src/generated/resource-types.ts` from the source locale's files, deck namespaces left
 * out: an app looks a prompt up by the `key` in the core deck data, never by a key written in
 * code, and their 1,500-odd keys would take string-key calls to the edge of their budget in
 * `type-performance.test.ts`.
 */
export function resourceTypesFile(packageDir: string): GeneratedFile {
  const data = readLocalesFolder(join(packageDir, 'locales'));
  const files = new Map(
    [...(data.get(sourceLocale) ?? [])]
      .filter(([namespace]) => !isDeckNamespace(namespace))
      .map(([namespace, file]) => [namespace, file.content]),
  );
  return { path: 'src/generated/resource-types.ts', contents: renderResourceTypes(files) };
}
