import type { Engine, EngineSnapshot } from '@attune/core';
import { useEngineStore } from './use-engine-store.js';

const snapshotOf = (engine: Engine): EngineSnapshot => engine.getSnapshot();

/**
 * Selects a slice of the couple's progress (the engine's snapshot). The component re-renders only
 * when the slice changes by `isEqual` (`Object.is` by default; pass {@link shallowEqual} for a
 * selector that builds an object or array).
 *
 * @example
 * ```tsx
 * const weeks = useAttuneSelector((snapshot) => snapshot.rhythm.weeks);
 * ```
 */
export function useAttuneSelector<T>(
  selector: (snapshot: EngineSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  return useEngineStore(snapshotOf, selector, isEqual);
}
