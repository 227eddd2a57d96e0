import type { Engine } from '@attune/core';
import type { Terminal } from '../terminal/terminal.js';
import type { Text } from '../text/text.js';

/** What every command works with. */
export interface CommandContext {
  readonly t: Text;
  /** The shipped locale the words come from, for numbers and percentages. */
  readonly locale: string;
  readonly terminal: Terminal;
  /** Where warnings and errors go. */
  readonly warn: (text: string) => void;
  readonly engine: Engine;
  /** The partner at the keyboard. */
  readonly partner: string;
  /** The other partner, named in texts such as "what could {{partner}} do". */
  readonly other: string;
  /** Resolves once everything recorded so far is written to the history file. */
  readonly saved: () => Promise<void>;
}

/** How a command ended: done (or nothing to do), stopped by the end of input, or refused. */
export type CommandOutcome = 'done' | 'stopped' | 'refused';
