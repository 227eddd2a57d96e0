import type { ProblemDetail } from '../http/http-problem.js';

/** A request the sync server refused: its status and what it said was wrong, where, and the fix. */
export class SyncServerError extends Error {
  override readonly name = 'SyncServerError';
  readonly status: number;
  readonly code: string;
  readonly where: string;
  readonly fix: string;
  /** Problems of single events, by their index in the upload. */
  readonly problems: readonly (ProblemDetail & { readonly index?: number })[];
  constructor(
    status: number,
    detail: ProblemDetail & { readonly problems?: readonly ProblemDetail[] },
  ) {
    super(`${detail.message} (${detail.where}). ${detail.fix}`);
    this.status = status;
    this.code = detail.code;
    this.where = detail.where;
    this.fix = detail.fix;
    this.problems = detail.problems ?? [];
  }
}
