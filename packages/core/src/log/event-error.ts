/** Why an event was refused. The log is unchanged when this is thrown. */
export type EventErrorCode =
  | 'malformed'
  | 'unknown-partner'
  | 'clock-too-far-ahead'
  | 'duplicate-id'
  | 'not-allowed';

/** An event that could not be recorded: which field is wrong, and how to fix it. */
export class AttuneEventError extends Error {
  override readonly name = 'AttuneEventError';
  readonly code: EventErrorCode;
  /** The field at fault, such as `data.scores.closeness`. */
  readonly field: string;
  /** How to fix it. */
  readonly fix: string;
  constructor(code: EventErrorCode, field: string, message: string, fix: string) {
    super(`${message} (${field}). ${fix}`);
    this.code = code;
    this.field = field;
    this.fix = fix;
  }
}
