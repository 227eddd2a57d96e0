import type { LoggedEvent } from '../events/types.js';
import { canonicalJson } from './canonical-json.js';

export { canonicalJson };

/**
 * Of two different events that claim the same id — which only happens when two devices used one
 * device id, as after restoring a backup — the one every device keeps: the one whose canonical JSON
 * sorts first. Any fixed rule would do; this one needs nothing but the two events, so every device
 * decides the same way whichever copy it saw first.
 */
export function keptVersion(a: LoggedEvent, b: LoggedEvent): LoggedEvent {
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}
