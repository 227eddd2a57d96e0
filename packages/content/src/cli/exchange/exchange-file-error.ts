import { CliError } from '../cli-error.js';

/**
 * A file returned by a translation tool that cannot be read: not well-formed, not XLIFF 2.0 or
 * PO, or missing what `import` needs. Carries the line where the problem is, when known, and what
 * to do about it.
 */
export class ExchangeFileError extends CliError {
  override name = 'ExchangeFileError';

  /** The line of the file the problem is on, when the parser could tell. */
  readonly line: number | undefined;
  /** What to do about it. */
  readonly fix: string;

  constructor(message: string, fix: string, line?: number) {
    super(message);
    this.line = line;
    this.fix = fix;
  }
}
