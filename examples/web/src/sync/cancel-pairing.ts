import type { Couple } from '@attune/core';
import { type PartnerSync, SyncServerError } from '@attune/example-sync-server/client';

/** What came of {@link cancelPairing}. */
export type CancelPairingOutcome =
  /** Pairing can start over: the server forgot the couple and its code, or will let them expire. */
  | { readonly kind: 'start-over' }
  /** The other partner joined just before: the couple is both partners' now, and is kept. */
  | { readonly kind: 'paired'; readonly couple: Couple };

/**
 * Asks the sync server to forget a couple that is still waiting for the other partner, so its code
 * stops working at once, when the partner who created it starts over.
 *
 * Starting over never depends on the server. When the network is away, or the server refuses for
 * another reason (it no longer knows the couple), this phone starts over anyway and leaves the couple
 * on the server until its code expires: pairing again must not wait for a request that cannot get
 * through.
 */
export async function cancelPairing(sync: PartnerSync): Promise<CancelPairingOutcome> {
  try {
    await sync.cancelCouple();
    return { kind: 'start-over' };
  } catch (failure) {
    if (!(failure instanceof SyncServerError) || failure.code !== 'already-paired') {
      return { kind: 'start-over' };
    }
  }
  // The partner typed the code in while this phone was deciding to start over. Leaving now would
  // leave them alone with a couple no other phone holds, so pairing finishes instead.
  try {
    const status = await sync.getCouple();
    if (status.paired) return { kind: 'paired', couple: status.couple as Couple };
  } catch {
    // Out of reach again: start over, as when the cancel itself could not be sent.
  }
  return { kind: 'start-over' };
}
