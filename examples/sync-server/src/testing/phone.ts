import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import { createDeviceKeyring, verifyEvents } from '@attune/core/crypto';
import {
  advanceCursor,
  exportEvents,
  importEvents,
  type SyncBatch,
  type SyncCursor,
} from '@attune/core/sync';
import type { PartnerSync } from '../client/create-sync-client.js';

/** One partner's phone in a test: an engine, and push and pull through the server. */
export interface TestPhone {
  readonly engine: Engine;
  /** Uploads this partner's events the other partner has not been sent yet. */
  push(): Promise<void>;
  /** Pulls every page since the last pull, verifies every event's signature, and merges it. */
  pull(): Promise<void>;
}

/**
 * A phone wired as the persistence guide describes, minus storage: the client filters what it
 * uploads with `exportEvents` (and `sync` signs it), verifies what it pulls with `verifyEvents`, and
 * merges it with `importEvents`. Its keyring comes from the server's `GET /couples/:id/devices`: a
 * real phone takes the bindings from pairing instead, and only the introductions from there.
 */
export function createTestPhone(options: {
  readonly couple: Couple;
  readonly partner: string;
  readonly device: string;
  readonly sync: PartnerSync;
  readonly now: () => number;
}): TestPhone {
  const { couple, partner, device, sync } = options;
  const other = couple.partners.find((candidate) => candidate.id !== partner)?.id as string;
  const engine = createEngine({
    program: nineStepProgram,
    couple,
    device,
    now: options.now,
    maxFutureMs: Number.POSITIVE_INFINITY,
  });
  let pushed: SyncCursor = {};
  let since = 0;
  return {
    engine,
    async push() {
      const own = engine.getEvents().filter((event) => event.partner === partner);
      const batch = exportEvents(own, { couple, recipient: other, since: pushed });
      if (batch.events.length === 0) return;
      await sync.upload(batch);
      pushed = advanceCursor(pushed, batch.events);
    },
    async pull() {
      const devices = await sync.devices();
      const keyring = await createDeviceKeyring({ couple: couple.id, bindings: devices.bindings });
      await keyring.addAll(devices.introductions);
      for (;;) {
        const page = await sync.pull(since);
        const checked = await verifyEvents(page.events, keyring);
        if (checked.rejected.length > 0) throw checked.rejected[0]?.error;
        const batch = { ...page, events: checked.verified } as SyncBatch;
        const result = importEvents(engine.getEvents(), batch, { couple, device, self: partner });
        if (result.rejected.length > 0) throw result.rejected[0]?.error;
        engine.receive(result.added);
        since = page.next;
        if (!page.more) return;
      }
    },
  };
}
