/// <reference types="node" />
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runCli } from '../../main.js';

/** A working folder in the system's temporary folder, with `locales/` inside. */
export interface WorkFolder {
  /** The working folder, which relative paths start from. */
  readonly root: string;
  /** Its `locales/` folder. */
  readonly dir: string;
  /** Runs the CLI in the working folder on its `locales/`. */
  run(args: readonly string[]): { code: number; stdout: string; stderr: string };
  /** Deletes the working folder. */
  remove(): void;
}

/**
 * Makes a working folder whose `locales/` holds the given files, each path relative to the
 * locales folder (`en/safety.json`, `en/_meta/context.json`), written as the tools write JSON.
 * Tests work on such a copy, never on the package's own locales.
 */
export function createWorkFolder(files: Readonly<Record<string, unknown>> = {}): WorkFolder {
  const root = mkdtempSync(join(tmpdir(), 'attune-exchange-'));
  const dir = join(root, 'locales');
  mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `${JSON.stringify(content, null, 2)}\n`);
  }
  return {
    root,
    dir,
    run(args) {
      let stdout = '';
      let stderr = '';
      const code = runCli([...args, '--dir', dir], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        cwd: root,
        defaultLocalesDir: undefined,
      });
      return { code, stdout, stderr };
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every file under a folder, by path relative to it, as bytes decoded to text. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  visit(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
