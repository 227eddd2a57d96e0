import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';
import { isPaired } from '../storage/relay-store.js';

/**
 * `GET /couples/:id`: the couple as the core's `Couple` once both partners joined (`paired`), with
 * the partner the token belongs to and the public keys the partners gave (`publicKeys`, by partner
 * id). The first partner polls it to learn the other partner's id and key.
 */
export async function getCouple(context: RouteContext, caller: Caller): Promise<RouteResult> {
  const publicKeys = await context.store.getPublicKeys(caller.couple.id);
  return {
    status: 200,
    body: {
      couple: caller.couple,
      partner: caller.partner,
      paired: isPaired(caller.couple),
      publicKeys,
    },
  };
}
