import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { type CliOptions, runCli } from '../run-cli.js';

/** What a scripted run printed, and how it ended. */
export interface ScriptedRun {
  readonly code: number;
  readonly output: string;
  readonly errors: string;
}

/** A writable that keeps what is written to it, as text. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

/**
 * Runs the program's main function with answers typed in advance, one per line, as a person (or a
 * pipe) would, and the input ending after the last one.
 */
export async function runScripted(
  args: readonly string[],
  answers: readonly string[] = [],
  options: Partial<Omit<CliOptions, 'args' | 'input' | 'output' | 'errorOutput'>> = {},
): Promise<ScriptedRun> {
  const output = collector();
  const errors = collector();
  const code = await runCli({
    args,
    env: {},
    timeZone: 'Europe/Berlin',
    // A home of its own, so a test never writes the install marker into the real home folder.
    homeDir: mkdtempSync(join(tmpdir(), 'attune-cli-home-')),
    ...options,
    input: Readable.from(answers.length > 0 ? [`${answers.join('\n')}\n`] : []),
    output: output.stream,
    errorOutput: errors.stream,
  });
  return { code, output: output.text(), errors: errors.text() };
}
