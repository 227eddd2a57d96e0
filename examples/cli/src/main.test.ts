import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the program as a real process through tsx, with answers piped to its standard input. */
function runProcess(args: readonly string[], stdin: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@attune/source', 'src/main.ts', ...args],
      {
        cwd: root,
        // A home of its own, so the program never writes into the real home folder.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: mkdtempSync(join(tmpdir(), 'attune-cli-home-')),
          ...env,
        },
        stdio: 'pipe',
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the program as a process', () => {
  it('runs a check-in in Arabic from piped input and writes it to the history file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-cli-process-'));
    try {
      const file = join(dir, 'attune.jsonl');
      const run = await runProcess(['check-in', '--file', file], 'Ana\nKai\n4\n\n5\n2\n3\n', {
        LANG: 'ar_EG.UTF-8',
        TZ: 'Asia/Dubai',
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('وقفة أسبوعية');
      expect(run.stdout).toContain('الإحساس بأن هناك من يُصغي (1–5): 4');
      expect(run.stdout).toContain('تمّ الحفظ.');
      const [line] = (await readFile(file, 'utf8')).trim().split('\n');
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        event: {
          partner: 'Ana',
          type: 'check-in-recorded',
          data: { scores: { 'feeling-heard': 4, stress: 5, fun: 2, support: 3 } },
        },
      });
      const setup = JSON.parse(await readFile(`${file}.setup.json`, 'utf8'));
      expect(setup.couple.partners[0]).toEqual({ id: 'Ana', timeZone: 'Asia/Dubai' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
