import type { Issue, IssueKind, IssueSeverity } from './check.js';

/** The file an issue is in, relative to the locales folder: `de/empathy.json`, or `de/`. */
export function issueFile(issue: Issue): string {
  return (
    issue.file ?? (issue.namespace ? `${issue.locale}/${issue.namespace}.json` : `${issue.locale}/`)
  );
}

/**
 * Formats check results for a terminal, grouped by file, each issue with its key, what is wrong
 * and the fix.
 */
export function formatIssues(issues: readonly Issue[]): string {
  const byFile = new Map<string, Issue[]>();
  for (const issue of issues) {
    const file = issueFile(issue);
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

/** One finding of `check --json`: where it is, its code and severity, what is wrong, the fix. */
export interface Finding {
  /** The file, as the CLI shows paths: relative to the working folder when inside it. */
  readonly file: string;
  /** The line of the key in the file (or of its parent, for a key the file lacks). */
  readonly line?: number;
  /** The locale folder. */
  readonly locale: string;
  /** The namespace, when the finding is in a namespace file. */
  readonly namespace?: string;
  /** The dotted key, or `namespace:key` in a metadata file. */
  readonly key?: string;
  /** What kind of problem it is; docs/translating.md lists every code. */
  readonly code: IssueKind;
  /** `error` fails the check, `warning` does not. */
  readonly severity: IssueSeverity;
  /** What is wrong, in words for a translator. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Where an issue is: its file as shown, and the line when the file is there to read. */
export type LocateIssue = (issue: Issue) => { readonly file: string; readonly line?: number };

/** Turns check results into findings, the shape `check --json` prints. */
export function toFindings(issues: readonly Issue[], locate: LocateIssue): Finding[] {
  return issues.map((issue) => {
    const { file, line } = locate(issue);
    return {
      file,
      ...(line !== undefined && { line }),
      locale: issue.locale,
      ...(issue.namespace !== '' && { namespace: issue.namespace }),
      ...(issue.key !== undefined && { key: issue.key }),
      code: issue.kind,
      severity: issue.severity,
      message: issue.message,
      fix: issue.fix,
    };
  });
}

// The escapes GitHub documents for workflow commands: data escapes %, CR and LF; a property
// value also escapes : and ,.
const escapeData = (text: string): string =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string): string =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * Formats findings as GitHub Actions workflow commands, one a line
 * (`::error file=locales/de/safety.json,line=12,title=missing-key check.intro::…`), which a
 * workflow step turns into annotations on the file and line.
 */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        ...(finding.line !== undefined ? [`line=${finding.line}`] : []),
        `title=${escapeProperty(`${finding.code}${finding.key ? ` ${finding.key}` : ''}`)}`,
      ];
      return `::${finding.severity} ${properties.join(',')}::${escapeData(`${finding.message} Fix: ${finding.fix}`)}`;
    })
    .join('\n');
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
