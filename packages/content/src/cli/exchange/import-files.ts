/// <reference types="node" />
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';
import { ExchangeFileError } from './exchange-file-error.js';
import type { ImportedFile } from './exchange-unit.js';
import type { ImportProblem } from './import-problem.js';
import { formatOfFile, readExchangeFile } from './read-exchange-file.js';

/**
 * The files to import from what was given on the command line: each file as it is, and of each
 * folder the XLIFF and PO files directly in it, by name.
 */
export function listImportFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new CliError(`There is no file or folder at ${path}.`);
    if (!statSync(path).isDirectory()) return [path];
    const found = readdirSync(path)
      .filter((name) => formatOfFile(name) !== undefined)
      .sort()
      .map((name) => join(path, name));
    if (found.length === 0) {
      throw new CliError(
        `${path} holds no .xlf, .xliff or .po file. Give the folder export wrote into, such as .translations/de, or the files themselves.`,
      );
    }
    return found;
  });
}

/** The files that could be read, and a problem for each one that could not. */
export interface ReadImportFiles {
  /** The files read. */
  readonly files: readonly ImportedFile[];
  /** A `malformed-file` error for each file that could not be read. */
  readonly problems: readonly ImportProblem[];
}

/**
 * Reads every file to import, going on past one that cannot be read so that all problems are
 * reported together.
 *
 * @param show How a file is named in messages.
 */
export function readImportFiles(
  paths: readonly string[],
  show: (path: string) => string,
): ReadImportFiles {
  const files: ImportedFile[] = [];
  const problems: ImportProblem[] = [];
  for (const path of paths) {
    try {
      files.push(readExchangeFile(path, show(path)));
    } catch (error) {
      if (!(error instanceof ExchangeFileError)) throw error;
      problems.push({
        severity: 'error',
        code: 'malformed-file',
        path: show(path),
        ...(error.line !== undefined && { line: error.line }),
        message: error.message,
        fix: error.fix,
      });
    }
  }
  return { files, problems };
}
