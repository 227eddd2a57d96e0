import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';

/** Why an event was refused. The log is unchanged when this is thrown. */
export type EventErrorCode =
  | 'malformed'
  | 'unknown-partner'
  | 'clock-too-far-ahead'
  | 'duplicate-id'
  | 'not-allowed';

/** An event that could not be recorded: which field is wrong, and how to fix it. */
export class AttuneEventError extends AttuneError<EventErrorCode> {
  /** The field at fault, such as `data.scores.closeness`. */
  readonly field: string;
  constructor(code: EventErrorCode, field: string, message: string, fix: string) {
    super('AttuneEventError', { code, message: `${message} (${field})`, fix });
    this.field = field;
  }

  /** Whether `error` is an `AttuneEventError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneEventError {
    return isAttuneErrorNamed(error, 'AttuneEventError');
  }
}

/**
 * A value as an error message shows it. Never throws, whatever was passed: an object without a
 * prototype, which `String` cannot convert, is shown by its kind.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
