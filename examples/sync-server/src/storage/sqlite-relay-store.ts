import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Couple, Partner } from '@attune/core';
import Database from 'better-sqlite3';
import { type RelayEvent, readableTypeOf } from '../events/relay-event.js';
import type {
  CancelOutcome,
  EventTransaction,
  JoinOutcome,
  RelayStore,
  StoredCouple,
  StoredEvent,
  StoredSigningKey,
} from './relay-store.js';
import { migrate } from './sqlite-schema.js';

/** Options of {@link openSqliteRelayStore}. */
export interface SqliteRelayStoreOptions {
  /** The database file, such as `data/attune-relay.sqlite`; its folder is created if missing. */
  readonly path: string;
}

interface CoupleRow {
  id: string;
  started_at: number;
  first_partner: string;
  first_time_zone: string;
  second_partner: string | null;
  second_time_zone: string | null;
}

interface EventRow {
  position: number;
  body: string;
}

interface SigningKeyRow {
  device_id: string;
  partner: string;
  public_key: string;
  introduction: string | null;
}

const toCouple = (row: CoupleRow): StoredCouple => {
  const partners: Partner[] = [{ id: row.first_partner, timeZone: row.first_time_zone }];
  if (row.second_partner !== null && row.second_time_zone !== null) {
    partners.push({ id: row.second_partner, timeZone: row.second_time_zone });
  }
  return { id: row.id, startedAt: row.started_at, partners };
};

// Introductions were checked with the couple's keyring before they were stored.
const toSigningKey = (row: SigningKeyRow): StoredSigningKey => ({
  partner: row.partner,
  device: row.device_id,
  publicKey: row.public_key,
  ...(row.introduction !== null && {
    introduction: JSON.parse(row.introduction) as Record<string, unknown>,
  }),
});

// Bodies were checked with checkEvent or checkEncryptedEvent before they were stored.
const toStored = (row: EventRow): StoredEvent => ({
  position: row.position,
  event: JSON.parse(row.body) as RelayEvent,
});

/**
 * A {@link RelayStore} on one SQLite file, through better-sqlite3. Every call runs in turn: the
 * driver is synchronous, but `writeEvents` hands its transaction to async code, and nothing else
 * may run on the connection while that transaction is open. `BEGIN IMMEDIATE` holds the file's one
 * write lock for the whole upload, so two uploads claiming one device id, even from two processes,
 * take turns.
 */
