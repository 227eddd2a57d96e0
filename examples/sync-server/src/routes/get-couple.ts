import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';
import { isPaired, type PairingDevice } from '../storage/relay-store.js';

/**
 * The device each partner paired with and its signing key, by partner id; a partner paired before
 * the relay took them is left out. Introduced devices are not here: `GET /couples/:id/devices`.
 */
export async function pairedDevices(
  context: RouteContext,
  couple: string,
): Promise<Record<string, PairingDevice>> {
  const keys = await context.store.getSigningKeys(couple);
  return Object.fromEntries(
    keys
      .filter((key) => key.introduction === undefined)
      .map((key) => [key.partner, { device: key.device, signingKey: key.publicKey }]),
  );
}

/**
 * `GET /couples/:id`: the couple as the core's `Couple` once both partners joined (`paired`), with
 * the partner the token belongs to, the public keys the partners gave (`publicKeys`, by partner id)
 * and the device each paired with and its signing key (`signingKeys`, by partner id). The first
 * partner polls it to learn the other partner's id and keys.
 */
export async function getCouple(context: RouteContext, caller: Caller): Promise<RouteResult> {
  const publicKeys = await context.store.getPublicKeys(caller.couple.id);
  const signingKeys = await pairedDevices(context, caller.couple.id);
  return {
    status: 200,
    body: {
      couple: caller.couple,
      partner: caller.partner,
      paired: isPaired(caller.couple),
      publicKeys,
      signingKeys,
    },
  };
}
