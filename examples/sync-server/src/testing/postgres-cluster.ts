import { execFile, spawnSync } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL server started for the tests in a temporary folder. */
export interface PostgresCluster {
  /** A URL of its `postgres` database, through a unix socket in the folder. */
  readonly url: string;
  /** Stops the server and deletes the folder. */
  stop(): Promise<void>;
}

/**
 * The folder of `initdb` and `pg_ctl`: Debian's newest `/usr/lib/postgresql/<version>/bin` (Debian
 * keeps them off the PATH), else the PATH's; undefined when neither has them.
 */
export async function findPostgresBin(): Promise<string | undefined> {
  const root = '/usr/lib/postgresql';
  const versions = await readdir(root).catch(() => [] as string[]);
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = join(root, version, 'bin');
    const found = await Promise.all(
      ['initdb', 'pg_ctl'].map((tool) =>
        run(join(bin, tool), ['--version']).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (found.every(Boolean)) return bin;
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = onPath.status === 0 ? onPath.stdout.trim() : '';
  return initdb ? initdb.slice(0, -'/initdb'.length) : undefined;
}

/** The uid and gid of a user, or undefined when there is none. */
function userIds(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Creates and starts a throwaway PostgreSQL server with the tools in `bin`. It listens on a unix
 * socket only, so it never clashes with a server already on port 5432, and skips fsync: the data
 * lives as long as the test run.
 *
 * PostgreSQL refuses to run as root, so as root the tools run as the `postgres` user that Debian's
 * package creates, in a folder owned by it.
 *
 * @throws when run as root without a `postgres` user, or when the server does not start (with its
 * log).
 */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'attune-postgres-'));
  const asRoot = process.getuid?.() === 0;
  let wrap = (command: string, args: string[]): [string, string[]] => [command, args];
  if (asRoot) {
    const postgres = userIds('postgres');
    if (!postgres) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(
        'PostgreSQL refuses to run as root and there is no "postgres" user to run it as: install Debian\'s postgresql package (it creates one), or set DATABASE_URL to a server of your own',
      );
    }
    await chown(dir, postgres.uid, postgres.gid);
    wrap = (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
  }
  // The test process, maybe another user than the server's, connects through the socket here.
  await chmod(dir, 0o755);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const tool = (name: string, args: string[]) => run(...wrap(join(bin, name), args));
  try {
    await tool('initdb', [
      '--pgdata',
      data,
      '--username',
      'postgres',
      '--auth',
      'trust',
      '--encoding',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    const settings = [
      "listen_addresses=''",
      `unix_socket_directories=${dir}`,
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      // Every test server has a pool of its own, and test files run side by side.
      'max_connections=200',
    ];
    await tool('pg_ctl', [
      'start',
      '--pgdata',
      data,
      '--log',
      log,
      '--wait',
      '--options',
      settings.map((setting) => `-c ${setting}`).join(' '),
    ]);
  } catch (error) {
    const written = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `Could not start a throwaway PostgreSQL server with ${bin}: ${(error as Error).message}\n${written}`,
    );
  }
  return {
    // `host` names the socket's folder; node-postgres takes it over the `localhost` before it.
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    async stop() {
      // Immediate: nothing in it needs to survive, so there is no point waiting for a checkpoint.
      await tool('pg_ctl', ['stop', '--pgdata', data, '--mode', 'immediate', '--wait']).catch(
        () => undefined,
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
