import type { Program } from '@attune/core';
import { useAttuneContext } from './context.js';

/** The program of the engine given to the nearest `AttuneProvider`. It never changes. */
export function useProgram(): Program {
  return useAttuneContext().engine.program;
}
