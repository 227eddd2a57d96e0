/**
 * A problem the person running the CLI can fix, with a message written for them. The CLI prints
 * only the message of a `CliError`, never a stack trace.
 */
export class CliError extends Error {
  override name = 'CliError';
}
