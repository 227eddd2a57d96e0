import type { Issue } from './check.js';

/**
 * Formats check results for a terminal, grouped by file, each issue with its key, what is wrong
 * and the fix.
 */
export function formatIssues(issues: readonly Issue[]): string {
  const byFile = new Map<string, Issue[]>();
  for (const issue of issues) {
    const file = issue.namespace ? `${issue.locale}/${issue.namespace}.json` : `${issue.locale}/`;
    byFile.set(file, [...(byFile.get(file) ?? []), issue]);
  }
  const lines: string[] = [];
  for (const [file, fileIssues] of byFile) {
    lines.push(file);
    for (const issue of fileIssues) {
      lines.push(`  ${issue.severity.padEnd(8)} ${issue.key ?? '(whole file)'}`);
      lines.push(`           ${issue.message}`);
      lines.push(`           Fix: ${issue.fix}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Sums up check results in one sentence. */
export function summarizeIssues(issues: readonly Issue[], localeCount: number): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (issues.length === 0)
    return `All ${plural(localeCount, 'locale')} passed: no errors, no warnings.`;
  const counts = `${plural(errors, 'error')} and ${plural(warnings, 'warning')}`;
  return errors > 0
    ? `${counts}. Fix the errors before shipping; the warnings are worth a look.`
    : `${counts}. Nothing blocks shipping; the warnings are worth a look.`;
}
