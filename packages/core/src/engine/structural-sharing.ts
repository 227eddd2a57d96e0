import type { Progress } from '../progress/compute.js';

/** The previous value when it is equal to the next one, so selectors see the same object. */
export function same<T>(next: T, previous: T | undefined): T {
  return previous !== undefined && JSON.stringify(next) === JSON.stringify(previous)
    ? previous
    : next;
}

/** Keeps the identity of every part of the progress that did not change. */
export function shareUnchanged(next: Progress, previous: Progress): Progress {
  const steps = next.steps.map((step, i) => same(step, previous.steps[i]));
  return {
    ...next,
    steps: steps.every((step, i) => step === previous.steps[i]) ? previous.steps : steps,
    rhythm: same(next.rhythm, previous.rhythm),
    checkIns: same(next.checkIns, previous.checkIns),
    diagnostics: same(next.diagnostics, previous.diagnostics),
  };
}
