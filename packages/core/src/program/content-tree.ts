/** Nested translations of one namespace, as in an i18next JSON v4 file. */
export interface ContentTree {
  readonly [key: string]: string | ContentTree;
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
