/** One thing wrong with a request, said so that someone can fix it. */
export interface ProblemDetail {
  /** A stable code a client can branch on, such as `body-too-large`. */
  readonly code: string;
  /** What is wrong. */
  readonly message: string;
  /** Where: a part of the request, such as `events[3].data.scores.closeness` or `Authorization`. */
  readonly where: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * A request the server refuses, with the HTTP status and a JSON body that says what, where and how
 * to fix it. Handlers throw it; the server turns it into the response.
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;
  readonly detail: ProblemDetail;
  /** Problems of single items, such as each refused event of an upload. */
  readonly problems: readonly (ProblemDetail & { readonly index?: number })[];
  /** Response headers to add, such as `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    detail: ProblemDetail,
    extra: {
      readonly problems?: readonly (ProblemDetail & { readonly index?: number })[];
      readonly headers?: Readonly<Record<string, string>>;
    } = {},
  ) {
    super(detail.message);
    this.status = status;
    this.detail = detail;
    this.problems = extra.problems ?? [];
    this.headers = extra.headers ?? {};
  }

  /** The response body: `{ error: { code, message, where, fix, problems? } }`. */
  toJSON(): { error: ProblemDetail & { problems?: readonly ProblemDetail[] } } {
    return {
      error: { ...this.detail, ...(this.problems.length > 0 && { problems: this.problems }) },
    };
  }
}
