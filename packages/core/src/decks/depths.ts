import type { PromptDepth } from './types.js';

// How deep each depth is; a record, so a depth added to the type must be ranked here.
const rank: Readonly<Record<PromptDepth, number>> = { light: 0, medium: 1, deep: 2 };

/**
 * Every {@link PromptDepth}, lightest first: the order a deck is drawn in unless the couple chooses.
 *
 * @example
 * ```ts
 * import { promptDepths } from '@attune/core';
 *
 * for (const depth of promptDepths) console.log(depth); // light, medium, deep
 * ```
 */
export const promptDepths: readonly PromptDepth[] = ['light', 'medium', 'deep'];

/** Whether `value` is a {@link PromptDepth}. */
export function isPromptDepth(value: unknown): value is PromptDepth {
  return typeof value === 'string' && Object.hasOwn(rank, value);
}

/** 0 for `light`, 1 for `medium`, 2 for `deep`. */
export function depthRank(depth: PromptDepth): number {
  return rank[depth];
}
