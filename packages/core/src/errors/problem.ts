/**
 * One problem found in something checked — a program, a plugin, stored data: what kind, where, what
 * is wrong, and how to fix it. Every list of problems Attune returns has this shape.
 */
export interface AttuneProblem<Code extends string = string> {
  readonly code: Code;
  /** Where, such as `steps[2].exercises[0].id`; empty for the whole thing. */
  readonly path: string;
  /** What is wrong, in words the person who can fix it understands. */
  readonly message: string;
  /** How to fix it; empty where there is nothing to do. */
  readonly fix: string;
}
