import { checkUpload } from '../events/check-upload.js';
import { erasureCutoffsOf, isCoveredByErasure } from '../events/erasures.js';
import { mergeUpload } from '../events/merge-upload.js';
import { readBatch } from '../events/read-batch.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';
import { requirePaired } from './require-paired.js';

/**
 * `POST /couples/:id/events` with a sync batch for the other partner: checks every event and stores
 * the new ones, all in one transaction, so a refused upload leaves storage as it was. A signed-off
 * erasure request also deletes the stored events it covers: the relay must not keep what a partner
 * erased.
 */
export async function uploadEvents(
  context: RouteContext,
  caller: Caller,
  body: unknown,
): Promise<RouteResult> {
  const couple = requirePaired(caller);
  const values = readBatch(body, couple, caller.partner);
  const result = await context.store.writeEvents(couple.id, async (transaction) => {
    const shares = await transaction.ofType('entry-shared');
    const events = checkUpload(values, {
      couple,
      sender: caller.partner,
      storedShares: shares.map((stored) => stored.event),
    });
    const stored = await transaction.find(events.map((event) => event.id));
    const erasures = (await transaction.ofType('erasure-requested')).map((item) => item.event);
    const plan = mergeUpload(events, stored, erasures);

    const remove = new Set(plan.remove);
    const requests = plan.insert.filter((event) => event.type === 'erasure-requested');
    let removedByErasure = 0;
    if (requests.length > 0) {
      const cutoffs = erasureCutoffsOf([...erasures, ...requests]);
      for (const { event } of await transaction.ofPartner(caller.partner)) {
        if (isCoveredByErasure(event, cutoffs) && !remove.has(event.id)) {
          remove.add(event.id);
          removedByErasure++;
        }
      }
    }
    await transaction.remove([...remove]);
    await transaction.insert(plan.insert);
    return { ...plan, removedByErasure };
  });
  return {
    status: 200,
    body: {
      stored: result.insert.length,
      duplicates: result.duplicates,
      erased: result.erased + result.removedByErasure,
      conflicts: result.conflicts,
      ...(result.conflicts.length > 0 && {
        fix: 'Another device uploaded different events under this device id: take a new one with createDeviceId(), and record again what lost (kept: "stored")',
      }),
    },
  };
}
