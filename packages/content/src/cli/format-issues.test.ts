import { describe, expect, it } from 'vitest';
import type { Issue } from './check.js';
import { formatGithub, issueFile, toFindings } from './format-issues.js';

const issues: Issue[] = [
  {
    severity: 'error',
    kind: 'too-long',
    locale: 'de',
    namespace: 'common',
    key: 'action.continue',
    message: 'The text has 20 characters; at most 16 fit here, 100%.',
    fix: 'Shorten it.\nThen check again.',
  },
  {
    severity: 'warning',
    kind: 'stale-meta',
    locale: 'de',
    namespace: '',
    key: 'safety:check.answer-no',
    file: 'de/_meta/intended-same.json',
    message: 'Listed, but translated.',
    fix: 'Delete the entry.',
  },
  {
    severity: 'error',
    kind: 'invalid-locale',
    locale: 'not a locale',
    namespace: '',
    message: 'Not a locale.',
    fix: 'Rename it.',
  },
];

describe('issueFile', () => {
  it("names the namespace's file, a metadata file, or the locale folder", () => {
    expect(issues.map(issueFile)).toEqual([
      'de/common.json',
      'de/_meta/intended-same.json',
      'not a locale/',
    ]);
  });
});

describe('formatGithub', () => {
  const findings = toFindings(issues, (issue) => ({
    file: `locales/${issueFile(issue)}`,
    ...(issue.key !== undefined && { line: 7 }),
  }));

  it('gives each finding its fields, and leaves out those it has not', () => {
    expect(findings[0]).toEqual({
      file: 'locales/de/common.json',
      line: 7,
      locale: 'de',
      namespace: 'common',
      key: 'action.continue',
      code: 'too-long',
      severity: 'error',
      message: 'The text has 20 characters; at most 16 fit here, 100%.',
      fix: 'Shorten it.\nThen check again.',
    });
    expect(findings[2]).not.toHaveProperty('line');
    expect(findings[2]).not.toHaveProperty('namespace');
  });

  it('writes one workflow command a finding, escaped as GitHub documents', () => {
    expect(formatGithub(findings).split('\n')).toEqual([
      '::error file=locales/de/common.json,line=7,title=too-long action.continue::The text has 20 characters; at most 16 fit here, 100%25. Fix: Shorten it.%0AThen check again.',
      '::warning file=locales/de/_meta/intended-same.json,line=7,title=stale-meta safety%3Acheck.answer-no::Listed, but translated. Fix: Delete the entry.',
      '::error file=locales/not a locale/,title=invalid-locale::Not a locale. Fix: Rename it.',
    ]);
  });
});
