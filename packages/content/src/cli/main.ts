/// <reference types="node" />
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sourceLocale } from '../namespaces.js';
import { checkLocales, type Issue } from './check.js';
import { CliError } from './cli-error.js';
import { coreDecks } from './core-decks.js';
import { computeDeckStats, type DeckOutline } from './deck-stats.js';
import { applyImport } from './exchange/apply-import.js';
import type { ExchangeFormat } from './exchange/exchange-unit.js';
import { exportLocale } from './exchange/export-locale.js';
import { listImportFiles, readImportFiles } from './exchange/import-files.js';
import { formatImportProblems } from './exchange/import-problem.js';
import { planImport } from './exchange/plan-import.js';
import { planKeys } from './expected-keys.js';
import { fingerprint } from './fingerprint.js';
import { flatten, isKeyObject } from './flatten.js';
import {
  formatGithub,
  formatIssues,
  issueFile,
  type LocateIssue,
  summarizeIssues,
  toFindings,
} from './format-issues.js';
import { formatStats, statsToJson } from './format-stats.js';
import { keyLines, lineOfKey } from './json-lines.js';
import { isLocaleCode, languageName } from './language-name.js';
import {
  intendedSameFile,
  keyId,
  metaPath,
  readTranslationMeta,
  type TranslationMeta,
  writeFingerprints,
  writePseudoMarker,
} from './meta.js';
import { pseudoNamespace } from './pseudo.js';
import { type LocalesData, readLocalesFolder } from './read-locales.js';
import { type FillMode, scaffoldNamespace } from './scaffold.js';
import { computeStats } from './stats.js';
import { isUntranslated } from './untranslated.js';
import { writeLocale } from './write-locale.js';

