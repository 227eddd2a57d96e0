/// <reference types="node" />
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sourceLocale } from '../namespaces.js';
import { checkLocales } from './check.js';
import { CliError } from './cli-error.js';
import { coreDecks } from './core-decks.js';
import { computeDeckStats, type DeckOutline } from './deck-stats.js';
import { isKeyObject } from './flatten.js';
import { formatIssues, summarizeIssues } from './format-issues.js';
import { formatStats, statsToJson } from './format-stats.js';
import { isLocaleCode, languageName } from './language-name.js';
import { pseudoNamespace } from './pseudo.js';
import { type LocalesData, readLocalesFolder } from './read-locales.js';
import { type FillMode, scaffoldNamespace } from './scaffold.js';
import { computeStats } from './stats.js';
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
}

const usage = `Usage: attune-content <command> [options]

Commands:
  check [--dir <folder>]            Check every locale against English: missing and extra keys,
                                    placeholders, plural forms, markup, untranslated text, lengths.
                                    Exits with 1 when there is an error, 0 when only warnings.
  stats [--dir <folder>] [--json]   Show how much of each locale and namespace is translated,
                                    then each deck: its files, prompts by depth, and how much
                                    of it each locale has translated.
  new-locale <code> [--dir <folder>] [--fill empty|source]
                                    Create (or complete) a locale with every key, ready for a
                                    translation tool. New texts are empty unless --fill source.
  pseudo [--dir <folder>] [--out <folder>] [--locale <code>]
                                    Write a pseudo-locale (default en-XA): accented, about 35%
                                    longer, in brackets, to test layouts before translations exist.
  help                              Show this help.

--dir is the folder holding one folder per locale (en/, de/, …); by default the locales shipped
with @attune/content.
`;

const dirOption = { dir: { type: 'string' } } as const;
const commandOptions = {
  check: dirOption,
  stats: { ...dirOption, json: { type: 'boolean' } },
  'new-locale': { ...dirOption, fill: { type: 'string' } },
  pseudo: { ...dirOption, out: { type: 'string' }, locale: { type: 'string' } },
} as const;

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
        return runCheck(dir, io);
      case 'stats':
        return runStats(dir, values.json === true, io);
      case 'new-locale':
        return runNewLocale(dir, positionals, values.fill, io);
      case 'pseudo':
        return runPseudo(dir, values, io);
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
  readonly values: { dir?: string; json?: boolean; fill?: string; out?: string; locale?: string };
  readonly positionals: readonly string[];
}

function parse(command: Command, args: readonly string[]): ParsedArgs {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: commandOptions[command],
      allowPositionals: command === 'new-locale',
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

function readWithSource(dir: string, io: CliIo): LocalesData {
  const data = readLocalesFolder(dir);
  if (!data.has(sourceLocale)) {
    throw new CliError(
      `${display(dir, io)} has no ${sourceLocale}/ folder. The ${languageName(sourceLocale)} files are what every locale is checked against; pass --dir with the folder that holds ${sourceLocale}/.`,
    );
  }
  return data;
}

// Paths inside the working folder read best relative; others are clearer in full.
function display(path: string, io: CliIo): string {
  const shown = relative(io.cwd, path);
  return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? resolve(path) : shown;
}

function runCheck(dir: string, io: CliIo): number {
  const data = readWithSource(dir, io);
  const issues = checkLocales(data, { sourceLocale });
  io.stdout(
    `Checked ${[...data.keys()].join(', ')} against ${languageName(sourceLocale)} in ${display(dir, io)}.\n\n`,
  );
  if (issues.length > 0) io.stdout(`${formatIssues(issues)}\n`);
  io.stdout(`${summarizeIssues(issues, data.size)}\n`);
  return issues.some((issue) => issue.severity === 'error') ? 1 : 0;
}

function runStats(dir: string, json: boolean, io: CliIo): number {
  const data = readWithSource(dir, io);
  const stats = computeStats(data, sourceLocale);
  const decks = computeDeckStats(data, sourceLocale, io.decks ?? coreDecks);
  io.stdout(
    json
      ? `${JSON.stringify(statsToJson(stats, decks), null, 2)}\n`
      : `${formatStats(stats, decks)}\n`,
  );
  return 0;
}

function runNewLocale(
  dir: string,
  positionals: readonly string[],
  fill: string | undefined,
  io: CliIo,
): number {
  const [code, ...more] = positionals;
  if (code === undefined || more.length > 0) {
    throw new CliError('Give one locale code, for example: attune-content new-locale fr');
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
  if (fill !== undefined && fill !== 'empty' && fill !== 'source') {
    throw new CliError(`--fill takes "empty" or "source", not "${fill}".`);
  }
  const data = readWithSource(dir, io);
  const existing = data.get(locale);
  const files = new Map<string, unknown>();
  for (const [namespace, file] of data.get(sourceLocale) ?? []) {
    if (!isKeyObject(file.content)) continue;
    files.set(
      namespace,
      scaffoldNamespace(file.content, existing?.get(namespace)?.content, {
        locale,
        fill: (fill ?? 'empty') as FillMode,
      }),
    );
  }
  writeLocale(dir, locale, files);
  const toTranslate = [...files.values()].reduce<number>((sum, tree) => sum + countEmpty(tree), 0);
  const where = display(`${dir}/${locale}`, io);
  const notes =
    Intl.PluralRules.supportedLocalesOf(locale).length === 0
      ? `\nNote: this system has no plural rules for ${locale}; plural keys got only the forms of the default rules. Check them with a native speaker.`
      : '';
  io.stdout(
    `${existing ? 'Completed' : 'Created'} ${where}/ (${languageName(locale)}): ${files.size} files, ${toTranslate} texts to translate.${existing ? ' Existing translations were kept.' : ''}\n` +
      `Next: fill in each empty text (translation tools open these files as i18next JSON v4), then run "attune-content check" to see what is left.${notes}\n`,
  );
  return 0;
}

function countEmpty(tree: unknown): number {
  if (tree === '') return 1;
  if (tree === null || typeof tree !== 'object') return 0;
  return Object.values(tree).reduce<number>((sum, value) => sum + countEmpty(value), 0);
}

function runPseudo(dir: string, values: ParsedArgs['values'], io: CliIo): number {
  const locale = values.locale ?? 'en-XA';
  if (!isLocaleCode(locale)) {
    throw new CliError(`"${locale}" is not a locale code. Pseudo-locales usually use en-XA.`);
  }
  const data = readWithSource(dir, io);
  const out = values.out === undefined ? dir : resolve(io.cwd, values.out);
  const files = new Map<string, unknown>();
  for (const [namespace, file] of data.get(sourceLocale) ?? []) {
    if (isKeyObject(file.content)) files.set(namespace, pseudoNamespace(file.content));
  }
  const existed = existsSync(`${out}/${locale}`);
  writeLocale(out, locale, files);
  io.stdout(
    `${existed ? 'Rewrote' : 'Wrote'} the pseudo-locale ${locale} to ${display(`${out}/${locale}`, io)}/ (${files.size} files).\n` +
      'Load it in the app: plain letters show text that is not translated, and clipped brackets show layouts too tight for longer languages.\n',
  );
  return 0;
}
