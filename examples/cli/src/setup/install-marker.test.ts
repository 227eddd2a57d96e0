import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScripted } from '../testing/run-scripted.js';
import { installMarkerPathOf, loadInstallMarker } from './install-marker.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-cli-install-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadInstallMarker', () => {
  it('makes a random marker once, in ~/.config/attune, and hands out the same one after', async () => {
    const homeDir = join(dir, 'home');
    const marker = await loadInstallMarker({ homeDir });
    expect(marker).toMatch(/^d-[0-9a-f]{32}$/);
    expect(installMarkerPathOf({ homeDir })).toBe(join(homeDir, '.config', 'attune', 'install-id'));
    expect((await readFile(installMarkerPathOf({ homeDir }), 'utf8')).trim()).toBe(marker);
    expect(await loadInstallMarker({ homeDir })).toBe(marker);
  });

  it('lets runs that start at once agree on one marker', async () => {
    const homeDir = join(dir, 'home');
    const markers = await Promise.all(
      Array.from({ length: 8 }, () => loadInstallMarker({ homeDir })),
    );
    expect(new Set(markers).size).toBe(1);
    expect(markers[0]).toMatch(/^d-[0-9a-f]{32}$/);
  });

  it('follows an absolute XDG_CONFIG_HOME, and ignores a relative one', async () => {
    const homeDir = join(dir, 'home');
    const configHome = join(dir, 'config');
    expect(installMarkerPathOf({ homeDir, configHome })).toBe(
      join(configHome, 'attune', 'install-id'),
    );
    expect(installMarkerPathOf({ homeDir, configHome: 'config' })).toBe(
      join(homeDir, '.config', 'attune', 'install-id'),
    );
  });

  it('gives none, and changes nothing, when the file there is not a marker or cannot be made', async () => {
    const homeDir = join(dir, 'home');
    const path = installMarkerPathOf({ homeDir });
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, 'two words\n');
    expect(await loadInstallMarker({ homeDir })).toBeUndefined();
    expect(await readFile(path, 'utf8')).toBe('two words\n');
    // A home that is a file: no folder can be made in it.
    await writeFile(join(dir, 'not-a-folder'), '');
    expect(await loadInstallMarker({ homeDir: join(dir, 'not-a-folder') })).toBeUndefined();
  });
});

describe('a history file copied to another computer', () => {
  const now = () => Date.UTC(2026, 0, 5, 8);
  const scores = ['3', '3', '3', '3', '3'];

  /** The device of every event in a history file, in order. */
  async function devices(file: string): Promise<string[]> {
    const text = await readFile(file, 'utf8');
    return text
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: { device: string } }).event.device);
  }

  it('records under a new device id there, says so once, and the original goes on as before', async () => {
    const first = { homeDir: join(dir, 'first-home'), now };
    const second = { homeDir: join(dir, 'second-home'), now };
    const original = join(dir, 'first', 'attune.jsonl');
    const copy = join(dir, 'second', 'attune.jsonl');

    const start = await runScripted(
      ['check-in', '--file', original, '--me', 'Ana', '--partner', 'Kai'],
      scores,
      first,
    );
    expect(start.code).toBe(0);
    expect(start.errors).toBe('');
    const [device] = await devices(original);

    // The whole folder, setup and index included, as a backup or a synced folder would bring it.
    await cp(join(dir, 'first'), join(dir, 'second'), { recursive: true });
    const copied = await runScripted(['check-in', '--file', copy], scores, second);
    expect(copied.code).toBe(0);
    expect(copied.errors).toContain('records under a new device id');
    const renewed = (await devices(copy))[1];
    expect(renewed).toMatch(/^d-[0-9a-f]{32}$/);
    expect(renewed).not.toBe(device);

    // From then on the copy is an install of its own: no more notes, and the same new id.
    const again = await runScripted(['check-in', '--file', copy], scores, second);
    expect(again.errors).toBe('');
    expect(await devices(copy)).toEqual([device, renewed, renewed]);

    // The original, on its own computer, notices nothing and keeps its id.
    const back = await runScripted(['check-in', '--file', original], scores, first);
    expect(back.code).toBe(0);
    expect(back.errors).toBe('');
    expect(await devices(original)).toEqual([device, device]);
  });
});