/** Where the CLI writes and which folder it works on when none is given. */
export interface CliIo {
  /** Prints regular output. */
  readonly stdout: (text: string) => void;
  /** Prints problems. */
  readonly stderr: (text: string) => void;
  /** The folder relative paths are resolved from. */
  readonly cwd: string;
  /** The locales folder used without `--dir`: the one shipped in the package. */
  readonly defaultLocalesDir: string | undefined;
  /** The decks `stats` reads prompt depths from; those of `@attune/core` by default. */
  readonly decks?: readonly DeckOutline[];
  /**
   * The environment; `check --format github` gives paths relative to `GITHUB_WORKSPACE` when it
   * is set, as GitHub needs them to annotate a file.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const usage = `Usage: attune-content <command> [options]

Commands:
  check [--dir <folder>] [--json | --format text|json|github]
                                    Check every locale against English: missing and extra keys,
                                    placeholders, plural forms, markup, numbered steps, text still
                                    in English, outdated texts, maximum and suspicious lengths.
                                    --json prints the findings for tools; --format github prints
                                    GitHub Actions annotations. Exits with 1 when there is an
                                    error, 0 when only warnings.
  stats [--dir <folder>] [--json]   Show how much of each locale and namespace is translated,
                                    then each deck: its files, prompts by depth, and how much
                                    of it each locale has translated.
  new-locale <code> [--dir <folder>] [--fill empty|source]
                                    Create (or complete) a locale with every key, ready for a
                                    translation tool. New texts are empty unless --fill source.
  mark-translated <code> [<namespace> | <namespace:key> …] [--dir <folder>]
                                    Record that the locale's texts (all, a namespace's, or some
                                    keys') are translated from the current English, so that
                                    "check" reports them as outdated when the English changes.
  pseudo [--dir <folder>] [--out <folder> | --into-locales] [--locale <code>]
                                    Write a pseudo-locale (default en-XA): accented, about 35%
                                    longer, in brackets, to test layouts before translations exist.
                                    Written to .pseudo/ unless --out or --into-locales says where.
  export <code> [<namespace> …] [--dir <folder>] [--format xliff|po] [--out <folder>]
                                    Write a file per namespace of the locale for a translation
                                    tool, in XLIFF 2.0 (the default) or gettext PO: the English,
                                    the current translations, notes and maximum lengths. Written
                                    to .translations/<code>/ unless --out says where.
  import <file | folder> … [--dir <folder>] [--locale <code>] [--dry-run]
                                    Write the translations of files a translation tool returned
                                    into the locale's JSON. Everything is checked first; when
                                    there is an error nothing is written. --locale names the
                                    locale when the tool calls it otherwise (es-ES for es);
                                    --dry-run only checks.
  help                              Show this help.

--dir is the folder holding one folder per locale (en/, de/, …); by default the locales shipped
with @attune/content.
`;

const dirOption = { dir: { type: 'string' } } as const;
const commandOptions = {
  check: { ...dirOption, json: { type: 'boolean' }, format: { type: 'string' } },
  stats: { ...dirOption, json: { type: 'boolean' } },
  'new-locale': { ...dirOption, fill: { type: 'string' } },
  'mark-translated': dirOption,
  pseudo: {
    ...dirOption,
    out: { type: 'string' },
    locale: { type: 'string' },
    'into-locales': { type: 'boolean' },
  },
  export: { ...dirOption, format: { type: 'string' }, out: { type: 'string' } },
  import: { ...dirOption, locale: { type: 'string' }, 'dry-run': { type: 'boolean' } },
} as const;

const withPositionals: readonly Command[] = ['new-locale', 'mark-translated', 'export', 'import'];

type Command = keyof typeof commandOptions;

const isCommand = (name: string): name is Command => Object.hasOwn(commandOptions, name);

/**
 * Runs the translator CLI with the given arguments and returns its exit code: 0 when all went
 * well, 1 on an error. Problems are printed as messages for a translator, never as stack traces.
 *
 * @example
 * ```ts
 * process.exitCode = runCli(['check', '--dir', 'locales'], io);
 * ```
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(usage);
    return command === undefined ? 1 : 0;
  }
  try {
    if (!isCommand(command)) {
      throw new CliError(
        `"${command}" is not a command. Run "attune-content help" to see the commands.`,
      );
    }
    const { values, positionals } = parse(command, args);
    const dir = resolveDir(values.dir, io);
    switch (command) {
      case 'check':
        return runCheck(dir, checkFormat(values), io);
      case 'stats':
        return runStats(dir, values.json === true, io);
      case 'new-locale':
        return runNewLocale(dir, positionals, values.fill, io);
      case 'mark-translated':
        return runMarkTranslated(dir, positionals, io);
      case 'pseudo':
        return runPseudo(dir, values, io);
      case 'export':
        return runExport(dir, positionals, values, io);
      case 'import':
        return runImport(dir, positionals, values, io);
    }
  } catch (error) {
    io.stderr(
      error instanceof CliError
        ? `${error.message}\n`
        : `Something went wrong: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

interface ParsedArgs {
  readonly values: {
    dir?: string;
    json?: boolean;
    format?: string;
    fill?: string;
    out?: string;
    locale?: string;
    'into-locales'?: boolean;
    'dry-run'?: boolean;
  };
  readonly positionals: readonly string[];
}

function parse(command: Command, args: readonly string[]): ParsedArgs {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: commandOptions[command],
      allowPositionals: withPositionals.includes(command),
      strict: true,
    });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    // Node's own messages talk about parser internals; say what to do instead.
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    throw new CliError(
      `${option ? `"${option}" is not something "${command}" understands` : `The options for "${command}" could not be read`}. Run "attune-content help" to see the options.`,
    );
  }
}

function resolveDir(dir: string | undefined, io: CliIo): string {
  if (dir !== undefined) return resolve(io.cwd, dir);
  if (io.defaultLocalesDir === undefined) {
    throw new CliError(
      'No locales folder was given. Pass --dir with the folder that holds en/, de/ and so on.',
    );
  }
  return io.defaultLocalesDir;
}

interface Locales {
  readonly data: LocalesData;
  readonly meta: TranslationMeta;
}

function readWithSource(dir: string, io: CliIo): Locales {
  const data = readLocalesFolder(dir);
  if (!data.has(sourceLocale)) {
    throw new CliError(
      `${display(dir, io)} has no ${sourceLocale}/ folder. The ${languageName(sourceLocale)} files are what every locale is checked against; pass --dir with the folder that holds ${sourceLocale}/.`,
    );
  }
  return { data, meta: readTranslationMeta(dir, sourceLocale) };
}

// Paths inside the working folder read best relative; others are clearer in full.
function display(path: string, io: CliIo): string {
  const shown = relative(io.cwd, path);
  return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? resolve(path) : shown;
}

type CheckFormat = 'text' | 'json' | 'github';

function checkFormat(values: ParsedArgs['values']): CheckFormat {
  const format = values.format ?? (values.json === true ? 'json' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'github') {
    throw new CliError(`--format takes "text", "json" or "github", not "${format}".`);
  }
  if (values.json === true && format !== 'json') {
    throw new CliError('Give either --json or --format, not both.');
  }
  return format;
}

function runCheck(dir: string, format: CheckFormat, io: CliIo): number {
  const { data, meta } = readWithSource(dir, io);
  const issues = checkLocales(data, { sourceLocale, meta });
  const failed = issues.some((issue) => issue.severity === 'error');
  if (format !== 'text') {
    const workspace = format === 'github' ? io.env?.GITHUB_WORKSPACE : undefined;
    const findings = toFindings(issues, locator(dir, io, workspace));
    if (format === 'json') {
      const errors = issues.filter((issue) => issue.severity === 'error').length;
      const json = {
        locales: [...data.keys()],
        errors,
        warnings: issues.length - errors,
        findings,
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      if (findings.length > 0) io.stdout(`${formatGithub(findings)}\n`);
      io.stdout(`${summarizeIssues(issues, data.size)}\n`);
    }
    return failed ? 1 : 0;
  }
  const skipped =
    meta.pseudoLocales.length > 0
      ? ` Left out the pseudo-locale${meta.pseudoLocales.length === 1 ? '' : 's'} ${meta.pseudoLocales.join(', ')}.`
      : '';
  io.stdout(
    `Checked ${[...data.keys()].join(', ')} against ${languageName(sourceLocale)} in ${display(dir, io)}.${skipped}\n\n`,
  );
  if (issues.length > 0) io.stdout(`${formatIssues(issues)}\n`);
  io.stdout(`${summarizeIssues(issues, data.size)}\n`);
  return failed ? 1 : 0;
}

// Finds the file and line of an issue, reading each file once. Within a GitHub workspace paths
// are relative to it, which is what GitHub needs to annotate a file.
function locator(dir: string, io: CliIo, workspace: string | undefined): LocateIssue {
  const lines = new Map<string, ReadonlyMap<string, number>>();
  return (issue: Issue) => {
    const path = join(dir, issueFile(issue));
    const inWorkspace = workspace === undefined ? undefined : relative(workspace, path);
    const file =
      inWorkspace !== undefined && !inWorkspace.startsWith('..') && !isAbsolute(inWorkspace)
        ? inWorkspace
        : display(path, io);
    if (issueFile(issue).endsWith('/') || !existsSync(path)) return { file };
    const broken = /at line (\d+)/.exec(issue.message);
    if (broken) return { file, line: Number(broken[1]) };
    let found = lines.get(path);
    if (!found) {
      found = keyLines(readFileSync(path, 'utf8'));
      lines.set(path, found);
    }
    return { file, line: lineOfKey(found, issue.key) };
  };
}

function runStats(dir: string, json: boolean, io: CliIo): number {
  const { data, meta } = readWithSource(dir, io);
  const stats = computeStats(data, sourceLocale, meta);
  const decks = computeDeckStats(data, sourceLocale, io.decks ?? coreDecks, meta);
  io.stdout(
    json
      ? `${JSON.stringify(statsToJson(stats, decks), null, 2)}\n`
      : `${formatStats(stats, decks)}\n`,
  );
  return 0;
}

function parseLocale(code: string | undefined, example: string): string {
  if (code === undefined) {
    throw new CliError(`Give one locale code, for example: attune-content ${example}`);
  }
  if (!isLocaleCode(code)) {
    throw new CliError(
      `"${code}" is not a locale code. Use a BCP 47 code such as fr, pt-BR or zh-Hant.`,
    );
  }
  const [locale] = Intl.getCanonicalLocales(code) as [string];
  if (locale === sourceLocale) {
    throw new CliError(`${locale} is the source locale; every other locale is made from it.`);
  }
  return locale;
}

function runNewLocale(
  dir: string,
  positionals: readonly string[],
  fill: string | undefined,
  io: CliIo,
): number {
  const [code, ...more] = positionals;
  if (more.length > 0) {
    throw new CliError('Give one locale code, for example: attune-content new-locale fr');
  }
  const locale = parseLocale(code, 'new-locale fr');
  if (fill !== undefined && fill !== 'empty' && fill !== 'source') {
    throw new CliError(`--fill takes "empty" or "source", not "${fill}".`);
  }
  const { data, meta } = readWithSource(dir, io);
  const existing = data.get(locale);
  const recorded = meta.locales.get(locale)?.fingerprints;
  const files = new Map<string, unknown>();
  const fingerprints = new Map<string, Map<string, string>>();
  let filled = 0;
  for (const [namespace, file] of data.get(sourceLocale) ?? []) {
    if (!isKeyObject(file.content)) continue;
    const before = existing?.get(namespace)?.content;
    const tree = scaffoldNamespace(file.content, before, {
      locale,
      fill: (fill ?? 'empty') as FillMode,
    });
    files.set(namespace, tree);
    // A text the scaffold filled from English was made from today's English; a translation that
    // was already there keeps whatever fingerprint it had, or none.
    const sourceTexts = flatten(file.content).texts;
    const had = isKeyObject(before) ? flatten(before).texts : new Map<string, string>();
    const has = flatten(tree).texts;
    const previous = recorded?.get(namespace);
    const keys = new Map<string, string>();
    for (const expected of planKeys(sourceTexts, locale).expected) {
      const old = previous?.get(expected.key);
      if (!had.get(expected.key)?.trim() && has.get(expected.key)?.trim()) {
        keys.set(expected.key, fingerprint(sourceTexts.get(expected.sourceKey) ?? ''));
        filled += 1;
      } else if (old !== undefined) keys.set(expected.key, old);
    }
    fingerprints.set(namespace, keys);
  }
  writeLocale(dir, locale, files);
  writeFingerprints(dir, locale, fingerprints);
  const toTranslate =
    filled + [...files.values()].reduce<number>((sum, tree) => sum + countEmpty(tree), 0);
  const where = display(`${dir}/${locale}`, io);
  const notes =
    Intl.PluralRules.supportedLocalesOf(locale).length === 0
      ? `\nNote: this system has no plural rules for ${locale}; plural keys got only the forms of the default rules. Check them with a native speaker.`
      : '';
  const copied =
    filled > 0
      ? ` ${filled === 1 ? 'One holds' : `${filled} hold`} the ${languageName(sourceLocale)} for now, which counts as not translated.`
      : '';
  io.stdout(
    `${existing ? 'Completed' : 'Created'} ${where}/ (${languageName(locale)}): ${files.size} files, ${toTranslate} ${toTranslate === 1 ? 'text' : 'texts'} to translate.${existing ? ' Existing translations were kept.' : ''}${copied}\n` +
      `Next: fill in each text (translation tools open these files as i18next JSON v4), then run "attune-content check" to see what is left, and "attune-content mark-translated ${locale}" once a file is done, so that "check" can tell you when its English changes.${notes}\n`,
  );
  return 0;
}

function countEmpty(tree: unknown): number {
  if (tree === '') return 1;
  if (tree === null || typeof tree !== 'object') return 0;
  return Object.values(tree).reduce<number>((sum, value) => sum + countEmpty(value), 0);
}

function runMarkTranslated(dir: string, positionals: readonly string[], io: CliIo): number {
  const [code, ...targets] = positionals;
  const locale = parseLocale(code, 'mark-translated de safety');
  const { data, meta } = readWithSource(dir, io);
  const files = data.get(locale);
  if (!files) {
    throw new CliError(
      `${display(join(dir, locale), io)}/ does not exist. Create it with "attune-content new-locale ${locale}".`,
    );
  }
  const source = data.get(sourceLocale) ?? new Map();
  // Whole namespaces, or some keys of one: `safety` or `safety:check.answer-no`.
  const wanted = new Map<string, Set<string> | 'all'>();
  for (const target of targets.length > 0 ? targets : [...source.keys()]) {
    const colon = target.indexOf(':');
    const namespace = colon === -1 ? target : target.slice(0, colon);
    if (!source.has(namespace)) {
      throw new CliError(
        `"${namespace}" is not a namespace of ${languageName(sourceLocale)}. Give a file name without .json, such as safety, or a key such as safety:check.answer-no.`,
      );
    }
    if (colon === -1) wanted.set(namespace, 'all');
    else {
      const keys = wanted.get(namespace);
      if (keys !== 'all')
        wanted.set(namespace, new Set([...(keys ?? []), target.slice(colon + 1)]));
    }
  }
  const localeMeta = meta.locales.get(locale);
  const fingerprints = new Map<string, Map<string, string>>();
  let marked = 0;
  let wasOutdated = 0;
  let stillSource = 0;
  const sameLanguage = new Intl.Locale(locale).language === new Intl.Locale(sourceLocale).language;
  for (const [namespace, sourceFile] of source) {
    if (!isKeyObject(sourceFile.content)) continue;
    const sourceTexts = flatten(sourceFile.content).texts;
    const plan = planKeys(sourceTexts, locale);
    const previous = localeMeta?.fingerprints?.get(namespace);
    const selection = wanted.get(namespace);
    const content = files.get(namespace)?.content;
    const texts = isKeyObject(content) ? flatten(content).texts : new Map<string, string>();
    if (selection instanceof Set) {
      const known = new Set(plan.expected.flatMap((entry) => [entry.key, entry.plural?.base]));
      const unknown = [...selection].filter((key) => !known.has(key));
      if (unknown.length > 0) {
        throw new CliError(
          `${languageName(sourceLocale)} ${namespace}.json has no key ${unknown.map((key) => `"${key}"`).join(', ')}. Give keys as "check" prints them, such as ${namespace}:${plan.expected[0]?.key ?? 'key'}.`,
        );
      }
    }
    const keys = new Map<string, string>();
    for (const expected of plan.expected) {
      const chosen =
        selection === 'all' ||
        (selection instanceof Set &&
          (selection.has(expected.key) ||
            (expected.plural !== undefined && selection.has(expected.plural.base))));
      const old = previous?.get(expected.key);
      const text = texts.get(expected.key);
      if (!chosen) {
        if (old !== undefined) keys.set(expected.key, old);
        continue;
      }
      if (!text?.trim()) continue;
      const sourceText = sourceTexts.get(expected.sourceKey) ?? '';
      const now = fingerprint(sourceText);
      keys.set(expected.key, now);
      marked += 1;
      if (old !== undefined && old !== now) wasOutdated += 1;
      const intended = !!localeMeta?.intendedSame.has(keyId(namespace, expected.key));
      if (isUntranslated(text, sourceText, { sameLanguage, intended })) stillSource += 1;
    }
    fingerprints.set(namespace, keys);
  }
  const path = writeFingerprints(dir, locale, fingerprints);
  const scope = `${marked} ${marked === 1 ? 'text' : 'texts'} of ${locale}${targets.length > 0 ? ` (${targets.join(', ')})` : ''}`;
  const notes = [
    ...(wasOutdated > 0 ? [`${wasOutdated} of them had been outdated.`] : []),
    ...(stillSource > 0
      ? [
          `${stillSource} of them are still the ${languageName(sourceLocale)} words, which "check" reports until they are translated or listed in ${metaPath(locale, intendedSameFile)}.`,
        ]
      : []),
  ];
  io.stdout(
    `Marked ${scope} as translated from the current ${languageName(sourceLocale)} in ${display(join(dir, path), io)}.${notes.length > 0 ? ` ${notes.join(' ')}` : ''}\n` +
      `"check" now reports a text as outdated when its ${languageName(sourceLocale)} changes. Empty and missing texts were not marked.\n`,
  );
  return 0;
}

function runPseudo(dir: string, values: ParsedArgs['values'], io: CliIo): number {
  const locale = values.locale ?? 'en-XA';
  if (!isLocaleCode(locale)) {
    throw new CliError(`"${locale}" is not a locale code. Pseudo-locales usually use en-XA.`);
  }
  if (values.out !== undefined && values['into-locales'] === true) {
    throw new CliError('Give either --out or --into-locales, not both.');
  }
  const { data } = readWithSource(dir, io);
  const intoLocales = values['into-locales'] === true;
  const out = intoLocales ? dir : resolve(io.cwd, values.out ?? defaultPseudoFolder);
  const files = new Map<string, unknown>();
  for (const [namespace, file] of data.get(sourceLocale) ?? []) {
    if (isKeyObject(file.content)) files.set(namespace, pseudoNamespace(file.content));
  }
  const existed = existsSync(`${out}/${locale}`);
  writeLocale(out, locale, files);
  writePseudoMarker(out, locale, sourceLocale);
  // The default folder is scratch space: keep it out of version control.
  if (values.out === undefined && !intoLocales && !existsSync(join(out, '.gitignore'))) {
    writeFileSync(join(out, '.gitignore'), '*\n');
  }
  const use = intoLocales
    ? `It is in the locales folder, for an app that reads that folder itself. The generated loaders and "check" leave pseudo-locales out, so it is never shipped by accident; delete ${locale}/ when you are done.`
    : `The shipped locales are untouched. To try it, add its files to your i18next instance (i18n.addResourceBundle('${locale}', namespace, json)), or pass --into-locales for an app that reads the locales folder itself.`;
  io.stdout(
    `${existed ? 'Rewrote' : 'Wrote'} the pseudo-locale ${locale} to ${display(`${out}/${locale}`, io)}/ (${files.size} files).\n` +
      'Plain letters show text that is not translated, and clipped brackets show layouts too tight for longer languages.\n' +
      `${use}\n`,
  );
  return 0;
}

/** Where `pseudo` writes without --out or --into-locales, from the working folder. */
export const defaultPseudoFolder = '.pseudo';

/** Where `export` writes without --out, from the working folder. */
export const defaultExportFolder = '.translations';

const formatNames: Readonly<Record<ExchangeFormat, string>> = { xliff: 'XLIFF 2.0', po: 'PO' };
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function runExport(
  dir: string,
  positionals: readonly string[],
  values: ParsedArgs['values'],
  io: CliIo,
): number {
  const [code, ...namespaces] = positionals;
  const locale = parseLocale(code, 'export de');
  const format = values.format ?? 'xliff';
  if (format !== 'xliff' && format !== 'po') {
    throw new CliError(`--format takes "xliff" or "po", not "${format}".`);
  }
  const { data, meta } = readWithSource(dir, io);
  if (!data.has(locale)) {
    throw new CliError(
      `${display(join(dir, locale), io)}/ does not exist. Create it with "attune-content new-locale ${locale}", then export it.`,
    );
  }
  const source = data.get(sourceLocale) ?? new Map();
  const unknown = namespaces.filter((namespace) => !source.has(namespace));
  if (unknown.length > 0) {
    throw new CliError(
      `${unknown.map((namespace) => `"${namespace}"`).join(', ')} ${unknown.length === 1 ? 'is not a namespace' : 'are not namespaces'} of ${languageName(sourceLocale)}. Give file names without .json, such as safety, or none to export them all.`,
    );
  }
  const out = resolve(io.cwd, values.out ?? defaultExportFolder);
  const result = exportLocale({
    data,
    meta,
    sourceLocale,
    locale,
    ...(namespaces.length > 0 && { namespaces }),
    format,
    out,
  });
  // The default folder is scratch space: keep it out of version control.
  if (values.out === undefined && !existsSync(join(out, '.gitignore'))) {
    writeFileSync(join(out, '.gitignore'), '*\n');
  }
  const folder = display(join(out, locale), io);
  io.stdout(
    `Wrote ${count(result.files.length, `${formatNames[format]} file`)} for ${languageName(locale)} (${locale}) to ${folder}/: ${count(result.texts, 'text')}, ${result.toTranslate} still to translate.\n` +
      `Next: open or upload them in your translation tool. When they come back, run "attune-content import ${folder}": it checks them against the ${languageName(sourceLocale)} and writes the translations into ${display(join(dir, locale), io)}/.\n`,
  );
  return 0;
}

function runImport(
  dir: string,
  positionals: readonly string[],
  values: ParsedArgs['values'],
  io: CliIo,
): number {
  if (positionals.length === 0) {
    throw new CliError(
      `Give the files or folders to import, for example: attune-content import ${defaultExportFolder}/de`,
    );
  }
  const { data, meta } = readWithSource(dir, io);
  const paths = listImportFiles(positionals.map((path) => resolve(io.cwd, path)));
  const read = readImportFiles(paths, (path) => display(path, io));
  const plan = planImport(read.files, {
    data,
    meta,
    sourceLocale,
    ...(values.locale !== undefined && { locale: values.locale }),
  });
  const problems = [...read.problems, ...plan.problems];
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length > 0) io.stdout(`${formatImportProblems(problems)}\n`);
  const files = count(paths.length, 'file');
  const them = paths.length === 1 ? 'it' : 'them';
  if (errors > 0) {
    io.stdout(
      `${count(errors, 'error')} and ${count(warnings, 'warning')} in ${files}. Nothing was written: fix the errors, then import again.\n`,
    );
    return 1;
  }
  const changed = [...plan.changes].flatMap(([locale, byNamespace]) =>
    [...byNamespace].map(([namespace, keys]) => ({ locale, namespace, size: keys.size })),
  );
  const texts = changed.reduce((sum, entry) => sum + entry.size, 0);
  const already =
    plan.unchanged > 0
      ? ` ${count(plan.unchanged, 'translation')} in ${them} ${plan.unchanged === 1 ? 'was' : 'were'} already there.`
      : '';
  const warned = warnings > 0 ? ` See the ${count(warnings, 'warning')} above.` : '';
  if (texts === 0) {
    io.stdout(
      `Nothing to import from ${files}: no translation in ${them} differs from the locale's.${already}${warned}\n`,
    );
    return 0;
  }
  const where = [...new Set(changed.map((entry) => entry.locale))].join(', ');
  const namespaces = changed.map((entry) => entry.namespace).join(', ');
  if (values['dry-run'] === true) {
    io.stdout(
      `Checked ${files}: ${count(texts, 'text')} would be written into ${where} (${namespaces}).${already}${warned} Nothing was written (--dry-run).\n`,
    );
    return 0;
  }
  applyImport(plan.changes, { dir, data, meta, sourceLocale });
  io.stdout(
    `Imported ${count(texts, 'text')} into ${where} (${namespaces}) from ${files}, and recorded the ${languageName(sourceLocale)} each was translated from.${already}${warned}\n` +
      `Next: run "attune-content check" to see what is left to translate.\n`,
  );
  return 0;
}
