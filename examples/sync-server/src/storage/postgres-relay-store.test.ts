import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { bindingsBeforeBindings, storeBeforeBindings } from '../testing/legacy-events.js';
import { postgresUrl } from '../testing/stores.js';
import { openPostgresRelayStore } from './postgres-relay-store.js';

// What every store must do is in relay-store.test.ts, run against each backend; here is what only
// PostgreSQL adds. Skipped only with ATTUNE_SKIP_POSTGRES=1 (see postgres-global-setup.ts).
const schemas: string[] = [];
async function sql(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: postgresUrl as string });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
function newSchema(): string {
  const schema = `attune_test_${randomBytes(8).toString('hex')}`;
  schemas.push(schema);
  return schema;
}
afterEach(async () => {
  for (const schema of schemas.splice(0)) await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
});

describe.skipIf(postgresUrl === null)('openPostgresRelayStore', () => {
  const connectionString = postgresUrl as string;

  it('creates its schema and tables, and opens an existing one again unchanged', async () => {
    const schema = newSchema();
    const first = await openPostgresRelayStore({ connectionString, schema });
    await first.close();
    const second = await openPostgresRelayStore({ connectionString, schema });
    await second.close();
    const tables = await sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      'couples',
      'devices',
      'events',
      'public_keys',
      'relay_schema',
      'signing_keys',
      'tokens',
    ]);
    const version = await sql(`SELECT version FROM "${schema}".relay_schema`);
    expect(version.rows).toEqual([{ version: 5 }]);
  });

  it('adds the public key table to a database from before it, keeping what it held', async () => {
    const schema = newSchema();
    const store = await openPostgresRelayStore({ connectionString, schema });
    await store.createCouple({
      id: 'c-0123456789abcdef',
      startedAt: 0,
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code',
      codeExpiresAt: 1_000,
      tokenHash: 'token',
      now: 0,
    });
    await store.close();
    // As the first schema left it.
    await sql(`DROP TABLE "${schema}".public_keys`);
    await sql(`UPDATE "${schema}".relay_schema SET version = 1`);

    const again = await openPostgresRelayStore({ connectionString, schema });
    expect(await again.findToken('token')).toEqual({
      couple: 'c-0123456789abcdef',
      partner: 'ana',
    });
    await again.joinCouple({
      codeHash: 'code',
      second: { id: 'kai', timeZone: 'UTC' },
      tokenHash: 'token-kai',
      publicKey: 'kai-key',
      now: 1,
    });
    expect(await again.getPublicKeys('c-0123456789abcdef')).toEqual({ kai: 'kai-key' });
    await again.close();
    const version = await sql(`SELECT version FROM "${schema}".relay_schema`);
    expect(version.rows).toEqual([{ version: 5 }]);
  });

  it('binds the devices of a database from before bindings to the author of their first event', async () => {
    const schema = newSchema();
    const store = await openPostgresRelayStore({ connectionString, schema });
    await storeBeforeBindings(store);
    await store.close();
    // As the second schema left it.
    await sql(`DROP TABLE "${schema}".devices`);
    await sql(`UPDATE "${schema}".relay_schema SET version = 2`);

    const again = await openPostgresRelayStore({ connectionString, schema });
    await again.close();
    const devices = await sql(
      `SELECT couple_id, device_id, partner FROM "${schema}".devices ORDER BY couple_id, device_id`,
    );
    expect(devices.rows).toEqual(bindingsBeforeBindings);
    const version = await sql(`SELECT version FROM "${schema}".relay_schema`);
    expect(version.rows).toEqual([{ version: 5 }]);
  });

  it('adds the signing key table to a database from before it: couples paired then have no keys', async () => {
    const schema = newSchema();
    const store = await openPostgresRelayStore({ connectionString, schema });
    await storeBeforeBindings(store);
    await store.close();
    // As the third schema left it.
    await sql(`DROP TABLE "${schema}".signing_keys`);
    await sql(`UPDATE "${schema}".relay_schema SET version = 3`);

    const again = await openPostgresRelayStore({ connectionString, schema });
    expect(await again.getSigningKeys('c-0123456789abcdef')).toEqual([]);
    expect(await again.readEvents('c-0123456789abcdef', 0, 10)).toHaveLength(5);
    await again.close();
    const version = await sql(`SELECT version FROM "${schema}".relay_schema`);
    expect(version.rows).toEqual([{ version: 5 }]);
  });

  it('lets a database from before encrypted types store events without one, keeping its rows', async () => {
    const schema = newSchema();
    const store = await openPostgresRelayStore({ connectionString, schema });
    await storeBeforeBindings(store);
    await store.close();
    // As the fourth schema left it: every row has a type.
    await sql(`ALTER TABLE "${schema}".events ALTER COLUMN type SET NOT NULL`);
    await sql(`UPDATE "${schema}".relay_schema SET version = 4`);

    const again = await openPostgresRelayStore({ connectionString, schema });
    const sealed = {
      id: 'ana-phone:2',
      partner: 'ana',
      device: 'ana-phone',
      seq: 2,
      clock: { wall: 1, counter: 0 },
      encrypted: { cipher: 'AES-GCM', key: 'k1', iv: 'iv', ciphertext: 'ciphertext' },
    };
    await again.writeEvents('c-0123456789abcdef', (tx) => tx.insert([sealed]));
    const held = await again.readEvents('c-0123456789abcdef', 0, 10);
    expect(held.map(({ position, event }) => [position, event.id])).toEqual([
      [1, 'kai-phone:1'],
      [2, 'ana-phone:1'],
      [3, 'kai-phone:2'],
      [4, 'd:x:1'],
      [5, 'kai-phone:3'],
      [6, 'ana-phone:2'],
    ]);
    await again.close();
    const types = await sql(
      `SELECT event_id, type FROM "${schema}".events WHERE couple_id = 'c-0123456789abcdef' ORDER BY position`,
    );
    expect(types.rows.at(-1)).toEqual({ event_id: 'ana-phone:2', type: null });
    expect(types.rows.slice(0, -1).every((row) => row.type === 'exercise-completed')).toBe(true);
    const version = await sql(`SELECT version FROM "${schema}".relay_schema`);
    expect(version.rows).toEqual([{ version: 5 }]);
  });

  it('lets several servers start on a new database at once', async () => {
    const schema = newSchema();
    const stores = await Promise.all(
      [1, 2, 3, 4].map(() => openPostgresRelayStore({ connectionString, schema })),
    );
    await Promise.all(stores.map((store) => store.close()));
  });

  it('refuses a database written by a newer server instead of changing it', async () => {
    const schema = newSchema();
    await sql(`CREATE SCHEMA "${schema}"`);
    await sql(`CREATE TABLE "${schema}".relay_schema (version INTEGER NOT NULL)`);
    await sql(`INSERT INTO "${schema}".relay_schema VALUES (99)`);
    await expect(openPostgresRelayStore({ connectionString, schema })).rejects.toThrow(
      /schema version 99, newer than this server/,
    );
    const tables = await sql(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = '${schema}'`,
    );
    expect(tables.rows).toEqual([{ n: 1 }]);
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(
      openPostgresRelayStore({ connectionString, schema: 'relay"; DROP TABLE x; --' }),
    ).rejects.toThrow(/letters, digits and underscores/);
  });

  it('keeps times past 2^31 and positions as numbers', async () => {
    const schema = newSchema();
    const store = await openPostgresRelayStore({ connectionString, schema });
    const startedAt = Date.UTC(2026, 0, 5, 8);
    await store.createCouple({
      id: 'c-0123456789abcdef',
      startedAt,
      first: { id: 'ana', timeZone: 'UTC' },
      codeHash: 'code',
      codeExpiresAt: startedAt + 86_400_000,
      tokenHash: 'token',
      now: startedAt,
    });
    const joined = await store.joinCouple({
      codeHash: 'code',
      second: { id: 'kai', timeZone: 'UTC' },
      tokenHash: 'token-kai',
      now: startedAt + 1,
    });
    expect(joined).toEqual({
      kind: 'joined',
      couple: {
        id: 'c-0123456789abcdef',
        startedAt,
        partners: [
          { id: 'ana', timeZone: 'UTC' },
          { id: 'kai', timeZone: 'UTC' },
        ],
      },
    });
    await store.close();
  });

  it('does not say the password when it cannot connect', async () => {
    const url = new URL('postgresql://attune:s3cret-pw@127.0.0.1:1/attune');
    const failure = await openPostgresRelayStore({ connectionString: url.href, schema: 'x' }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(`${failure?.message} ${failure?.stack}`).not.toContain('s3cret-pw');
  });
});
