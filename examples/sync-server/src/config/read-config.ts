import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Where the relay stores what it keeps. */
export type StorageConfig =
  /** A SQLite file, `attune-relay.sqlite` in the data folder. */
  | { readonly kind: 'sqlite'; readonly path: string }
  /** A PostgreSQL database, from `--database-url` or `DATABASE_URL`. */
  | { readonly kind: 'postgres'; readonly url: string };

/** How the server is started: from flags, else environment variables, else defaults. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly storage: StorageConfig;
  readonly maxBodyBytes: number;
}

/** A configuration value that cannot be used, with the flag or variable to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const USAGE = `Usage: pnpm --filter @attune/example-sync-server start [options]

  --port <n>            port to listen on (PORT, default 8787; 0 picks a free one)
  --host <address>      address to listen on (HOST, default 127.0.0.1)
  --data <folder>       folder for attune-relay.sqlite (ATTUNE_DATA_DIR, default ./data)
  --database-url <url>  store in PostgreSQL instead of SQLite (DATABASE_URL), such as
                        postgresql://attune:password@localhost:5432/attune
  --max-body-bytes <n>  largest upload accepted (ATTUNE_MAX_BODY_BYTES, default 1048576)`;

function whole(value: string, name: string, min: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min) {
    throw new ConfigError(`${name} should be a whole number of at least ${min}, not "${value}"`);
  }
  return parsed;
}

/**
 * A database URL fit for logs and errors: the password, if any, replaced by `***`.
 *
 * @returns the URL without its password, or a placeholder when it is not a URL at all (it may
 * still hold a password somewhere).
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(a database URL that could not be read)';
  }
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}

// Never quotes the URL back: it holds the database password.
function databaseUrl(value: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')) {
    throw new ConfigError(
      '--database-url (DATABASE_URL) should be a URL such as postgresql://user:password@host:5432/database; leave it unset to store in SQLite',
    );
  }
  return value;
}

/**
 * Reads the configuration from command-line arguments and the environment. A database URL, from
 * `--database-url` or `DATABASE_URL`, stores in PostgreSQL; without one the relay stores in a SQLite
 * file in the data folder.
 *
 * @returns the configuration, or `'help'` when `--help` was asked for.
 * @throws {@link ConfigError} naming the flag or variable at fault, never quoting a database URL.
 */
export function readConfig(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ServerConfig | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      // `pnpm start -- --port 1` passes the `--` on; it separates nothing here.
      args: args[0] === '--' ? args.slice(1) : [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const pick = (flag: string, variable: string, fallback: string) =>
    (values[flag] as string | undefined) ?? env[variable] ?? fallback;
  const port = whole(pick('port', 'PORT', '8787'), '--port (PORT)', 0);
  if (port > 65_535) throw new ConfigError(`--port (PORT) should be at most 65535, not ${port}`);

  const url = pick('database-url', 'DATABASE_URL', '');
  // `--data` would be ignored, silently, and the server would not store where it was told to.
  if (url && values.data !== undefined) {
    throw new ConfigError(
      '--data and a database URL (--database-url or DATABASE_URL) both say where to store: pass one',
    );
  }
  const storage: StorageConfig = url
    ? { kind: 'postgres', url: databaseUrl(url) }
    : {
        kind: 'sqlite',
        path: resolve(pick('data', 'ATTUNE_DATA_DIR', 'data'), 'attune-relay.sqlite'),
      };
  return {
    port,
    host: pick('host', 'HOST', '127.0.0.1'),
    storage,
    maxBodyBytes: whole(
      pick('max-body-bytes', 'ATTUNE_MAX_BODY_BYTES', '1048576'),
      '--max-body-bytes (ATTUNE_MAX_BODY_BYTES)',
      1024,
    ),
  };
}

/** What `--help` prints. */
export const usage: string = USAGE;
