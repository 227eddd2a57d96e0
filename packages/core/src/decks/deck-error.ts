import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';

/** Why the deck engine refused its input. */
export type DeckErrorCode =
  | 'unknown-deck'
  | 'empty-deck'
  | 'duplicate-prompt'
  | 'missing-couple'
  | 'unknown-context'
  | 'unknown-depth'
  | 'unknown-tag'
  | 'invalid-round';

/**
 * A deck, or options for drawing from one, that the deck engine cannot use: an id no deck has, a deck
 * without prompts or with two prompts of one id, a context, depth or tag it does not know.
 *
 * @example
 * ```ts
 * import { AttuneDeckError, getDeck } from '@attune/core';
 *
 * try {
 *   getDeck('no-such-deck');
 * } catch (error) {
 *   if (AttuneDeckError.isInstance(error)) console.log(error.code, error.fix);
 * }
 * ```
 */
export class AttuneDeckError extends AttuneError<DeckErrorCode> {
  constructor(code: DeckErrorCode, message: string, fix: string) {
    super('AttuneDeckError', { code, message, fix });
  }

  /** Whether `error` is an `AttuneDeckError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneDeckError {
    return isAttuneErrorNamed(error, 'AttuneDeckError');
  }
}
