import type { PoolClient } from 'pg';

/**
 * The schema, one migration per version; the one row of `relay_schema` records how many ran. Add a
 * new entry for every change, never edit one that shipped: databases in use already ran it.
 *
 * Tables mirror the SQLite schema, with two differences. Times and positions are BIGINT, since
 * milliseconds since 1970 outgrow INTEGER. And each couple's row keeps `last_position`, the counter
 * its events take positions from: an upload locks that row, so positions commit in the order they
 * are given (a sequence would hand them out in order but let them commit out of order).
 * `IF NOT EXISTS` lets a half-made schema from an interrupted first start be completed.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS couples (
    id TEXT PRIMARY KEY,
    started_at BIGINT NOT NULL,
    first_partner TEXT NOT NULL,
    first_time_zone TEXT NOT NULL,
    second_partner TEXT,
    second_time_zone TEXT,
    code_hash TEXT UNIQUE,
    code_expires_at BIGINT,
    created_at BIGINT NOT NULL,
    last_position BIGINT NOT NULL DEFAULT 0
  );

  CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    couple_id TEXT NOT NULL REFERENCES couples (id),
    partner TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );

  CREATE TABLE IF NOT EXISTS events (
    couple_id TEXT NOT NULL REFERENCES couples (id),
    position BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (couple_id, position),
    UNIQUE (couple_id, event_id)
  );

  CREATE INDEX IF NOT EXISTS events_by_type ON events (couple_id, type);
  CREATE INDEX IF NOT EXISTS events_by_partner ON events (couple_id, partner);
  `,
  // The partners' public keys, passed on as given for the phones' key agreement.
  `
  CREATE TABLE IF NOT EXISTS public_keys (
    couple_id TEXT NOT NULL REFERENCES couples (id),
    partner TEXT NOT NULL,
    public_key TEXT NOT NULL,
    PRIMARY KEY (couple_id, partner)
  );
  `,
  // Which partner each device id of a couple belongs to: the one whose token first uploaded an event
  // of it. Devices already in use are bound to the author of their first stored event; the device is
  // what precedes the last colon of an event id (`device:seq`, the sequence being digits).
  `
  CREATE TABLE IF NOT EXISTS devices (
    couple_id TEXT NOT NULL REFERENCES couples (id),
    device_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    PRIMARY KEY (couple_id, device_id)
  );

  INSERT INTO devices (couple_id, device_id, partner)
  SELECT DISTINCT ON (couple_id, device) couple_id, device, partner FROM (
    SELECT couple_id, partner, position, substring(event_id FROM '^(.+):[0-9]+$') AS device
    FROM events
  ) AS stored
  WHERE device IS NOT NULL
  ORDER BY couple_id, device, position
  ON CONFLICT DO NOTHING;
  `,
  // The key each device signs its events with: one row per partner for the device they paired with
  // (no introduction), and one per device introduced since, with the introduction as it came. A
  // device id has one key for good. Couples paired before get no rows: they pair again.
  `
  CREATE TABLE IF NOT EXISTS signing_keys (
    couple_id TEXT NOT NULL REFERENCES couples (id),
    device_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    public_key TEXT NOT NULL,
    introduction TEXT,
    PRIMARY KEY (couple_id, device_id)
  );

  CREATE UNIQUE INDEX IF NOT EXISTS signing_keys_paired
    ON signing_keys (couple_id, partner) WHERE introduction IS NULL;
  `,
  // An encrypted event hides its type inside its ciphertext, so its row has none (NULL); rows stored
  // before keep theirs.
  `
  ALTER TABLE events ALTER COLUMN type DROP NOT NULL;
  `,
];

/**
 * Brings the database (the schema first on the connection's `search_path`) up to the current
 * schema, in one transaction, creating the named schema first if one is given (a name already
 * checked to need no quoting). An advisory lock makes two servers starting at once take turns:
 * neither `CREATE SCHEMA IF NOT EXISTS` nor `CREATE TABLE IF NOT EXISTS` is safe against another
 * transaction creating the same thing at the same moment.
 */
export async function migrate(client: PoolClient, schema?: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('attune-relay-schema'))`);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM relay_schema');
    const version = rows[0]?.version ?? 0;
    if (version > migrations.length) {
      throw new Error(
        `The relay database has schema version ${version}, newer than this server knows (${migrations.length}); update the server, or point it at another database`,
      );
    }
    for (const sql of migrations.slice(version)) await client.query(sql);
    if (rows.length === 0) {
      await client.query('INSERT INTO relay_schema (version) VALUES ($1)', [migrations.length]);
    } else {
      await client.query('UPDATE relay_schema SET version = $1', [migrations.length]);
    }
    await client.query('COMMIT');
  } catch (error) {
    // The first error says what went wrong; a failed ROLLBACK would only hide it.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
