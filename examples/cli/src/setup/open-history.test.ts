import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Couple } from '@attune/core';
import { createDeviceId } from '@attune/core/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory } from './open-history.js';

const couple: Couple = {
  id: 'couple-1',
  partners: [
    { id: 'Ana', timeZone: 'Europe/Berlin' },
    { id: 'Kai', timeZone: 'Europe/Berlin' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};
const now = () => Date.UTC(2026, 0, 6);

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-cli-history-'));
  file = join(dir, 'attune.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (extra: { readonly device?: string; readonly install?: string } = {}) =>
  openHistory({
    file,
    couple,
    device: extra.device ?? createDeviceId(),
    now,
    onProblem: () => undefined,
    ...(extra.install === undefined ? {} : { install: extra.install }),
  });

describe('openHistory', () => {
  it("records under the history's own device id, above its high-water mark, after every restart", async () => {
    const first = await open();
    expect(first.device).toMatch(/^d-[0-9a-f]{32}$/);
    const paused = first.engine.pause('Ana');
    first.engine.resume('Ana');
    await first.close();

    const second = await open();
    expect(second.device).toBe(first.device);
    // Even with its history emptied, the install never hands out an id it used.
    await second.store.replace([]);
    await second.close();
    const third = await open();
    expect(third.engine.pause('Kai').seq).toBe(paused.seq + 2);
    await third.close();
  });

  it('upgrades a history written before, keeping the device id of the setup file', async () => {
    const old = {
      id: 'd-3f9c2a7b1e4d8c05:1',
      partner: 'Ana',
      device: 'd-3f9c2a7b1e4d8c05',
      seq: 1,
      clock: { wall: now() - 60_000, counter: 0 },
      type: 'program-paused',
      data: {},
      visibility: 'shared',
    };
    const record = JSON.stringify({ v: 1, event: old });
    await writeFile(file, `${record}\n`);
    const highWater = { [old.device]: 1 };
    await writeFile(
      `${file}.index.json`,
      JSON.stringify({ format: 'attune-event-store', version: 1, couple: couple.id, highWater }),
    );
    const problems: string[] = [];
    const history = await openHistory({
      file,
      couple,
      device: old.device,
      now,
      onProblem: (message) => problems.push(message),
    });
    expect(problems).toEqual([expect.stringMatching(/storage format 1\)/)]);
    expect(history.device).toBe(old.device);
    expect(history.engine.resume('Ana').id).toBe(`${old.device}:2`);
    await history.close();
    expect((await readFile(file, 'utf8')).startsWith(`${record}\n`)).toBe(true);
  });

  it('moves a history file copied from another computer to a new device id', async () => {
    const first = await open({ install: 'computer-a' });
    first.engine.pause('Ana');
    await first.close();
    const copied = await open({ install: 'computer-b' });
    expect(copied.device).not.toBe(first.device);
    expect(copied.engine.resume('Ana').id).toBe(`${copied.device}:1`);
    await copied.close();
  });
});
