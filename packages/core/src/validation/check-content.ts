import { listContentKeys } from '../program/content-keys.js';
import type { Program } from '../program/types.js';
import type { ProgramProblem } from './problems.js';

/** Nested translations of one namespace, as in an i18next JSON v4 file. */
export interface ContentTree {
  readonly [key: string]: string | ContentTree;
}

/** Translations of the source locale to check a program's keys against. */
export interface ProgramContent {
  /** The locale these resources are in, such as `en`; used in messages. */
  readonly locale: string;
  /** Namespace name to its translations. */
  readonly resources: Readonly<Record<string, ContentTree>>;
}

// i18next looks up plural and context forms by suffix; any of them counts as the key being there.
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/** Whether a key path has text in a namespace's tree, in any of its plural forms. */
export function hasText(tree: ContentTree | undefined, path: readonly string[]): boolean {
  let node: string | ContentTree | undefined = tree;
  for (const [i, part] of path.entries()) {
    if (typeof node !== 'object') return false;
    const last = i === path.length - 1;
    if (Object.hasOwn(node, part)) {
      node = node[part];
    } else if (last) {
      const parent = node;
      return PLURAL_SUFFIXES.some(
        (suffix) =>
          Object.hasOwn(parent, part + suffix) && typeof parent[part + suffix] === 'string',
      );
    } else {
      return false;
    }
  }
  return typeof node === 'string' && node.trim() !== '';
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
