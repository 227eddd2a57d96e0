import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteAdapter, type SqliteDatabaseLike } from '@attune/core/storage';
import Database from 'better-sqlite3';
import { bootAttune } from './boot';
import { demoCouple } from './couple';

/** better-sqlite3 behind the async calls expo-sqlite's database makes, as on the phone. */
function betterSqlite(file: string): SqliteDatabaseLike {
  const db = new Database(file);
  return {
    execAsync: async (source) => {
      db.exec(source);
    },
    runAsync: async (source, params) => db.prepare(source).run(...params),
    getAllAsync: async <Row>(source: string, params: (string | number | null)[]) =>
      db.prepare(source).all(...params) as Row[],
    closeAsync: async () => {
      db.close();
    },
  };
}

const now = () => Date.parse('2026-01-13T18:00:00Z');

describe('bootAttune', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'attune-mobile-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the couple’s history in SQLite across restarts of the app', async () => {
    const open = () =>
      bootAttune({
        couple: demoCouple,
        adapter: createSqliteAdapter({ open: async () => betterSqlite(join(dir, 'attune.db')) }),
        now,
      });
    const first = await open();
    first.engine.recordCheckIn('ana', 'weekly-check-in', { closeness: 5 });
    first.engine.answer('kai', 'what-feels-safe', 'safe', 'Mornings.');
    await first.close();

    const again = await open();
    expect(again.store.problems).toEqual([]);
    expect(again.engine.getEvents().map((event) => [event.type, event.partner])).toEqual([
      ['check-in-recorded', 'ana'],
      ['answer-recorded', 'kai'],
    ]);
    // New events continue the device's sequence rather than reuse it.
    const next = again.engine.recordCheckIn('kai', 'weekly-check-in', { closeness: 3 });
    expect(next.seq).toBeGreaterThan(Math.max(...first.engine.getEvents().map((e) => e.seq)));
    await again.close();
  });

  it('loads the English words', async () => {
    const attune = await bootAttune({
      couple: demoCouple,
      adapter: (await import('@attune/core/storage')).createMemoryAdapter(),
      now,
    });
    expect(attune.i18n.language).toBe('en');
    expect(attune.i18n.t('program.title')).toBe('Nine steps closer');
    await attune.close();
  });
});
