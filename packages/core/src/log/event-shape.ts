/** Whether a stored value has what ordering the log reads: an id, a device, a seq and a clock. */
export function isEventShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { id?: unknown; device?: unknown; seq?: unknown; clock?: unknown };
  const clock = event.clock as { wall?: unknown; counter?: unknown } | null | undefined;
  return (
    typeof event.id === 'string' &&
    typeof event.device === 'string' &&
    typeof event.seq === 'number' &&
    typeof clock === 'object' &&
    clock !== null &&
    typeof clock.wall === 'number' &&
    typeof clock.counter === 'number'
  );
}
