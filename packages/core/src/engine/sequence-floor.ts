import { AttuneEventError } from '../log/event-error.js';
import type { Engine } from './types.js';

/**
 * Where an engine keeps the function that raises its sequence floor. A registered symbol, so that
 * `persistEngine` from one copy of `@attune/core` reaches an engine made by another; it is not
 * enumerable, so it never shows in the engine's keys.
 *
 * @internal
 */
export const sequenceFloorKey: unique symbol = Symbol.for('@attune/core/sequence-floor');

/** The engine as `persistEngine` sees it: with the hook `createEngine` attaches. */
type WithFloor = Engine & { readonly [sequenceFloorKey]?: (floor: number) => void };

/**
 * Checks a sequence floor: a whole number of at least 0.
 *
 * @throws {@link AttuneEventError} with code `malformed` naming `sequenceFloor`.
 * @internal
 */
export function checkSequenceFloor(floor: unknown): number {
  if (!Number.isSafeInteger(floor) || (floor as number) < 0) {
    throw new AttuneEventError(
      'malformed',
      'sequenceFloor',
      `The sequence floor should be a whole number of at least 0, not ${String(floor)}`,
      "Pass the store's high-water mark for this device: store.highWater(device)",
    );
  }
  return floor as number;
}

/** Attaches the hook that raises an engine's floor; `createEngine` calls it once. @internal */
export function attachSequenceFloor(engine: Engine, raise: (floor: number) => void): void {
  Object.defineProperty(engine, sequenceFloorKey, { value: raise, enumerable: false });
}

/**
 * Makes an engine record only above `floor` from now on, as `createEngine({ sequenceFloor })` does;
 * it never lowers what the engine already uses.
 *
 * @returns false when the engine has no such hook (it was not made by `createEngine`).
 * @internal
 */
export function raiseSequenceFloor(engine: Engine, floor: number): boolean {
  const raise = (engine as WithFloor)[sequenceFloorKey];
  if (!raise) return false;
  raise(checkSequenceFloor(floor));
  return true;
}
