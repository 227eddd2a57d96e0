import type { LoggedEvent } from '../events/types.js';
import type { StorageAdapter } from './adapter.js';
import type { DeviceIdentity } from './device-identity.js';
import {
  type DecodedIndex,
  emptyMarks,
  encodeIndex,
  higherMarks,
  highWaterOf,
  markOf,
} from './format/store-index.js';
import type { StorageProblem } from './storage-error.js';

/** Each device's two marks: the highest sequence ever written, and the highest stored now. */
export interface IndexMarks {
  readonly highWater: Record<string, number>;
  readonly stored: Record<string, number>;
}

/** What repairing an index compares and writes. */
export interface RepairIndexInput {
  readonly adapter: StorageAdapter;
  readonly coupleId: string;
  readonly index: DecodedIndex;
  readonly stored: ReadonlyMap<string, LoggedEvent>;
  readonly identity: DeviceIdentity;
  readonly problems: StorageProblem[];
}

/** The marks an index and the records read give together: the high-water mark never goes down. */
export function marksOf(index: DecodedIndex, stored: ReadonlyMap<string, LoggedEvent>): IndexMarks {
  const found = highWaterOf(stored.values());
  const known = index.kind === 'index' ? index.index.highWater : emptyMarks();
  return { highWater: higherMarks(known, found), stored: found };
}

/**
 * Compares the index with the records read, reports what it shows — events lost since the index was
 * written, or an index behind the records — and writes it anew when it needs it, with this install's
 * device id. The high-water marks it keeps never go down, so sequence numbers of lost events are not
 * handed out again.
 */
export async function repairIndex(input: RepairIndexInput): Promise<IndexMarks> {
  const { adapter, index, stored, identity, problems } = input;
  const marks = marksOf(index, stored);
  const found = marks.stored;
  let behind = index.kind === 'unreadable' || (index.kind === 'none' && stored.size > 0);
  let missing = false;
  if (index.kind === 'index') {
    const known = index.index.stored;
    for (const device of Object.keys(known).sort()) {
      const have = markOf(found, device);
      const expected = markOf(known, device);
      if (have < expected) {
        missing = true;
        const own =
          device === identity.device
            ? ` This device goes on recording above sequence ${markOf(marks.highWater, device)}, so no event id is used twice`
            : '';
        problems.push({
          code: 'events-missing',
          path: `index.stored.${device}`,
          device,
          message: `The index knew events of device "${device}" up to sequence ${expected}, but only up to ${have} are stored: events were lost (a truncated file, a restored backup). Events the partner has come back with the next sync.${own}`,
          fix: "Sync with the partner's devices to get them back",
        });
      }
    }
    behind = Object.keys(found).some((device) => markOf(found, device) > markOf(known, device));
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
  problems.push(...identity.problems);
  if (behind || missing || identity.changed || index.kind === 'none') {
    try {
      await adapter.writeIndex(
        encodeIndex({
          couple: input.coupleId,
          device: identity.device,
          install: identity.install,
          ...marks,
        }),
      );
    } catch {
      // The index is rebuilt from the records on the next open; the events are safe. A device id
      // made here and not kept is made anew then: a new id is always safe.
    }
  }
  return marks;
}
