import { formatMessage, type RuleExplanation } from '@attune/core';
import type { Text } from '../text/text.js';

/** Who reads the explanation, so their own progress reads "you" and the other's their name. */
export interface ExplanationReader {
  readonly t: Text;
  readonly partner: string;
}

const INDENT = '  ';

/**
 * An explanation as indented lines: each condition with ✓ when it holds and ○ when not yet, and
 * under a condition that counts each partner, how far each one is. The marks are plain characters
 * so the lines read the same in a right-to-left language without any layout. A safety condition
 * that holds is left out: its neutral words say that some exercises rest, which is then not so.
 */
export function formatExplanation(
  node: RuleExplanation,
  reader: ExplanationReader,
  depth = 0,
): string[] {
  const { t, partner } = reader;
  const indent = INDENT.repeat(depth);
  const lines = [`${indent}${node.holds ? '✓' : '○'} ${formatMessage(t, node)}`];
  for (const [id, progress] of Object.entries(node.partners ?? {})) {
    const who = id === partner ? 'you' : 'partner';
    const state = progress.holds ? 'done' : 'not-yet';
    let line = t(`explain.progress.${who}-${state}`, { partner: id });
    if (progress.needed > 1) {
      line += ` (${t('explain.progress.count', { done: progress.done, needed: progress.needed })})`;
    }
    lines.push(`${indent}${INDENT}  ${line}`);
  }
  for (const child of node.children ?? []) {
    // Its words tell that exercises rest, which is news only while they do.
    if (child.kind === 'safety-clear' && child.holds) continue;
    lines.push(...formatExplanation(child, reader, depth + 1));
  }
  return lines;
}
