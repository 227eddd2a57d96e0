import { formatPath, type ProgramProblem } from './problems.js';

/** Deeper than any real program (rules nest a few levels); deep enough to stop stack exhaustion. */
export const MAX_DEPTH = 40;
/** Far more values than a real program has; stops a document built to make validation slow. */
export const MAX_NODES = 200_000;

/**
 * Walks a document without recursion before the schema sees it, and reports nesting or size that
 * would make validation itself fail. Returns no problem for a document of ordinary shape.
 */
export function checkShape(document: unknown): ProgramProblem[] {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: document, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    nodes++;
    if (nodes > MAX_NODES) {
      return [
        {
          code: 'too-deep',
          path: '',
          message: `The document holds more than ${MAX_NODES} values, far more than a program needs.`,
          fix: 'Check that the file is a program and not some other data; split very large programs into plugins.',
        },
      ];
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) {
      return [
        {
          code: 'too-deep',
          path: formatPath(path),
          message: `"${formatPath(path)}" is nested more than ${MAX_DEPTH} levels deep.`,
          fix: 'Flatten the nesting: combine conditions in one "all" or "any" rule instead of wrapping rules in rules.',
        },
      ];
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return [];
}
