import type { Caller, RouteResult } from '../server/route-context.js';
import { isPaired } from '../storage/relay-store.js';

/**
 * `GET /couples/:id`: the couple as the core's `Couple` once both partners joined (`paired`), with
 * the partner the token belongs to. The first partner polls it to learn the other partner's id.
 */
export async function getCouple(caller: Caller): Promise<RouteResult> {
  return {
    status: 200,
    body: { couple: caller.couple, partner: caller.partner, paired: isPaired(caller.couple) },
  };
}
