/**
 * True when two values are the same, or are objects or arrays whose own entries are the same
 * (`Object.is`), one level deep. The default equality of hooks whose selection is an object.
 *
 * @example
 * ```ts
 * const [paused, resting] = useAttuneSelector((s) => [s.paused, s.resting], shallowEqual);
 * ```
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a) as (keyof T)[];
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => key in b && Object.is(a[key], b[key]))
  );
}
