import type { Couple, Partner } from '@attune/core';
import pg from 'pg';
import { type RelayEvent, readableTypeOf } from '../events/relay-event.js';
import { migrate } from './postgres-schema.js';
import type {
  CancelOutcome,
  EventTransaction,
  JoinOutcome,
  PairingDevice,
  RelayStore,
  StoredCouple,
  StoredEvent,
  StoredSigningKey,
} from './relay-store.js';

/** Options of {@link openPostgresRelayStore}. */
export interface PostgresRelayStoreOptions {
  /** A `postgres://user:password@host:port/database` URL, such as `DATABASE_URL`. */
  readonly connectionString: string;
  /**
   * The schema that holds the relay's tables, created if missing. Without it, the tables go where
   * the connection's `search_path` puts them (`public` unless the database or user says otherwise).
   */
  readonly schema?: string;
  /** The most connections held at once (default 10). */
  readonly maxConnections?: number;
}

interface CoupleRow {
  id: string;
  started_at: string;
  first_partner: string;
  first_time_zone: string;
  second_partner: string | null;
  second_time_zone: string | null;
}

interface EventRow {
  position: string;
  body: string;
}

interface SigningKeyRow {
  device_id: string;
  partner: string;
  public_key: string;
  introduction: string | null;
}

// Introductions were checked with the couple's keyring before they were stored.
const toSigningKey = (row: SigningKeyRow): StoredSigningKey => ({
  partner: row.partner,
  device: row.device_id,
  publicKey: row.public_key,
  ...(row.introduction !== null && {
    introduction: JSON.parse(row.introduction) as Record<string, unknown>,
  }),
});

const SIGNING_KEY_COLUMNS = 'device_id, partner, public_key, introduction';

/**
 * node-postgres returns BIGINT as a string, since not every one fits in a JavaScript number. Every
 * value stored here came from a safe integer, so anything else means the table was changed by hand.
 */
function toNumber(value: string, column: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new Error(`The relay database holds ${column} ${value}, which is not a safe integer`);
  }
  return parsed;
}

const toCouple = (row: CoupleRow): StoredCouple => {
  const partners: Partner[] = [{ id: row.first_partner, timeZone: row.first_time_zone }];
  if (row.second_partner !== null && row.second_time_zone !== null) {
    partners.push({ id: row.second_partner, timeZone: row.second_time_zone });
  }
  return { id: row.id, startedAt: toNumber(row.started_at, 'started_at'), partners };
};

// Bodies were checked with checkEvent or checkEncryptedEvent before they were stored, and are kept
// as the JSON text that was written (not JSONB, which reorders keys), so the same bytes come back as
// from SQLite.
const toStored = (row: EventRow): StoredEvent => ({
  position: toNumber(row.position, 'position'),
  event: JSON.parse(row.body) as RelayEvent,
});

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Stores a partner's bearer token and, when they gave them, their public key and their device's
 * signing key, in a transaction.
 */
async function addPartner(
  client: pg.PoolClient,
  couple: string,
  partner: string,
  tokenHash: string,
  publicKey: string | undefined,
  device: PairingDevice | undefined,
  now: number,
): Promise<void> {
  await client.query(
    'INSERT INTO tokens (token_hash, couple_id, partner, created_at) VALUES ($1, $2, $3, $4)',
    [tokenHash, couple, partner, now],
  );
  if (publicKey !== undefined) {
    await client.query(
      'INSERT INTO public_keys (couple_id, partner, public_key) VALUES ($1, $2, $3)',
      [couple, partner, publicKey],
    );
  }
  if (device !== undefined) {
    await client.query(
      'INSERT INTO signing_keys (couple_id, device_id, partner, public_key) VALUES ($1, $2, $3, $4)',
      [couple, device.device, partner, device.signingKey],
    );
  }
}

/**
 * The connection URL with `search_path` set to the schema at connection start, so every
 * connection of the pool uses it from its first statement (a `SET` after connecting would race the
 * first query). Options already in the URL are kept.
 */
