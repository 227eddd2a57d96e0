import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, redactDatabaseUrl } from './read-config.js';

const URL_WITH_PASSWORD = 'postgresql://attune:s3cret-pw@db.example:5432/attune';

describe('readConfig', () => {
  it('stores in a SQLite file in the data folder by default', () => {
    expect(readConfig([], {})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      storage: { kind: 'sqlite', path: resolve('data', 'attune-relay.sqlite') },
      maxBodyBytes: 1_048_576,
    });
    expect(readConfig(['--data', '/var/lib/attune'], {})).toMatchObject({
      storage: { kind: 'sqlite', path: '/var/lib/attune/attune-relay.sqlite' },
    });
  });

  it('stores in PostgreSQL when DATABASE_URL or --database-url is set, the flag first', () => {
    expect(readConfig([], { DATABASE_URL: URL_WITH_PASSWORD })).toMatchObject({
      storage: { kind: 'postgres', url: URL_WITH_PASSWORD },
    });
    expect(
      readConfig(['--', '--database-url', 'postgres://localhost/other'], {
        DATABASE_URL: URL_WITH_PASSWORD,
      }),
    ).toMatchObject({ storage: { kind: 'postgres', url: 'postgres://localhost/other' } });
    // ATTUNE_DATA_DIR may stay set for another setup; the URL says where to store.
    expect(
      readConfig([], { DATABASE_URL: URL_WITH_PASSWORD, ATTUNE_DATA_DIR: '/var/lib/attune' }),
    ).toMatchObject({ storage: { kind: 'postgres' } });
  });

  it('refuses --data beside a database URL, and a URL that is not PostgreSQL, without quoting it', () => {
    expect(() => readConfig(['--data', 'x'], { DATABASE_URL: URL_WITH_PASSWORD })).toThrow(
      /--data and a database URL/,
    );
    for (const bad of ['mysql://attune:s3cret-pw@db/attune', 's3cret-pw']) {
      let error: unknown;
      try {
        readConfig([], { DATABASE_URL: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/--database-url \(DATABASE_URL\) should be a URL/);
      expect((error as Error).message).not.toContain('s3cret-pw');
    }
  });

  it('names the flag at fault', () => {
    expect(() => readConfig(['--port', 'x'], {})).toThrow(/--port \(PORT\)/);
    expect(readConfig(['--help'], {})).toBe('help');
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactDatabaseUrl(URL_WITH_PASSWORD)).toBe(
      'postgresql://attune:***@db.example:5432/attune',
    );
    expect(redactDatabaseUrl('postgresql://localhost/attune')).toBe(
      'postgresql://localhost/attune',
    );
    expect(redactDatabaseUrl('host=db password=s3cret-pw')).not.toContain('s3cret-pw');
  });
});
