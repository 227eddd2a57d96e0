import { bindingOf } from '../events/couple-keyring.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';

/**
 * `GET /couples/:id/devices`: what a phone needs to build the couple's keyring — the device each
 * partner paired with (`bindings`, as `DeviceBinding`s), and every introduction since, as it came
 * (`introductions`). A phone checks the bindings against what it learned when pairing, and adds the
 * introductions to its keyring, which verifies each one: nothing here is taken on the relay's word.
 */
export async function getDevices(context: RouteContext, caller: Caller): Promise<RouteResult> {
  const couple = caller.couple.id;
  const keys = await context.store.getSigningKeys(couple);
  return {
    status: 200,
    body: {
      couple,
      bindings: keys
        .filter((key) => key.introduction === undefined)
        .map((key) => bindingOf(couple, key)),
      introductions: keys.flatMap((key) => (key.introduction ? [key.introduction] : [])),
    },
  };
}
