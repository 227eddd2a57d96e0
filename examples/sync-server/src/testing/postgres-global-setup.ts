import type { TestProject } from 'vitest/node';
import { findPostgresBin, type PostgresCluster, startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the store tests run against; null when they are skipped. */
    postgresUrl: string | null;
  }
}

let cluster: PostgresCluster | undefined;

/**
 * Finds a PostgreSQL server for the sync-server tests, which run every suite against SQLite and
 * against PostgreSQL: `DATABASE_URL` if set, else a throwaway server started from the installed
 * binaries (stopped and deleted at the end). With neither, the run fails rather than passing with
 * half its tests unrun; `ATTUNE_SKIP_POSTGRES=1` skips the PostgreSQL half on purpose.
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.ATTUNE_SKIP_POSTGRES === '1') {
    console.warn('ATTUNE_SKIP_POSTGRES=1: the sync-server tests run against SQLite only');
    project.provide('postgresUrl', null);
    return;
  }
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const bin = await findPostgresBin();
  if (!bin) {
    throw new Error(
      [
        'The sync-server tests run against PostgreSQL too, and found none:',
        '- install it (Debian: apt-get install postgresql), and the tests start a throwaway server,',
        '- or set DATABASE_URL to a database they may create and drop schemas in,',
        '- or set ATTUNE_SKIP_POSTGRES=1 to run against SQLite only.',
      ].join('\n'),
    );
  }
  cluster = await startPostgresCluster(bin);
  project.provide('postgresUrl', cluster.url);
}

/** Stops and deletes the throwaway server, if one was started. */
export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
