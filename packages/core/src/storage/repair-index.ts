import type { LoggedEvent } from '../events/types.js';
import type { StorageAdapter } from './adapter.js';
import { type DecodedIndex, encodeIndex, highWaterOf } from './format/store-index.js';
import type { StorageProblem } from './storage-error.js';

/**
 * Compares the index with the records read, reports what it shows — events lost since the index was
 * written, or an index behind the records — and writes it anew when it needs it. Returns each
 * device's highest sequence stored.
 */
export async function repairIndex(
  adapter: StorageAdapter,
  coupleId: string,
  index: DecodedIndex,
  stored: ReadonlyMap<string, LoggedEvent>,
  problems: StorageProblem[],
): Promise<Record<string, number>> {
  const highWater = highWaterOf(stored.values());
  let behind = index.kind === 'unreadable' || (index.kind === 'none' && stored.size > 0);
  let missing = false;
  if (index.kind === 'index') {
    const known = index.index.highWater;
    for (const device of Object.keys(known).sort()) {
      const found = highWater[device] ?? 0;
      const expected = known[device] as number;
      if (found < expected) {
        missing = true;
        problems.push({
          code: 'events-missing',
          path: `index.highWater.${device}`,
          device,
          message: `The index knew events of device "${device}" up to sequence ${expected}, but only up to ${found} are stored: events were lost (a truncated file, a restored backup). Events the partner has come back with the next sync. If "${device}" is this device, give it a new device id before recording anything, so that no event id is used twice`,
          fix: `Sync with the partner's devices; if "${device}" is this device, give it a new device id first`,
        });
      }
    }
    behind = Object.keys(highWater).some(
      (device) => (highWater[device] as number) > (known[device] ?? 0),
    );
  }
  if (behind && index.kind !== 'none') {
    problems.push({
      code: 'index-repaired',
      path: 'index',
      message:
        'The index was behind the records (a crash between writing the two) or damaged; it was rebuilt from the records',
      fix: '',
    });
  }
  if (behind || missing || index.kind === 'none') {
    try {
      await adapter.writeIndex(encodeIndex(coupleId, highWater));
    } catch {
      // The index is rebuilt from the records on the next open; the events are safe.
    }
  }
  return highWater;
}
