/// <reference types="node" />
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedKey } from './expected-keys.js';
import { isKeyObject } from './flatten.js';

/**
 * Translation metadata lives next to the texts, in a `_meta/` folder inside a locale folder, so that
 * nothing that reads `<locale>/*.json` as namespaces (the loaders, the build, translation tools)
 * mistakes it for one.
 */
export const metaFolder = '_meta';

/** The source locale's context per key: `<source>/_meta/context.json`. */
export const contextFile = 'context.json';
/** A locale's keys whose text is rightly the same as the source: `<locale>/_meta/intended-same.json`. */
export const intendedSameFile = 'intended-same.json';
/** A locale's fingerprints of the source text each translation was made from. */
export const fingerprintsFile = 'source-fingerprints.json';
/** Marks a folder as a pseudo-locale, which the loaders and the checks leave out. */
export const pseudoMarkerFile = 'pseudo.json';

/** The path of a metadata file relative to the locales folder: `de/_meta/intended-same.json`. */
export const metaPath = (locale: string, file: string): string => `${locale}/${metaFolder}/${file}`;

/**
 * What translators are told about one source key, as in `<source>/_meta/context.json`. The names
 * follow Crowdin's source-string fields (`context`, `maxLength`) and map onto XLIFF 1.2's `<note>`
 * and `maxwidth` with `size-unit="char"`, which Weblate and Crowdin both show.
 */
export interface KeyContext {
  /** Where and how the text is used, in words for a translator. */
  readonly context?: string;
  /** The most characters a text may have, in every locale, placeholders counted as written. */
  readonly maxLength?: number;
  /** A proper name, such as a help service's, which may stay as in the source in every locale. */
  readonly properName?: boolean;
}

