import type * as z from 'zod';
import { formatPath, type ProgramProblem, preview, valueAt } from './problems.js';

/** Turns zod's issues into problems that say what is wrong and how to fix it. */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  document: unknown,
): ProgramProblem[] {
  return issues.map((issue): ProgramProblem => {
    const path = formatPath(issue.path);
    const where = path === '' ? 'the program' : `"${path}"`;
    switch (issue.code) {
      case 'unrecognized_keys':
        return {
          code: 'unknown-field',
          path,
          message: `${where} has ${issue.keys.length === 1 ? 'a field' : 'fields'} the format does not know: ${issue.keys.map((key) => `"${key}"`).join(', ')}.`,
          fix: 'Remove the field or check its spelling; the JSON Schema shipped with @attune/core lists the known fields.',
        };
      case 'invalid_union':
        if ('discriminator' in issue && typeof issue.discriminator === 'string') {
          const options = (issue as { options?: unknown[] }).options ?? [];
          return {
            code: 'unknown-kind',
            path,
            message: `${where} is ${preview(valueAt(document, issue.path))}, which is not a known ${issue.discriminator}.`,
            fix: `Use one of ${options.map((option) => `"${String(option)}"`).join(', ')}, or register the plugin that adds this ${issue.discriminator}.`,
          };
        }
        return {
          code: 'invalid-value',
          path,
          message: `${where} matches none of the allowed shapes.`,
          fix: 'Compare it with the JSON Schema shipped with @attune/core.',
        };
      case 'invalid_type':
        return {
          code: 'invalid-value',
          path,
          message: `${where} should be ${article(issue.expected)} but is ${describe(valueAt(document, issue.path))}.`,
          fix: `Give ${where} ${article(issue.expected)} value.`,
        };
      case 'invalid_format':
        // The schemas' format messages already say what to write instead.
        return {
          code: 'invalid-value',
          path,
          message: `${where} is ${preview(valueAt(document, issue.path))}, which is not in the expected format.`,
          fix: issue.message,
        };
      default:
        return {
          code: 'invalid-value',
          path,
          message: `${where}: ${issue.message}`,
          fix: fixFor(issue),
        };
    }
  });
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `${article(typeof value)} (${preview(value)})`;
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `Keep it at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}.`;
    case 'too_small':
      return `Make it at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}.`;
    case 'invalid_value':
      return `Use one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    default:
      return 'Correct the value as the message says.';
  }
}
