import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';

/** Where the program talks to the person: lines out, answers in. */
export interface Terminal {
  /** Writes text and ends the line. */
  say(text?: string): void;
  /** Shows a question and waits for one line; `undefined` once the input has ended. */
  ask(question: string): Promise<string | undefined>;
  /** Lets go of the input, so the process can exit. */
  close(): void;
}

/** Options of {@link createTerminal}. */
export interface TerminalOptions {
  readonly input: Readable;
  readonly output: Writable;
}

/**
 * A {@link Terminal} over node:readline. Lines are read through readline's async iterator, which
 * keeps lines that arrive before a question is asked: piped input often comes all at once, and
 * `rl.question` would drop what arrived early.
 */
export function createTerminal(options: TerminalOptions): Terminal {
  const { input, output } = options;
  const interactive = Boolean(
    (input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY,
  );
  const rl = createInterface({ input, output, terminal: interactive });
  const lines = rl[Symbol.asyncIterator]();
  let ended = false;
  return {
    say(text = '') {
      output.write(`${text}\n`);
    },
    async ask(question) {
      if (ended) return undefined;
      // The question is the prompt, so readline redraws it while the person edits the line.
      rl.setPrompt(question);
      rl.prompt();
      const next = await lines.next();
      if (next.done) {
        ended = true;
        // Piped input has no echo: end the prompt's line so what follows starts on its own.
        if (!interactive) output.write('\n');
        return undefined;
      }
      if (!interactive) output.write(`${next.value}\n`);
      return next.value;
    },
    close() {
      rl.close();
    },
  };
}
