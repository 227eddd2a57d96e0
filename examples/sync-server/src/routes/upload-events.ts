import { checkDevices } from '../events/check-devices.js';
import { checkUpload, refusal } from '../events/check-upload.js';
import { coupleKeyring, verifyUpload } from '../events/couple-keyring.js';
import { erasureCutoffOf, isCoveredByErasure } from '../events/erasures.js';
import { mergeUpload } from '../events/merge-upload.js';
import { readBatch } from '../events/read-batch.js';
import { readableTypeOf } from '../events/relay-event.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';
import { requirePaired } from './require-paired.js';

/**
 * `POST /couples/:id/events` with a sync batch for the other partner: verifies every event's
 * signature with the couple's keyring first (each must be signed by a device bound to the partner
 * it names, over exactly what it holds), then checks every event and stores the new ones with their
 * signatures, all in one transaction, so a refused upload leaves storage as it was. Every device
 * an event names is bound to the sender if no one used it before; an event of a device bound to the
 * other partner refuses the whole upload, so no upload stores, replaces or erases an event of the
 * other partner's devices. A signed-off erasure request, sent plain, also deletes the sender's
 * stored events it covers (`isCoveredByErasure`): the relay must not keep what a partner erased.
 */
export async function uploadEvents(
  context: RouteContext,
  caller: Caller,
  body: unknown,
): Promise<RouteResult> {
  const couple = requirePaired(caller);
  const sender = caller.partner;
  const values = readBatch(body, couple, sender);
  // Outside the transaction: the keys only ever grow, and verifying holds no lock.
  await verifyUpload(values, await coupleKeyring(context.store, couple.id, sender));
  const result = await context.store.writeEvents(couple.id, async (transaction) => {
    const shares = await transaction.ofType('entry-shared');
    const checked = checkUpload(values, {
      couple,
      sender,
      storedShares: shares.map((stored) => stored.event),
    });
    // Inside the transaction: a refusal below rolls the claims back with everything else.
    const owners = await transaction.claimDevices(
      checked.map(({ event }) => event.device),
      sender,
    );
    const foreign = checkDevices(checked, owners, sender);
    if (foreign.length > 0) throw refusal(foreign, values.length);

    const events = checked.map(({ event }) => event);
    const stored = await transaction.find(events.map((event) => event.id));
    const erasures = (await transaction.ofType('erasure-requested')).map((item) => item.event);
    const plan = mergeUpload(events, stored, erasures, sender);

    const remove = new Set(plan.remove);
    const requests = plan.insert.filter((event) => readableTypeOf(event) === 'erasure-requested');
    let removedByErasure = 0;
    if (requests.length > 0) {
      const cutoff = erasureCutoffOf([...erasures, ...requests], sender);
      for (const { event } of await transaction.ofPartner(sender)) {
        if (isCoveredByErasure(event, sender, cutoff) && !remove.has(event.id)) {
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
