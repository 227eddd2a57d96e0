import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindingsBeforeBindings, storeBeforeBindings } from '../testing/legacy-events.js';
import { openSqliteRelayStore } from './sqlite-relay-store.js';
import { migrations } from './sqlite-schema.js';

// What every store must do is in relay-store.test.ts, run against each backend; here is what only
// the SQLite file adds.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-relay-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openSqliteRelayStore', () => {
  it('creates the folder of the file', async () => {
    const store = openSqliteRelayStore({ path: join(dir, 'nested', 'deeper', 'relay.sqlite') });
    expect(await store.getCouple('c-0123456789abcdef')).toBeUndefined();
    await store.close();
  });

  it('refuses a database written by a newer server instead of changing it', async () => {
    const path = join(dir, 'relay.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteRelayStore({ path })).toThrow(
      /schema version 99, newer than this server/,
    );
  });

  it('adds the public key table to a database from before it, keeping what it held', async () => {
    const path = join(dir, 'relay.sqlite');
    const store = openSqliteRelayStore({ path });
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
    const db = new Database(path);
    db.exec('DROP TABLE public_keys');
    db.pragma('user_version = 1');
    db.close();

    const again = openSqliteRelayStore({ path });
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
    const reopened = new Database(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(5);
    reopened.close();
  });

  it('adds the signing key table to a database from before it: couples paired then have no keys', async () => {
    const path = join(dir, 'relay.sqlite');
    const store = openSqliteRelayStore({ path });
    await storeBeforeBindings(store);
    await store.close();
    // As the third schema left it.
    const db = new Database(path);
    db.exec('DROP TABLE signing_keys');
    db.pragma('user_version = 3');
    db.close();

    const again = openSqliteRelayStore({ path });
    expect(await again.getSigningKeys('c-0123456789abcdef')).toEqual([]);
    expect(await again.readEvents('c-0123456789abcdef', 0, 10)).toHaveLength(5);
    await again.close();
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(5);
    reopened.close();
  });

  it('lets a database from before encrypted types store events without one, keeping its rows and positions', async () => {
    const path = join(dir, 'relay.sqlite');
    // As the fourth schema left it: every row has a type, and position 3 went with an erasure.
    const db = new Database(path);
    db.exec(migrations.slice(0, 4).join(''));
    db.pragma('user_version = 4');
    db.exec(`
      INSERT INTO couples (id, started_at, first_partner, first_time_zone, created_at)
        VALUES ('c-0123456789abcdef', 0, 'ana', 'UTC', 0);
      INSERT INTO events (couple_id, event_id, partner, type, body) VALUES
        ('c-0123456789abcdef', 'ana-phone:1', 'ana', 'exercise-completed', '{"id":"ana-phone:1"}'),
        ('c-0123456789abcdef', 'ana-phone:2', 'ana', 'exercise-completed', '{"id":"ana-phone:2"}'),
        ('c-0123456789abcdef', 'ana-phone:3', 'ana', 'exercise-completed', '{"id":"ana-phone:3"}');
      DELETE FROM events WHERE event_id = 'ana-phone:3';
    `);
    db.close();

    const store = openSqliteRelayStore({ path });
    const sealed = {
      id: 'ana-phone:4',
      partner: 'ana',
      device: 'ana-phone',
      seq: 4,
      clock: { wall: 1, counter: 0 },
      encrypted: { cipher: 'AES-GCM', key: 'k1', iv: 'iv', ciphertext: 'ciphertext' },
    };
    await store.writeEvents('c-0123456789abcdef', (tx) => tx.insert([sealed]));
    const held = await store.readEvents('c-0123456789abcdef', 0, 10);
    expect(held.map(({ position, event }) => [position, event.id])).toEqual([
      [1, 'ana-phone:1'],
      [2, 'ana-phone:2'],
      [4, 'ana-phone:4'],
    ]);
    expect(await store.readEventsOfType('c-0123456789abcdef', 'exercise-completed')).toHaveLength(
      2,
    );
    await store.close();
    const reopened = new Database(path, { readonly: true });
    expect(
      reopened.prepare("SELECT type FROM events WHERE event_id = 'ana-phone:4'").get(),
    ).toEqual({ type: null });
    expect(
      reopened
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND name LIKE 'events_by_%' ORDER BY name",
        )
        .all(),
    ).toEqual([{ name: 'events_by_partner' }, { name: 'events_by_type' }]);
    expect(reopened.pragma('user_version', { simple: true })).toBe(5);
    reopened.close();
  });

  it('binds the devices of a database from before bindings to the author of their first event', async () => {
    const path = join(dir, 'relay.sqlite');
    const store = openSqliteRelayStore({ path });
    await storeBeforeBindings(store);
    await store.close();
    // As the second schema left it.
    const db = new Database(path);
    db.exec('DROP TABLE devices');
    db.pragma('user_version = 2');
    db.close();

    await openSqliteRelayStore({ path }).close();
    const reopened = new Database(path, { readonly: true });
    expect(
      reopened
        .prepare('SELECT couple_id, device_id, partner FROM devices ORDER BY couple_id, device_id')
        .all(),
    ).toEqual(bindingsBeforeBindings);
    expect(reopened.pragma('user_version', { simple: true })).toBe(5);
    reopened.close();
  });
});
