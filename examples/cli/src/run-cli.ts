import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { checkIn } from './commands/check-in.js';
import type { CommandContext, CommandOutcome } from './commands/command-context.js';
import { menu } from './commands/menu.js';
import { progress } from './commands/progress.js';
import { reflect } from './commands/reflect.js';
import { firstRun } from './setup/first-run.js';
import { loadInstallMarker } from './setup/install-marker.js';
import { type History, openHistory } from './setup/open-history.js';
import {
  readSetup,
  type Setup,
  SetupFileError,
  setupPathOf,
  writeSetup,
} from './setup/setup-file.js';
import { createTerminal, type Terminal } from './terminal/terminal.js';
import { createCliI18n } from './text/create-cli-i18n.js';
import { pickLocale } from './text/pick-locale.js';
import { type Text, textOf } from './text/text.js';

/** Everything the program takes from its surroundings, so tests can give their own. */
export interface CliOptions {
  /** The arguments after the program name. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly input: Readable;
  readonly output: Writable;
  /** Where warnings and errors go (default `output`). */
  readonly errorOutput?: Writable;
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
  /**
   * The home folder, for the default history file and for this install's marker in
   * `.config/attune/install-id` (default the user's).
   */
  readonly homeDir?: string;
  /** The time zone of a new couple (default this computer's). */
  readonly timeZone?: string;
}

const commands = ['check-in', 'reflect', 'progress'] as const;
type Command = (typeof commands)[number];

/** Exit codes: done, something refused or failed, the command line was wrong. */
const OK = 0;
const FAILED = 1;
const USAGE = 2;

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The setup of the history file: read, or made on a first run. `number` is an exit code. */
async function loadSetup(
  file: string,
  values: { readonly me?: string | undefined; readonly partner?: string | undefined },
  io: { readonly t: Text; readonly terminal: Terminal; readonly warn: (text: string) => void },
  options: CliOptions,
): Promise<Setup | number> {
  const { t, terminal, warn } = io;
  const path = setupPathOf(file);
  let setup: Setup | undefined;
  try {
    setup = await readSetup(path);
  } catch (error) {
    if (!(error instanceof SetupFileError)) throw error;
    warn(t('cli:error.setup-file', { file: path, reason: error.reason }));
    return FAILED;
  }
  if (setup) return setup;
  // Never start a new couple over events that belong to one whose setup went missing.
  if (await exists(file)) {
    warn(t('cli:error.setup-missing', { file, setup: path }));
    return FAILED;
  }
  const created = await firstRun({
    t,
    terminal,
    me: values.me,
    partner: values.partner,
    now: (options.now ?? Date.now)(),
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  if (!created) {
    warn(t('cli:stopped'));
    return FAILED;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeSetup(path, created);
  terminal.say(t('cli:setup.saved', { file }));
  return created;
}

/**
 * The terminal program: reads the command line, speaks the person's language, opens the couple's
 * history, and runs a check-in, a reflection, the progress view, or a menu of them.
 *
 * @returns the exit code: 0 done, 1 refused or failed, 2 a wrong command line.
 */
export async function runCli(options: CliOptions): Promise<number> {
  const errorOutput = options.errorOutput ?? options.output;
  const warn = (text: string) => errorOutput.write(`${text}\n`);

  let parsed: ReturnType<typeof parse> | undefined;
  let argumentError: Error | undefined;
  try {
    parsed = parse(options.args);
  } catch (error) {
    argumentError = error as Error;
  }
  const locale = pickLocale(parsed?.values.locale, options.env);
  const t = textOf(await createCliI18n(locale));
  if (!parsed) {
    warn(t('cli:error.arguments', { reason: argumentError?.message.replace(/\.$/, '') }));
    return USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    options.output.write(`${t('cli:help')}\n`);
    return OK;
  }
  const [name, ...extra] = positionals;
  if (extra.length > 0 || (name !== undefined && !commands.includes(name as Command))) {
    warn(t('cli:error.unknown-command', { command: extra[0] ?? name }));
    return USAGE;
  }
  const command = name as Command | undefined;
  const file = resolve(
    values.file ??
      options.env.ATTUNE_FILE ??
      join(options.homeDir ?? homedir(), '.attune', 'attune.jsonl'),
  );

  const terminal = createTerminal({ input: options.input, output: options.output });
  const session: Session = { t, locale, terminal, warn, file, values, command, options };
  let code: number;
  try {
    code = await runSession(session);
  } catch (error) {
    await session.history?.close().catch(() => undefined);
    throw error;
  } finally {
    terminal.close();
  }
  try {
    // Closing writes what still waits (after a full disk, say); if it cannot, the person must know.
    await session.history?.close();
  } catch (error) {
    warn(t('cli:error.not-saved', { reason: (error as Error).message }));
    return FAILED;
  }
  return code;
}

/** One run of the program after the command line was read; `history` is set once it is open. */
interface Session {
  readonly t: Text;
  readonly locale: string;
  readonly terminal: Terminal;
  readonly warn: (text: string) => void;
  readonly file: string;
  readonly values: ReturnType<typeof parse>['values'];
  readonly command: Command | undefined;
  readonly options: CliOptions;
  history?: History;
}

/** Sets up or reads the couple, opens the history, and runs the command; returns the exit code. */
async function runSession(session: Session): Promise<number> {
  const { t, locale, terminal, warn, file, values, command, options } = session;
  const setup = await loadSetup(file, values, { t, terminal, warn }, options);
  if (typeof setup === 'number') return setup;
  const partners = setup.couple.partners.map((partner) => partner.id);
  const partner = values.as ?? setup.self;
  if (!partners.includes(partner)) {
    warn(t('cli:error.unknown-name', { name: partner, names: partners.join(', ') }));
    return USAGE;
  }
  // Kept apart from the history file, so a copy of the file (with its setup) is noticed when it
  // opens on another computer or account: it records under a new device id from then on.
  const install = await loadInstallMarker({
    homeDir: options.homeDir ?? homedir(),
    configHome: options.env.XDG_CONFIG_HOME,
  });
  let history: History;
  try {
    history = await openHistory({
      file,
      couple: setup.couple,
      device: setup.device,
      ...(install === undefined ? {} : { install }),
      now: options.now ?? Date.now,
      onProblem: (message) => warn(t('cli:error.problem', { message })),
    });
  } catch (error) {
    warn(t('cli:error.cannot-open', { reason: (error as Error).message }));
    return FAILED;
  }
  session.history = history;
  const { readOnly } = history.store;
  if (readOnly && command !== 'progress') {
    warn(t('cli:error.read-only', { reason: readOnly.message }));
    return FAILED;
  }
  const context: CommandContext = {
    t,
    locale,
    terminal,
    warn,
    engine: history.engine,
    partner,
    other: partners.find((id) => id !== partner) as string,
    saved: () => history.saved(),
  };
  const outcome: CommandOutcome =
    command === 'check-in'
      ? await checkIn(context)
      : command === 'reflect'
        ? await reflect(context, values.exercise)
        : command === 'progress'
          ? await progress(context)
          : await menu(context);
  return outcome === 'done' ? OK : FAILED;
}

/** Reads the command line; throws Node's own error for an unknown or incomplete option. */
function parse(args: readonly string[]) {
  return parseArgs({
    args: args[0] === '--' ? args.slice(1) : [...args],
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      as: { type: 'string' },
      locale: { type: 'string' },
      exercise: { type: 'string' },
      me: { type: 'string' },
      partner: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
