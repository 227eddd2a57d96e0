/// <reference types="node" />
import { join } from 'node:path';
import { readLocalesFolder } from '../cli/read-locales.js';
import { sourceLocale } from '../namespaces.js';
import { renderLoaders } from './render-loaders.js';
import { renderResourceTypes } from './render-resource-types.js';

/** A source file generated from the locale files, with its path inside the package. */
export interface GeneratedFile {
  /** Path relative to the package folder. */
  readonly path: string;
  /** The file's full text. */
  readonly contents: string;
}

/** Works out `src/generated/loaders.ts` from the files in the package's `locales/` folder. */
export function loadersFile(packageDir: string): GeneratedFile {
  const data = readLocalesFolder(join(packageDir, 'locales'));
  const files = new Map([...data].map(([locale, names]) => [locale, [...names.keys()]]));
  return { path: 'src/generated/loaders.ts', contents: renderLoaders(files) };
}

/** Works out `src/generated/resource-types.ts` from the source locale's files. */
export function resourceTypesFile(packageDir: string): GeneratedFile {
  const data = readLocalesFolder(join(packageDir, 'locales'));
  const files = new Map(
    [...(data.get(sourceLocale) ?? [])].map(([namespace, file]) => [namespace, file.content]),
  );
  return { path: 'src/generated/resource-types.ts', contents: renderResourceTypes(files) };
}
