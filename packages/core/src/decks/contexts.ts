import type { CoupleContext } from './types.js';

// A record, so that a context added to the type without being added here fails to compile.
const known: Readonly<Record<CoupleContext, true>> = {
  'long-distance': true,
  'living-apart': true,
  'new-parents': true,
  'raising-children': true,
  'new-relationship': true,
  'long-relationship': true,
  'later-life': true,
};

/**
 * Every {@link CoupleContext}, for a settings screen where a couple says what fits their life.
 *
 * @example
 * ```ts
 * import { coupleContexts } from '@attune/core';
 *
 * const choices = coupleContexts.map((context) => ({ value: context, key: `app:context.${context}` }));
 * ```
 */
export const coupleContexts: readonly CoupleContext[] = /* @__PURE__ */ Object.keys(
  known,
) as CoupleContext[];

/** Whether `value` is a {@link CoupleContext}. */
export function isCoupleContext(value: unknown): value is CoupleContext {
  return typeof value === 'string' && Object.hasOwn(known, value);
}
