import type { ProblemDetail } from './http-problem.js';

/** How deep objects and arrays may nest in a request body: far more than any event needs. */
export const MAX_JSON_DEPTH = 64;

/**
 * What keeps a string from being text, or undefined when nothing does: a NUL character, which
 * PostgreSQL cannot hold, or a lone surrogate, which is not Unicode and does not survive UTF-8.
 */
export function textFault(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return 'a NUL character (\\u0000)';
    if (unit >= 0xdc00 && unit <= 0xdfff) return 'a lone surrogate';
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'a lone surrogate';
      i++;
    }
  }
  return undefined;
}

interface Node {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Node | undefined;
  readonly key: string | number;
}

/** `events[0].data.text`, from a node up to the body. */
function pathOf(node: Node, key?: string): string {
  let path = key === undefined ? '' : `.${key}`;
  for (let at: Node | undefined = node; at?.parent; at = at.parent) {
    path = typeof at.key === 'number' ? `[${at.key}]${path}` : `.${at.key}${path}`;
  }
  return (path.startsWith('.') ? path.slice(1) : path) || 'body';
}

const tooDeep = (where: string): ProblemDetail => ({
  code: 'too-deep',
  message: `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} deep`,
  where,
  fix: `Keep event data within ${MAX_JSON_DEPTH} levels of nesting; Attune's own events use fewer than ten`,
});

const notText = (where: string, fault: string, isKey: boolean): ProblemDetail => ({
  code: 'invalid-text',
  message: `${isKey ? `A key of ${where}` : where} holds ${fault}, which the relay does not store`,
  where,
  fix: 'Send well-formed Unicode text without NUL characters; the engine never records either',
});

/**
 * The first thing in a parsed request body the relay refuses before reading it further, in document
 * order, or undefined when there is none: objects and arrays nested deeper than
 * {@link MAX_JSON_DEPTH}, or a string or key holding a NUL character or a lone surrogate, wherever
 * it is (an id, a public key, an answer's text). It walks with a list of its own, never by
 * recursion, so a body nested a million deep is measured without exhausting the stack; everything
 * that recurses over a body later (the event checks, JSON.stringify, canonical JSON) then stays
 * within the bound.
 */
export function problemInBody(body: unknown): ProblemDetail | undefined {
  const pending: Node[] = [{ value: body, depth: 1, parent: undefined, key: '' }];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    const { value, depth } = node;
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault !== undefined) return notText(pathOf(node), fault, false);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) return tooDeep(pathOf(node));
    // Pushed last to first, so they are taken in document order.
    const children: Node[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        children.push({ value: item, depth: depth + 1, parent: node, key: index });
      });
    } else {
      for (const [key, item] of Object.entries(value)) {
        const fault = textFault(key);
        if (fault !== undefined) return notText(pathOf(node, key), fault, true);
        children.push({ value: item, depth: depth + 1, parent: node, key });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Node);
  }
  return undefined;
}
