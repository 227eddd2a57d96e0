import type { Progress } from '../progress/compute.js';
import type { EngineSnapshot } from '../progress/types.js';

/**
 * Whether two values hold the same data, compared part by part (plain objects, arrays, primitives)
 * rather than serialised: a part both share by reference is equal at once, so comparing a value with
 * one it was built from costs only what was built anew.
 */
function equal(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}

/** The previous value when it is equal to the next one, so selectors see the same object. */
export function same<T>(next: T, previous: T | undefined): T {
  return previous !== undefined && equal(next, previous) ? previous : next;
}

/** Each item that equals the one at its place in `previous` is that one; all of `previous` if all do. */
function sameEach<T>(next: readonly T[], previous: readonly T[]): readonly T[] {
  if (next === previous) return previous;
  let kept = next.length === previous.length;
  const items = next.map((item, i) => {
    const shared = same(item, previous[i]);
    if (shared !== previous[i]) kept = false;
    return shared;
  });
  return kept ? previous : items;
}

/**
 * Keeps the identity of every part of the progress that did not change: each step, each exercise's
 * trends, the rhythm, the diagnostics. Parts the progress tracker kept are the previous ones
 * already; only those it computed again are compared.
 */
export function shareUnchanged(next: Progress, previous: Progress): Progress {
  return {
    ...next,
    steps: sameEach(next.steps, previous.steps),
    rhythm: same(next.rhythm, previous.rhythm),
    checkIns: sameEach(next.checkIns, previous.checkIns),
    diagnostics: same(next.diagnostics, previous.diagnostics),
  };
}

/**
 * Whether a snapshot computed again shows what the previous one showed, its version aside. Its
 * progress went through {@link shareUnchanged}, so an unchanged part is the previous object and
 * compares at once.
 */
export function sameSnapshot(next: EngineSnapshot, previous: EngineSnapshot): boolean {
  const keys = Object.keys(next) as (keyof EngineSnapshot)[];
  return keys.every((key) => key === 'version' || equal(next[key], previous[key]));
}