function withSearchPath(connectionString: string, schema: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    // Not the URL itself: it may hold a password.
    throw new Error('The PostgreSQL connection string should be a postgres:// URL to use a schema');
  }
  const options = url.searchParams.get('options');
  url.searchParams.set(
    'options',
    [options, `-c search_path=${schema}`].filter((part) => part).join(' '),
  );
  return url.toString();
}

/**
 * Opens a {@link RelayStore} on a PostgreSQL database through a node-postgres pool, creating or
 * updating its tables first.
 *
 * Unlike SQLite, calls run side by side on several connections, so the promises of `RelayStore`
 * come from PostgreSQL's locks: `writeEvents` locks the couple's row (`SELECT … FOR UPDATE`) until
 * it commits and takes positions from the counter in that row, so two uploads for one couple take
 * turns, even from two server processes, and positions commit in increasing order; two uploads
 * claiming one new device id take turns the same way.
 *
 * @throws when the database cannot be reached, or has a schema newer than this server knows; the
 * pool is ended then.
 */
export async function openPostgresRelayStore(
  options: PostgresRelayStoreOptions,
): Promise<RelayStore> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `The schema name "${schema}" should be letters, digits and underscores, starting with a letter or underscore`,
    );
  }
  const pool = new pg.Pool({
    connectionString:
      schema === undefined
        ? options.connectionString
        : withSearchPath(options.connectionString, schema),
    max: options.maxConnections ?? 10,
  });
  // An idle connection that breaks (the server restarted) is dropped by the pool, which opens a new
  // one for the next query; without a listener the error would end the process.
  pool.on('error', () => undefined);

  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  /** Runs `work` in one transaction on one connection, rolled back when it throws. */
  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is in an unknown state: the pool must not hand it out again.
        broken = rollbackError as Error;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  };

  const transactionFor = (
    client: pg.PoolClient,
    couple: string,
    lastPosition: number,
  ): EventTransaction & { finish(): void } => {
    let last = lastPosition;
    let finished = false;
    const query = async <R extends pg.QueryResultRow = EventRow>(
      text: string,
      values: unknown[],
    ) => {
      // A call kept past the end of `work` would run outside the transaction, on a connection
      // that may already serve someone else.
      if (finished) throw new Error('The upload transaction has ended');
      return client.query<R>(text, values);
    };
    return {
      async find(ids) {
        const { rows } = await query<EventRow & { event_id: string }>(
          'SELECT event_id, position, body FROM events WHERE couple_id = $1 AND event_id = ANY($2::text[])',
          [couple, ids],
        );
        return new Map(rows.map((row) => [row.event_id, toStored(row)]));
      },
      ofType: async (type) =>
        (
          await query(
            'SELECT position, body FROM events WHERE couple_id = $1 AND type = $2 ORDER BY position',
            [couple, type],
          )
        ).rows.map(toStored),
      ofPartner: async (partner) =>
        (
          await query(
            'SELECT position, body FROM events WHERE couple_id = $1 AND partner = $2 ORDER BY position',
            [couple, partner],
          )
        ).rows.map(toStored),
      async insert(events) {
        if (events.length === 0) return;
        const positions = events.map((_, i) => String(last + i + 1));
        await query(
          `INSERT INTO events (couple_id, position, event_id, partner, type, body)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])`,
          [
            couple,
            positions,
            events.map((event) => event.id),
            events.map((event) => event.partner),
            events.map(readableTypeOf),
            events.map((event) => JSON.stringify(event)),
          ],
        );
        last += events.length;
        await query('UPDATE couples SET last_position = $2 WHERE id = $1', [couple, String(last)]);
      },
      async remove(ids) {
        await query('DELETE FROM events WHERE couple_id = $1 AND event_id = ANY($2::text[])', [
          couple,
          ids,
        ]);
      },
      async claimDevices(devices, partner) {
        const unique = [...new Set(devices)];
        if (unique.length === 0) return new Map();
        // The couple's row is locked for the whole upload, so claims for one couple take turns; the
        // primary key would still keep a second binding out if they did not.
        await query(
          `INSERT INTO devices (couple_id, device_id, partner)
           SELECT $1, device, $3 FROM unnest($2::text[]) AS device
           ON CONFLICT DO NOTHING`,
          [couple, unique, partner],
        );
        const { rows } = await query<{ device_id: string; partner: string }>(
          'SELECT device_id, partner FROM devices WHERE couple_id = $1 AND device_id = ANY($2::text[])',
          [couple, unique],
        );
        return new Map(rows.map((row) => [row.device_id, row.partner]));
      },
      finish() {
        finished = true;
      },
    };
  };

  const running = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  /** Counts a call as running, so `close` can wait for it; refuses new calls once closing. */
  const track = <T>(work: () => Promise<T>): Promise<T> => {
    if (closing) return Promise.reject(new Error('The relay store is closed'));
    const run = work();
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    running.add(settled);
    void settled.then(() => running.delete(settled));
    return run;
  };

  return {
    createCouple: (couple) =>
      track(() =>
        inTransaction(async (client) => {
          await client.query(
            `INSERT INTO couples (id, started_at, first_partner, first_time_zone, code_hash, code_expires_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              couple.id,
              couple.startedAt,
              couple.first.id,
              couple.first.timeZone,
              couple.codeHash,
              couple.codeExpiresAt,
              couple.now,
            ],
          );
          await addPartner(
            client,
            couple.id,
            couple.first.id,
            couple.tokenHash,
            couple.publicKey,
            couple.device,
            couple.now,
          );
        }),
      ),
    joinCouple: (request) =>
      track(() =>
        inTransaction(async (client): Promise<JoinOutcome> => {
          // FOR UPDATE: a second join with the same code waits here, then finds the code used up.
          const { rows } = await client.query<CoupleRow>(
            `SELECT * FROM couples
             WHERE code_hash = $1 AND code_expires_at > $2 AND second_partner IS NULL
             FOR UPDATE`,
            [request.codeHash, request.now],
          );
          const row = rows[0];
          if (!row) return { kind: 'unknown-code' };
          if (row.first_partner === request.second.id) {
            return { kind: 'partner-taken', partner: request.second.id };
          }
          const device = request.device;
          if (device) {
            const taken = await client.query(
              'SELECT 1 FROM signing_keys WHERE couple_id = $1 AND device_id = $2',
              [row.id, device.device],
            );
            if (taken.rows.length > 0) return { kind: 'device-taken', device: device.device };
          }
          const joined = await client.query<CoupleRow>(
            `UPDATE couples SET second_partner = $2, second_time_zone = $3,
               code_hash = NULL, code_expires_at = NULL
             WHERE id = $1 AND second_partner IS NULL
             RETURNING *`,
            [row.id, request.second.id, request.second.timeZone],
          );
          const couple = joined.rows[0];
          if (!couple) return { kind: 'unknown-code' };
          await addPartner(
            client,
            row.id,
            request.second.id,
            request.tokenHash,
            request.publicKey,
            device,
            request.now,
          );
          return { kind: 'joined', couple: toCouple(couple) as Couple };
        }),
      ),
    renewCode: (couple, codeHash, expiresAt) =>
      track(async () => {
        const result = await pool.query(
          `UPDATE couples SET code_hash = $2, code_expires_at = $3
           WHERE id = $1 AND second_partner IS NULL`,
          [couple, codeHash, expiresAt],
        );
        return result.rowCount === 1;
      }),
    cancelCouple: (couple) =>
      track(() =>
        inTransaction(async (client): Promise<CancelOutcome> => {
          // FOR UPDATE: a join running at the same moment either finishes first, and the couple is
          // found paired here, or waits here, then finds no couple for its code.
          const { rows } = await client.query<{ second_partner: string | null }>(
            'SELECT second_partner FROM couples WHERE id = $1 FOR UPDATE',
            [couple],
          );
          const row = rows[0];
          if (!row) return { kind: 'unknown-couple' };
          if (row.second_partner !== null) return { kind: 'paired' };
          // No events to remove: uploads need both partners, so a waiting couple has none, nor
          // devices; removing them keeps the couple's row free of references all the same.
          await client.query('DELETE FROM devices WHERE couple_id = $1', [couple]);
          await client.query('DELETE FROM signing_keys WHERE couple_id = $1', [couple]);
          await client.query('DELETE FROM public_keys WHERE couple_id = $1', [couple]);
          await client.query('DELETE FROM tokens WHERE couple_id = $1', [couple]);
          await client.query('DELETE FROM couples WHERE id = $1', [couple]);
          return { kind: 'cancelled' };
        }),
      ),
    findToken: (tokenHash) =>
      track(async () => {
        const { rows } = await pool.query<{ couple_id: string; partner: string }>(
          'SELECT couple_id, partner FROM tokens WHERE token_hash = $1',
          [tokenHash],
        );
        const row = rows[0];
        return row && { couple: row.couple_id, partner: row.partner };
      }),
    getCouple: (id) =>
      track(async () => {
        const { rows } = await pool.query<CoupleRow>('SELECT * FROM couples WHERE id = $1', [id]);
        const row = rows[0];
        return row && toCouple(row);
      }),
    getPublicKeys: (couple) =>
      track(async () => {
        const { rows } = await pool.query<{ partner: string; public_key: string }>(
          'SELECT partner, public_key FROM public_keys WHERE couple_id = $1 ORDER BY partner',
          [couple],
        );
        return Object.fromEntries(rows.map((row) => [row.partner, row.public_key]));
      }),
    getSigningKeys: (couple) =>
      track(async () => {
        const { rows } = await pool.query<SigningKeyRow>(
          `SELECT ${SIGNING_KEY_COLUMNS} FROM signing_keys WHERE couple_id = $1 ORDER BY device_id`,
          [couple],
        );
        return rows.map(toSigningKey);
      }),
    addSigningKey: (couple, key) =>
      track(async () => {
        // The primary key keeps one row per device of a couple, whoever else inserts at once.
        const inserted = await pool.query(
          `INSERT INTO signing_keys (couple_id, device_id, partner, public_key, introduction)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [
            couple,
            key.device,
            key.partner,
            key.publicKey,
            key.introduction === undefined ? null : JSON.stringify(key.introduction),
          ],
        );
        const { rows } = await pool.query<SigningKeyRow>(
          `SELECT ${SIGNING_KEY_COLUMNS} FROM signing_keys WHERE couple_id = $1 AND device_id = $2`,
          [couple, key.device],
        );
        return { added: inserted.rowCount === 1, stored: toSigningKey(rows[0] as SigningKeyRow) };
      }),
    writeEvents: (couple, work) =>
      track(() =>
        inTransaction(async (client) => {
          // The lock is held until COMMIT or ROLLBACK: a second upload for this couple waits here,
          // then reads the counter the first one left, so its positions come after and commit after.
          const { rows } = await client.query<{ last_position: string }>(
            'SELECT last_position FROM couples WHERE id = $1 FOR UPDATE',
            [couple],
          );
          const row = rows[0];
          if (!row) throw new Error(`No couple ${couple} is stored`);
          const transaction = transactionFor(
            client,
            couple,
            toNumber(row.last_position, 'last_position'),
          );
          try {
            return await work(transaction);
          } finally {
            transaction.finish();
          }
        }),
      ),
    readEvents: (couple, after, limit) =>
      track(async () => {
        const { rows } = await pool.query<EventRow>(
          'SELECT position, body FROM events WHERE couple_id = $1 AND position > $2 ORDER BY position LIMIT $3',
          [couple, after, limit],
        );
        return rows.map(toStored);
      }),
    readEventsOfType: (couple, type) =>
      track(async () => {
        const { rows } = await pool.query<EventRow>(
          'SELECT position, body FROM events WHERE couple_id = $1 AND type = $2 ORDER BY position',
          [couple, type],
        );
        return rows.map(toStored);
      }),
    close: () => {
      closing ??= (async () => {
        while (running.size > 0) await Promise.all(running);
        await pool.end();
      })();
      return closing;
    },
  };
}