/** The metadata of one translated locale. */
export interface LocaleMeta {
  /** `namespace:key` of texts that are rightly the same as the source, with the reason. */
  readonly intendedSame: ReadonlyMap<string, string>;
  /**
   * Per namespace, per key, the fingerprint of the source text the translation was made from;
   * `undefined` when the locale keeps no fingerprints.
   */
  readonly fingerprints?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A metadata file that could not be used. */
export interface MetaProblem {
  /** The locale folder the file is in. */
  readonly locale: string;
  /** The file, relative to the locales folder. */
  readonly path: string;
  /** What is wrong, in words for a translator. */
  readonly message: string;
}

/** All metadata of a locales folder. */
export interface TranslationMeta {
  /** Context per `namespace:key` of the source locale. */
  readonly context: ReadonlyMap<string, KeyContext>;
  /** Metadata per locale folder that has any. */
  readonly locales: ReadonlyMap<string, LocaleMeta>;
  /** Pseudo-locale folders found in the locales folder, which are never checked or loaded. */
  readonly pseudoLocales: readonly string[];
  /** Metadata files that could not be read. */
  readonly problems: readonly MetaProblem[];
}

/** Metadata of a folder that has none, for callers that pass none. */
export const noMeta: TranslationMeta = {
  context: new Map(),
  locales: new Map(),
  pseudoLocales: [],
  problems: [],
};

/** The id the metadata files use for one text: `safety:check.answer-no`. */
export const keyId = (namespace: string, key: string): string => `${namespace}:${key}`;

/**
 * The context of the key a locale needs, given for the key itself, for the source form it
 * translates, or for its plural base (`common:minutes` for `minutes_few`).
 */
export function contextOf(
  context: ReadonlyMap<string, KeyContext>,
  namespace: string,
  expected: ExpectedKey,
): { readonly id: string; readonly entry: KeyContext } | undefined {
  for (const key of [expected.key, expected.sourceKey, expected.plural?.base]) {
    if (key === undefined) continue;
    const entry = context.get(keyId(namespace, key));
    if (entry) return { id: keyId(namespace, key), entry };
  }
  return undefined;
}

/**
 * Tells whether a locale folder holds a pseudo-locale: one that `attune-content pseudo` wrote (it
 * leaves `_meta/pseudo.json`), or one with a code reserved for pseudo-locales (`en-XA`, `ar-XB`,
 * `qps-ploc`, `…-x-pseudo`).
 */
export function isPseudoLocale(dir: string, locale: string): boolean {
  if (existsSync(join(dir, locale, metaFolder, pseudoMarkerFile))) return true;
  return /^qps(-|$)|-X[ABC](-|$)|-x-pseudo\b/.test(locale);
}

function readJson(dir: string, path: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(readFileSync(join(dir, path), 'utf8')) };
  } catch (error) {
    return {
      error: `It is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

/**
 * Reads the metadata of a locales folder: the source locale's context per key, each locale's list
 * of texts meant to be the same as the source and its source fingerprints, and which folders are
 * pseudo-locales. Files that cannot be used are reported in `problems`, never thrown.
 */
export function readTranslationMeta(dir: string, sourceLocale: string): TranslationMeta {
  const problems: MetaProblem[] = [];
  const context = new Map<string, KeyContext>();
  const locales = new Map<string, LocaleMeta>();
  const pseudoLocales: string[] = [];
  if (!existsSync(dir)) return { ...noMeta };
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const locale of folders) {
    if (isPseudoLocale(dir, locale)) {
      pseudoLocales.push(locale);
      continue;
    }
    const problem = (path: string, message: string) => problems.push({ locale, path, message });
    if (locale === sourceLocale) {
      const path = metaPath(locale, contextFile);
      if (existsSync(join(dir, path))) readContext(readJson(dir, path), path, context, problem);
      continue;
    }
    const intendedPath = metaPath(locale, intendedSameFile);
    const intendedSame = new Map<string, string>();
    if (existsSync(join(dir, intendedPath))) {
      readIntended(readJson(dir, intendedPath), intendedPath, intendedSame, problem);
    }
    const fingerprintPath = metaPath(locale, fingerprintsFile);
    const fingerprints = existsSync(join(dir, fingerprintPath))
      ? readFingerprints(readJson(dir, fingerprintPath), fingerprintPath, problem)
      : undefined;
    if (intendedSame.size > 0 || fingerprints) {
      locales.set(locale, { intendedSame, ...(fingerprints && { fingerprints }) });
    }
  }
  return { context, locales, pseudoLocales, problems };
}

type Report = (path: string, message: string) => void;

function readContext(
  json: { value?: unknown; error?: string },
  path: string,
  into: Map<string, KeyContext>,
  problem: Report,
): void {
  if (json.error !== undefined) {
    problem(path, json.error);
    return;
  }
  if (!isKeyObject(json.value)) {
    problem(path, 'It must hold an object of "namespace:key": { "context", "maxLength" }.');
    return;
  }
  for (const [id, entry] of Object.entries(json.value)) {
    if (!isKeyObject(entry)) {
      problem(path, `"${id}" must be an object such as { "context": "…", "maxLength": 24 }.`);
      continue;
    }
    const { context, maxLength, properName, ...rest } = entry;
    const wrong = [
      ...(context !== undefined && typeof context !== 'string' ? ['"context" must be text'] : []),
      ...(maxLength !== undefined && !(Number.isInteger(maxLength) && (maxLength as number) > 0)
        ? ['"maxLength" must be a whole number above 0']
        : []),
      ...(properName !== undefined && typeof properName !== 'boolean'
        ? ['"properName" must be true or false']
        : []),
      ...Object.keys(rest).map(
        (name) => `"${name}" is not a field (use context, maxLength, properName)`,
      ),
    ];
    if (wrong.length > 0) {
      problem(path, `"${id}": ${wrong.join('; ')}.`);
      continue;
    }
    into.set(id, {
      ...(typeof context === 'string' && { context }),
      ...(typeof maxLength === 'number' && { maxLength }),
      ...(properName === true && { properName: true }),
    });
  }
}

function readIntended(
  json: { value?: unknown; error?: string },
  path: string,
  into: Map<string, string>,
  problem: Report,
): void {
  if (json.error !== undefined) {
    problem(path, json.error);
    return;
  }
  if (!isKeyObject(json.value)) {
    problem(path, 'It must hold an object of "namespace:key": "why it stays the same".');
    return;
  }
  for (const [id, reason] of Object.entries(json.value)) {
    if (typeof reason === 'string') into.set(id, reason);
    else problem(path, `"${id}" must be followed by text saying why it stays the same.`);
  }
}

function readFingerprints(
  json: { value?: unknown; error?: string },
  path: string,
  problem: Report,
): ReadonlyMap<string, ReadonlyMap<string, string>> | undefined {
  if (json.error !== undefined) {
    problem(path, json.error);
    return undefined;
  }
  if (!isKeyObject(json.value)) {
    problem(path, 'It must hold an object of namespaces, each an object of "key": "fingerprint".');
    return undefined;
  }
  const result = new Map<string, ReadonlyMap<string, string>>();
  for (const [namespace, keys] of Object.entries(json.value)) {
    if (!isKeyObject(keys) || !Object.values(keys).every((value) => typeof value === 'string')) {
      problem(path, `"${namespace}" must be an object of "key": "fingerprint".`);
      continue;
    }
    result.set(namespace, new Map(Object.entries(keys as Record<string, string>)));
  }
  return result;
}

/**
 * Writes a locale's source fingerprints, namespaces and keys in the order given, so that the file
 * changes only where a fingerprint does.
 */
export function writeFingerprints(
  dir: string,
  locale: string,
  fingerprints: ReadonlyMap<string, ReadonlyMap<string, string>>,
): string {
  const path = metaPath(locale, fingerprintsFile);
  mkdirSync(join(dir, locale, metaFolder), { recursive: true });
  const json = Object.fromEntries(
    [...fingerprints]
      .filter(([, keys]) => keys.size > 0)
      .map(([namespace, keys]) => [namespace, Object.fromEntries(keys)]),
  );
  writeFileSync(join(dir, path), `${JSON.stringify(json, null, 2)}\n`);
  return path;
}

/** Marks a folder written by `attune-content pseudo` as a pseudo-locale. */
export function writePseudoMarker(dir: string, locale: string, sourceLocale: string): void {
  mkdirSync(join(dir, locale, metaFolder), { recursive: true });
  writeFileSync(
    join(dir, metaPath(locale, pseudoMarkerFile)),
    `${JSON.stringify(
      {
        pseudo: true,
        from: sourceLocale,
        note: 'Written by "attune-content pseudo" for layout tests. The loaders and "attune-content check" leave this folder out; delete it when you are done.',
      },
      null,
      2,
    )}\n`,
  );
}
