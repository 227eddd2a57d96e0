import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** How the server is started: from flags, else environment variables, else defaults. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** The folder that holds the SQLite file. */
  readonly dataDir: string;
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
  --max-body-bytes <n>  largest upload accepted (ATTUNE_MAX_BODY_BYTES, default 1048576)`;

function whole(value: string, name: string, min: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min) {
    throw new ConfigError(`${name} should be a whole number of at least ${min}, not "${value}"`);
  }
  return parsed;
}

/**
 * Reads the configuration from command-line arguments and the environment.
 *
 * @returns the configuration, or `'help'` when `--help` was asked for.
 * @throws {@link ConfigError} naming the flag or variable at fault.
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
  return {
    port,
    host: pick('host', 'HOST', '127.0.0.1'),
    dataDir: resolve(pick('data', 'ATTUNE_DATA_DIR', 'data')),
    maxBodyBytes: whole(
      pick('max-body-bytes', 'ATTUNE_MAX_BODY_BYTES', '1048576'),
      '--max-body-bytes (ATTUNE_MAX_BODY_BYTES)',
      1024,
    ),
  };
}

/** What `--help` prints. */
export const usage: string = USAGE;
