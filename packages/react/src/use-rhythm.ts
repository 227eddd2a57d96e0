import type { Rhythm } from '@attune/core';
import { shallowEqual } from './shallow-equal.js';
import { useAttuneSelector } from './use-attune-selector.js';

/** The couple's rhythm: weeks with shared practice, recent weeks, and whether it is paused. */
export function useRhythm(): Rhythm {
  return useAttuneSelector((snapshot) => snapshot.rhythm, shallowEqual);
}
