import type { IssueSeverity } from '../check.js';

/** What kind of problem `import` found; docs/translating.md lists every code. */
export type ImportProblemCode =
  | 'malformed-file'
  | 'wrong-locale'
  | 'unknown-namespace'
  | 'unknown-key'
  | 'duplicate-key'
  | 'broken-locale-file'
  | 'placeholder-mismatch'
  | 'nesting-mismatch'
  | 'markup-mismatch'
  | 'numbered-lines'
  | 'too-long'
  | 'english-changed'
  | 'same-as-english'
  | 'fuzzy-skipped';

/**
 * One problem with a returned file. An error stops the import before anything is written; a
 * warning is shown and the import goes on.
 */
export interface ImportProblem {
  /** Whether the problem stops the import. */
  readonly severity: IssueSeverity;
  /** What kind of problem it is. */
  readonly code: ImportProblemCode;
  /** The returned file, as the command line named it. */
  readonly path: string;
  /** The line in that file, when known. */
  readonly line?: number;
  /** The key, as `check` prints it (`safety:check.answer-yes`), when the problem is in one text. */
  readonly key?: string;
  /** What is wrong, in words for a translator. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Formats import problems for a terminal, grouped by file, each with its line, key and fix. */
export function formatImportProblems(problems: readonly ImportProblem[]): string {
  const byFile = new Map<string, ImportProblem[]>();
  for (const problem of problems) {
    byFile.set(problem.path, [...(byFile.get(problem.path) ?? []), problem]);
  }
  const lines: string[] = [];
  for (const [path, fileProblems] of byFile) {
    lines.push(path);
    for (const problem of fileProblems) {
      const where = [
        ...(problem.line !== undefined ? [`line ${problem.line}`] : []),
        problem.key ?? (problem.line === undefined ? '(whole file)' : ''),
      ].filter(Boolean);
      lines.push(`  ${problem.severity.padEnd(8)} ${where.join(', ')}  [${problem.code}]`);
      lines.push(`           ${problem.message}`);
      lines.push(`           Fix: ${problem.fix}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
