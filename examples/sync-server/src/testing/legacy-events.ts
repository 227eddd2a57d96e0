import type { LoggedEvent } from '@attune/core';
import type { RelayStore } from '../storage/relay-store.js';

const FIRST = 'c-0123456789abcdef';
const SECOND = 'c-00000000000000ff';

const event = (partner: string, device: string, seq: number): LoggedEvent =>
  ({
    id: `${device}:${seq}`,
    partner,
    device,
    seq,
    clock: { wall: Date.UTC(2026, 0, 5, 9) + seq, counter: 0 },
    type: 'exercise-completed',
    data: { exercise: 'safe-space-basics', together: false },
    visibility: 'shared',
  }) as LoggedEvent;

async function pairedCouple(store: RelayStore, id: string, second: string): Promise<void> {
  await store.createCouple({
    id,
    startedAt: 0,
    first: { id: 'ana', timeZone: 'UTC' },
    codeHash: `code-${id}`,
    codeExpiresAt: 1_000,
    tokenHash: `token-${id}`,
    now: 0,
  });
  await store.joinCouple({
    codeHash: `code-${id}`,
    second: { id: second, timeZone: 'UTC' },
    tokenHash: `token-${id}-${second}`,
    now: 1,
  });
}

/**
 * Stores what a relay from before device bindings could hold: events inserted as they came, with
 * no device claimed, among them one of Ana's under a device Kai used first, a device id with a
 * colon in it, and another couple using the same device id.
 */
export async function storeBeforeBindings(store: RelayStore): Promise<void> {
  await pairedCouple(store, FIRST, 'kai');
  await pairedCouple(store, SECOND, 'sam');
  await store.writeEvents(FIRST, (tx) =>
    tx.insert([
      event('kai', 'kai-phone', 1),
      event('ana', 'ana-phone', 1),
      event('ana', 'kai-phone', 2),
      event('ana', 'd:x', 1),
      event('kai', 'kai-phone', 3),
    ]),
  );
  await store.writeEvents(SECOND, (tx) => tx.insert([event('sam', 'kai-phone', 1)]));
}

/** The bindings the migration makes of what {@link storeBeforeBindings} stored. */
export const bindingsBeforeBindings: readonly {
  couple_id: string;
  device_id: string;
  partner: string;
}[] = [
  { couple_id: SECOND, device_id: 'kai-phone', partner: 'sam' },
  { couple_id: FIRST, device_id: 'ana-phone', partner: 'ana' },
  { couple_id: FIRST, device_id: 'd:x', partner: 'ana' },
  { couple_id: FIRST, device_id: 'kai-phone', partner: 'kai' },
];
