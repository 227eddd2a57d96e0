import { listContentKeys } from '../program/content-keys.js';
import { type ContentTree, hasText } from '../program/content-tree.js';
import type { Program } from '../program/types.js';
import type { ProgramProblem } from './problems.js';

/** Translations of the source locale to check a program's keys against. */
export interface ProgramContent {
  /** The locale these resources are in, such as `en`; used in messages. */
  readonly locale: string;
  /** Namespace name to its translations. */
  readonly resources: Readonly<Record<string, ContentTree>>;
}

/** Reports each content key of the program that has no text in the given locale. */
export function checkContent(program: Program, content: ProgramContent): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  for (const { key, path } of listContentKeys(program)) {
    const [namespace = '', keyPath = ''] = key.split(':', 2);
    const tree = Object.hasOwn(content.resources, namespace)
      ? content.resources[namespace]
      : undefined;
    if (hasText(tree, keyPath.split('.'))) continue;
    problems.push({
      code: 'missing-content',
      path,
      message: `"${key}" has no text in locale "${content.locale}".`,
      fix: tree
        ? `Add "${keyPath}" to locales/${content.locale}/${namespace}.json.`
        : `Add the namespace file locales/${content.locale}/${namespace}.json with "${keyPath}" in it.`,
    });
  }
  return problems;
}
