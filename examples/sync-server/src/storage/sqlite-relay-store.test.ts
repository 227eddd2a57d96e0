import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoggedEvent, nineStepProgram } from '@attune/core';
import { simulateCouple } from '@attune/core/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteRelayStore } from './sqlite-relay-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-relay-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const { events } = simulateCouple({
  days: 14,
  seed: 3,
  behaviour: 'engaged',
  program: nineStepProgram,
});
const shared = events.filter((event) => event.visibility !== 'private') as LoggedEvent[];

async function withCouple(path: string) {
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
  return store;
}

describe('openSqliteRelayStore', () => {
  it('keeps nothing of a transaction that failed half-way', async () => {
    const store = await withCouple(join(dir, 'relay.sqlite'));
    await store.writeEvents('c-0123456789abcdef', (tx) => tx.insert(shared.slice(0, 2)));
    const failing = store.writeEvents('c-0123456789abcdef', async (tx) => {
      await tx.insert(shared.slice(2, 5));
      await tx.remove([shared[0]?.id as string]);
      throw new Error('the disk went away');
    });
    await expect(failing).rejects.toThrow('the disk went away');
    const held = await store.readEvents('c-0123456789abcdef', 0, 100);
    expect(held.map((stored) => stored.event)).toEqual(shared.slice(0, 2));
    await store.close();
  });

  it('finds everything again after reopening the file', async () => {
    const path = join(dir, 'nested', 'relay.sqlite');
    const store = await withCouple(path);
    await store.writeEvents('c-0123456789abcdef', (tx) => tx.insert(shared));
    await store.close();

    const again = openSqliteRelayStore({ path });
    expect(await again.findToken('token')).toEqual({
      couple: 'c-0123456789abcdef',
      partner: 'ana',
    });
    const held = await again.readEvents('c-0123456789abcdef', 0, shared.length + 1);
    expect(held.map((stored) => stored.event)).toEqual(shared);
    expect(held.map((stored) => stored.position)).toEqual(shared.map((_, i) => i + 1));
    await again.close();
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

  it('uses a pairing code once, even when two joins race', async () => {
    const store = await withCouple(join(dir, 'relay.sqlite'));
    const joinAs = (id: string) =>
      store.joinCouple({
        codeHash: 'code',
        second: { id, timeZone: 'UTC' },
        tokenHash: `token-${id}`,
        now: 1,
      });
    const outcomes = await Promise.all([joinAs('kai'), joinAs('sam')]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['joined', 'unknown-code']);
    await store.close();
  });
});
