import type { Engine } from '@attune/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useAttuneContext } from './context.js';

/**
 * Reads a slice of what the engine computes through `useSyncExternalStore`; the component re-renders
 * only when `isEqual` says the slice changed. The engine's current state doubles as the server
 * snapshot, so an engine created on the server with its events renders the same there and here.
 */
export function useEngineStore<S, T>(
  read: (engine: Engine, partner: string) => S,
  selector: (source: S) => T,
  isEqual: (a: T, b: T) => boolean,
): T {
  const { engine, partner } = useAttuneContext();
  const get = useMemo(() => {
    let source = read(engine, partner);
    let selection = selector(source);
    return (): T => {
      const next = read(engine, partner);
      if (next !== source) {
        const selected = selector(next);
        // The previous selection is kept when equal, so React sees no change and skips the render.
        if (!isEqual(selection, selected)) selection = selected;
        source = next;
      }
      return selection;
    };
  }, [engine, partner, read, selector, isEqual]);
  return useSyncExternalStore(engine.subscribe, get, get);
}