export function openSqliteRelayStore(options: SqliteRelayStoreOptions): RelayStore {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  // WAL lets a backup or an inspecting `sqlite3` read while the server writes; FULL makes every
  // committed upload survive a power cut, which an upload's "ok" promises.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const statements = {
    insertCouple: db.prepare(
      `INSERT INTO couples (id, started_at, first_partner, first_time_zone, code_hash, code_expires_at, created_at)
       VALUES (@id, @startedAt, @partner, @timeZone, @codeHash, @codeExpiresAt, @now)`,
    ),
    insertToken: db.prepare(
      `INSERT INTO tokens (token_hash, couple_id, partner, created_at)
       VALUES (@tokenHash, @couple, @partner, @now)`,
    ),
    coupleByCode: db.prepare<[string, number], CoupleRow>(
      `SELECT * FROM couples WHERE code_hash = ? AND code_expires_at > ? AND second_partner IS NULL`,
    ),
    join: db.prepare(
      `UPDATE couples SET second_partner = @partner, second_time_zone = @timeZone,
         code_hash = NULL, code_expires_at = NULL
       WHERE id = @id AND second_partner IS NULL`,
    ),
    renewCode: db.prepare(
      `UPDATE couples SET code_hash = @codeHash, code_expires_at = @expiresAt
       WHERE id = @id AND second_partner IS NULL`,
    ),
    insertPublicKey: db.prepare(
      `INSERT INTO public_keys (couple_id, partner, public_key) VALUES (@couple, @partner, @key)`,
    ),
    publicKeys: db.prepare<[string], { partner: string; public_key: string }>(
      'SELECT partner, public_key FROM public_keys WHERE couple_id = ? ORDER BY partner',
    ),
    removePublicKeys: db.prepare('DELETE FROM public_keys WHERE couple_id = ?'),
    // OR IGNORE: first come, first bound; a device id keeps its key.
    insertSigningKey: db.prepare(
      `INSERT OR IGNORE INTO signing_keys (couple_id, device_id, partner, public_key, introduction)
       VALUES (@couple, @device, @partner, @key, @introduction)`,
    ),
    signingKeys: db.prepare<[string], SigningKeyRow>(
      'SELECT device_id, partner, public_key, introduction FROM signing_keys WHERE couple_id = ? ORDER BY device_id',
    ),
    signingKey: db.prepare<[string, string], SigningKeyRow>(
      'SELECT device_id, partner, public_key, introduction FROM signing_keys WHERE couple_id = ? AND device_id = ?',
    ),
    removeSigningKeys: db.prepare('DELETE FROM signing_keys WHERE couple_id = ?'),
    removeTokens: db.prepare('DELETE FROM tokens WHERE couple_id = ?'),
    removeCouple: db.prepare('DELETE FROM couples WHERE id = ?'),
    token: db.prepare<[string], { couple_id: string; partner: string }>(
      'SELECT couple_id, partner FROM tokens WHERE token_hash = ?',
    ),
    couple: db.prepare<[string], CoupleRow>('SELECT * FROM couples WHERE id = ?'),
    eventById: db.prepare<[string, string], EventRow>(
      'SELECT position, body FROM events WHERE couple_id = ? AND event_id = ?',
    ),
    eventsOfType: db.prepare<[string, string], EventRow>(
      'SELECT position, body FROM events WHERE couple_id = ? AND type = ? ORDER BY position',
    ),
    eventsOfPartner: db.prepare<[string, string], EventRow>(
      'SELECT position, body FROM events WHERE couple_id = ? AND partner = ? ORDER BY position',
    ),
    eventsAfter: db.prepare<[string, number, number], EventRow>(
      'SELECT position, body FROM events WHERE couple_id = ? AND position > ? ORDER BY position LIMIT ?',
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (couple_id, event_id, partner, type, body)
       VALUES (@couple, @id, @partner, @type, @body)`,
    ),
    removeEvent: db.prepare('DELETE FROM events WHERE couple_id = ? AND event_id = ?'),
    // OR IGNORE: a device bound already keeps its partner.
    claimDevice: db.prepare(
      'INSERT OR IGNORE INTO devices (couple_id, device_id, partner) VALUES (?, ?, ?)',
    ),
    deviceOwner: db.prepare<[string, string], { partner: string }>(
      'SELECT partner FROM devices WHERE couple_id = ? AND device_id = ?',
    ),
    removeDevices: db.prepare('DELETE FROM devices WHERE couple_id = ?'),
  };

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  let closing: Promise<void> | undefined;
  /** Runs calls one after another, so an open transaction never sees another call's statements. */
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      if (closed) throw new Error('The relay store is closed');
      return work();
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const transactionFor = (couple: string): EventTransaction => ({
    async find(ids) {
      const found = new Map<string, StoredEvent>();
      for (const id of ids) {
        const row = statements.eventById.get(couple, id);
        if (row) found.set(id, toStored(row));
      }
      return found;
    },
    ofType: async (type) => statements.eventsOfType.all(couple, type).map(toStored),
    ofPartner: async (partner) => statements.eventsOfPartner.all(couple, partner).map(toStored),
    async insert(events) {
      for (const event of events) {
        statements.insertEvent.run({
          couple,
          id: event.id,
          partner: event.partner,
          type: readableTypeOf(event),
          body: JSON.stringify(event),
        });
      }
    },
    async remove(ids) {
      for (const id of ids) statements.removeEvent.run(couple, id);
    },
    async claimDevices(devices, partner) {
      const owners = new Map<string, string>();
      for (const device of new Set(devices)) {
        statements.claimDevice.run(couple, device, partner);
        owners.set(
          device,
          (statements.deviceOwner.get(couple, device) as { partner: string }).partner,
        );
      }
      return owners;
    },
  });

  return {
    createCouple: (couple) =>
      inTurn(() => {
        db.transaction(() => {
          statements.insertCouple.run({
            id: couple.id,
            startedAt: couple.startedAt,
            partner: couple.first.id,
            timeZone: couple.first.timeZone,
            codeHash: couple.codeHash,
            codeExpiresAt: couple.codeExpiresAt,
            now: couple.now,
          });
          statements.insertToken.run({
            tokenHash: couple.tokenHash,
            couple: couple.id,
            partner: couple.first.id,
            now: couple.now,
          });
          if (couple.publicKey !== undefined) {
            statements.insertPublicKey.run({
              couple: couple.id,
              partner: couple.first.id,
              key: couple.publicKey,
            });
          }
          if (couple.device !== undefined) {
            statements.insertSigningKey.run({
              couple: couple.id,
              device: couple.device.device,
              partner: couple.first.id,
              key: couple.device.signingKey,
              introduction: null,
            });
          }
        })();
      }),
    joinCouple: (request) =>
      inTurn(() =>
        db.transaction((): JoinOutcome => {
          const row = statements.coupleByCode.get(request.codeHash, request.now);
          if (!row) return { kind: 'unknown-code' };
          if (row.first_partner === request.second.id) {
            return { kind: 'partner-taken', partner: request.second.id };
          }
          const device = request.device;
          if (device && statements.signingKey.get(row.id, device.device)) {
            return { kind: 'device-taken', device: device.device };
          }
          statements.join.run({
            id: row.id,
            partner: request.second.id,
            timeZone: request.second.timeZone,
          });
          statements.insertToken.run({
            tokenHash: request.tokenHash,
            couple: row.id,
            partner: request.second.id,
            now: request.now,
          });
          if (request.publicKey !== undefined) {
            statements.insertPublicKey.run({
              couple: row.id,
              partner: request.second.id,
              key: request.publicKey,
            });
          }
          if (device !== undefined) {
            statements.insertSigningKey.run({
              couple: row.id,
              device: device.device,
              partner: request.second.id,
              key: device.signingKey,
              introduction: null,
            });
          }
          const joined = toCouple(statements.couple.get(row.id) as CoupleRow);
          return { kind: 'joined', couple: joined as Couple };
        })(),
      ),
    renewCode: (couple, codeHash, expiresAt) =>
      inTurn(() => statements.renewCode.run({ id: couple, codeHash, expiresAt }).changes === 1),
    cancelCouple: (couple) =>
      inTurn(() =>
        db.transaction((): CancelOutcome => {
          const row = statements.couple.get(couple);
          if (!row) return { kind: 'unknown-couple' };
          if (row.second_partner !== null) return { kind: 'paired' };
          // No events to remove: uploads need both partners, so a waiting couple has none, nor
          // devices; removing them keeps the couple's row free of references all the same.
          statements.removeDevices.run(couple);
          statements.removeSigningKeys.run(couple);
          statements.removePublicKeys.run(couple);
          statements.removeTokens.run(couple);
          statements.removeCouple.run(couple);
          return { kind: 'cancelled' };
        })(),
      ),
    findToken: (tokenHash) =>
      inTurn(() => {
        const row = statements.token.get(tokenHash);
        return row && { couple: row.couple_id, partner: row.partner };
      }),
    getCouple: (id) =>
      inTurn(() => {
        const row = statements.couple.get(id);
        return row && toCouple(row);
      }),
    getPublicKeys: (couple) =>
      inTurn(() =>
        Object.fromEntries(
          statements.publicKeys.all(couple).map((row) => [row.partner, row.public_key]),
        ),
      ),
    getSigningKeys: (couple) => inTurn(() => statements.signingKeys.all(couple).map(toSigningKey)),
    addSigningKey: (couple, key) =>
      inTurn(() => {
        const added =
          statements.insertSigningKey.run({
            couple,
            device: key.device,
            partner: key.partner,
            key: key.publicKey,
            introduction: key.introduction === undefined ? null : JSON.stringify(key.introduction),
          }).changes === 1;
        const stored = toSigningKey(statements.signingKey.get(couple, key.device) as SigningKeyRow);
        return { added, stored };
      }),
    writeEvents: (couple, work) =>
      inTurn(async () => {
        // IMMEDIATE takes the write lock at once, so another process on the same file waits
        // instead of failing half-way through the upload.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(transactionFor(couple));
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    readEvents: (couple, after, limit) =>
      inTurn(() => statements.eventsAfter.all(couple, after, limit).map(toStored)),
    readEventsOfType: (couple, type) =>
      inTurn(() => statements.eventsOfType.all(couple, type).map(toStored)),
    close: () => {
      closing ??= inTurn(() => {
        closed = true;
        db.close();
      });
      return closing;
    },
  };
}
