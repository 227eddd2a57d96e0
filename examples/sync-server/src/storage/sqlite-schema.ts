import type { Database } from 'better-sqlite3';

/**
 * The schema, one migration per version; `PRAGMA user_version` records how many ran. Add a new entry
 * for every change, never edit one that shipped: databases in use already ran it. Exported for the
 * tests, which build a database as an older server left it.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE couples (
    id TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL,
    first_partner TEXT NOT NULL,
    first_time_zone TEXT NOT NULL,
    second_partner TEXT,
    second_time_zone TEXT,
    code_hash TEXT UNIQUE,
    code_expires_at INTEGER,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    couple_id TEXT NOT NULL REFERENCES couples (id),
    partner TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    couple_id TEXT NOT NULL REFERENCES couples (id),
    event_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (couple_id, event_id)
  ) STRICT;

  CREATE INDEX events_by_type ON events (couple_id, type);
  CREATE INDEX events_by_partner ON events (couple_id, partner);
  `,
  // The partners' public keys, passed on as given for the phones' key agreement.
  `
  CREATE TABLE IF NOT EXISTS public_keys (
    couple_id TEXT NOT NULL REFERENCES couples (id),
    partner TEXT NOT NULL,
    public_key TEXT NOT NULL,
    PRIMARY KEY (couple_id, partner)
  ) STRICT;
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
  ) STRICT;

  INSERT OR IGNORE INTO devices (couple_id, device_id, partner)
  SELECT couple_id, device, partner FROM (
    SELECT couple_id, partner,
      substr(rtrim(event_id, '0123456789'), 1, length(rtrim(event_id, '0123456789')) - 1) AS device,
      row_number() OVER (
        PARTITION BY couple_id, rtrim(event_id, '0123456789') ORDER BY position
      ) AS nth
    FROM events
  )
  WHERE nth = 1 AND device <> '';
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
  ) STRICT;

  CREATE UNIQUE INDEX IF NOT EXISTS signing_keys_paired
    ON signing_keys (couple_id, partner) WHERE introduction IS NULL;
  `,
  // An encrypted event hides its type inside its ciphertext, so its row has none (NULL); rows stored
  // before keep theirs, and their positions. SQLite cannot drop a NOT NULL constraint, so the rows
  // move to a table without it, which takes over the position counter where it stood, past events
  // since erased: a reader that saw one of those positions would otherwise skip the next event to
  // take it. Renaming a table renames its counter with it.
  `
  CREATE TABLE events_without_type (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    couple_id TEXT NOT NULL REFERENCES couples (id),
    event_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    type TEXT,
    body TEXT NOT NULL,
    UNIQUE (couple_id, event_id)
  ) STRICT;

  INSERT INTO events_without_type (position, couple_id, event_id, partner, type, body)
  SELECT position, couple_id, event_id, partner, type, body FROM events;

  DELETE FROM sqlite_sequence WHERE name = 'events_without_type';
  UPDATE sqlite_sequence SET name = 'events_without_type' WHERE name = 'events';

  DROP TABLE events;
  ALTER TABLE events_without_type RENAME TO events;

  CREATE INDEX events_by_type ON events (couple_id, type);
  CREATE INDEX events_by_partner ON events (couple_id, partner);
  `,
];

/** Brings a database up to the current schema, in one transaction. */
export function migrate(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(
      `The relay database has schema version ${version}, newer than this server knows (${migrations.length}); update the server, or point it at another data folder`,
    );
  }
  db.transaction(() => {
    for (const sql of migrations.slice(version)) db.exec(sql);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
