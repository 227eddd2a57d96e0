// A registered symbol, not a class identity: an app can end up with two copies of @attune/core
// (two bundles, a plugin with its own copy), and `instanceof` fails across them while the marker holds.
const marker = Symbol.for('@attune/core/error');

/** What every Attune error is made from. */
export interface AttuneErrorOptions<Code extends string> {
  readonly code: Code;
  /** What was wrong, where. */
  readonly message: string;
  /** How to fix it, where there is a way. */
  readonly fix?: string;
  readonly cause?: unknown;
}

/**
 * The base of every error Attune throws: a `code` to branch on, a `message` that says what was wrong
 * and where, and a `fix` where there is one. Use {@link AttuneError.isInstance} (or the subclass's)
 * rather than `instanceof`, so an error thrown by another copy of the package is recognised too.
 *
 * @example
 * ```ts
 * import { AttuneError } from '@attune/core';
 *
 * try {
 *   engine.completeExercise('ana', 'no-such-exercise');
 * } catch (error) {
 *   if (AttuneError.isInstance(error)) console.log(error.code, error.fix);
 * }
 * ```
 */
export class AttuneError<Code extends string = string> extends Error {
  /** What kind of problem it is; each subclass lists its codes. */
  readonly code: Code;
  /** How to fix it; empty where nothing the caller does would help. */
  readonly fix: string;

  constructor(name: string, options: AttuneErrorOptions<Code>) {
    const fix = options.fix ?? '';
    super(
      fix ? `${options.message}. ${fix}` : options.message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    Object.defineProperty(this, marker, { value: true });
    this.name = name;
    this.code = options.code;
    this.fix = fix;
  }

  /** Whether `error` is an Attune error, from this copy of the package or another. */
  static isInstance(error: unknown): error is AttuneError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }
}

/** Whether `error` is an Attune error named `name`, from any copy of the package. */
export function isAttuneErrorNamed(error: unknown, name: string): boolean {
  return AttuneError.isInstance(error) && error.name === name;
}
