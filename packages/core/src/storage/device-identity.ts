import { createDeviceId } from '../sync/device-id.js';
import type { DecodedIndex } from './format/store-index.js';
import type { StorageProblem } from './storage-error.js';

/** What decides which device id an install records under. */
export interface DeviceIdentityInput {
  readonly index: DecodedIndex;
  /** The install marker the app keeps where copies and backups of the storage do not reach. */
  readonly install: string | undefined;
  /** The device id the app kept itself before storage format 2, to keep when upgrading. */
  readonly adoptDevice: string | undefined;
}

/** The device id to hand out, the install marker to record, and what to tell the app. */
export interface DeviceIdentity {
  readonly device: string;
  readonly install: string | undefined;
  /** Whether the index must be written for the identity to last. */
  readonly changed: boolean;
  readonly problems: readonly StorageProblem[];
}

const renewed = (device: string, why: string): StorageProblem => ({
  code: 'device-renewed',
  path: 'index.device',
  device,
  message: `${why}, so this install now records under a new device id, "${device}": a second install with the old id could otherwise give two different events one id. Events already recorded keep their ids`,
  fix: 'Create the engine with store.device, and keep it in place of any id the app stored itself',
});

/**
 * Decides which device id this install records under. The id lives in the store's index, beside the
 * high-water marks that keep its sequence numbers from repeating, so the two never part: storage that
 * starts empty always gets a new id. Storage that turns out to come from another install — its index
 * names an install marker other than this one's — gets a new id too: it was copied here, or a backup
 * was restored here, and the install it came from may still record under the old id.
 */
export function deviceIdentity(input: DeviceIdentityInput): DeviceIdentity {
  const { index, install } = input;
  if (index.kind !== 'index') {
    const device = createDeviceId();
    const problems =
      index.kind === 'unreadable'
        ? [renewed(device, 'The index that named the device id of this storage was damaged')]
        : [];
    return { device, install, changed: true, problems };
  }
  const recorded = index.index;
  if (recorded.device === undefined) {
    // Format 1: the app kept the id. Keeping it keeps every cursor short; its high-water mark is the
    // one the old index kept.
    const device = input.adoptDevice ?? createDeviceId();
    const kept = input.adoptDevice !== undefined;
    return {
      device,
      install,
      changed: true,
      problems: [
        {
          code: 'storage-upgraded',
          path: 'index',
          device,
          message: `This history was written by an earlier version of Attune (storage format ${index.version}). Its index was upgraded to the current format and its records were left as they are, so earlier versions of the app now open it read-only. This install records under ${kept ? 'the device id it used before' : 'a new device id'}, "${device}"`,
          fix: kept
            ? 'Nothing needs doing'
            : 'Create the engine with store.device; pass adoptDevice when opening to keep the id the app used before',
        },
      ],
    };
  }
  if (install !== undefined && recorded.install !== undefined && recorded.install !== install) {
    const device = createDeviceId();
    return {
      device,
      install,
      changed: true,
      problems: [
        renewed(
          device,
          'This storage was last opened by another install: it was copied here, or a backup was restored here',
        ),
      ],
    };
  }
  const changed = install !== undefined && recorded.install === undefined;
  return { device: recorded.device, install: install ?? recorded.install, changed, problems: [] };
}
