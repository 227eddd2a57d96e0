import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDir } from './app-server.js';

/** A running example sync server, over a SQLite file in a temporary folder. */
export interface RelayServer {
  readonly url: string;
  /** The folder holding the server's SQLite files, for tests to look at what it stored. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

const serverDir = join(appDir, '..', 'sync-server');
const tsx = createRequire(join(serverDir, 'package.json')).resolve('tsx/cli');

/**
 * Starts `examples/sync-server` the way its README does, on a port the system picks, and waits
 * for the address it prints.
 */
export async function startRelay(): Promise<RelayServer> {
  const data = await mkdtemp(join(tmpdir(), 'attune-e2e-relay-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [tsx, '--conditions=@attune/source', 'src/main.ts', '--port', '0', '--data', data],
    // The SQLite store, whatever DATABASE_URL this machine has.
    {
      cwd: serverDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The sync server did not start:\n${output}`)),
      30_000,
    );
    const read = (chunk: unknown) => {
      output += String(chunk);
      const match = /listening at (http:\/\/\S+?),?\s/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`The sync server exited:\n${output}`));
    });
  });
  return {
    url,
    dataDir: data,
    async stop() {
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
      await rm(data, { recursive: true, force: true });
    },
  };
}
