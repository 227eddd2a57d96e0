import { type Couple, createEngine, nineStepProgram } from '@attune/core';
import { createDeviceId, type SyncBatch } from '@attune/core/sync';
import type { PartnerSync, RelayEvent } from '@attune/example-sync-server/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairedSigning } from './memory-relay.js';
import { type SyncState, startRelaySync } from './relay-sync.js';

const couple: Couple = {
  id: 'couple-1',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5),
};

/** A server that keeps what is uploaded and has nothing to hand out. */
function uploadsOnly(uploads: SyncBatch<RelayEvent>[]): PartnerSync {
  return {
    getCouple: async () => ({
      couple,
      partner: 'ana',
      paired: true,
      publicKeys: {},
      signingKeys: {},
    }),
    introduce: async (introduction) => ({
      couple: couple.id,
      partner: introduction.partner,
      device: introduction.device,
      added: true,
    }),
    devices: async () => ({ couple: couple.id, bindings: [], introductions: [] }),
    renewCode: async () => {
      throw new Error('paired');
    },
    cancelCouple: async () => {
      throw new Error('paired');
    },
    async upload(batch) {
      uploads.push(batch);
      return { stored: batch.events.length, duplicates: 0, erased: 0, conflicts: [] };
    },
    pull: async (since = 0) => ({
      format: 'attune-sync',
      version: 1,
      couple: couple.id,
      recipient: 'ana',
      events: [],
      next: since,
      more: false,
    }),
  };
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('startRelaySync and device identity', () => {
  it('sends nothing the phone has not stored yet', async () => {
    const device = createDeviceId();
    const { stores } = await pairedSigning(couple, { ana: device, kai: 'kai-phone' });
    const engine = createEngine({
      program: nineStepProgram,
      couple,
      device,
      now: () => Date.UTC(2026, 0, 6),
    });
    engine.completeExercise('ana', 'safe-space-basics');
    const uploads: SyncBatch<RelayEvent>[] = [];
    let store = () => {};
    const stored = new Promise<void>((resolve) => {
      store = resolve;
    });
    const states: SyncState[] = [];
    const settled = new Promise<void>((resolve) => {
      const stop = startRelaySync({
        engine,
        couple,
        self: 'ana',
        signing: stores.ana,
        device,
        sync: uploadsOnly(uploads),
        saved: () => stored,
        pollMs: 60_000,
        onHistoryReplaced: () => {},
        onState: (state) => {
          states.push(state);
          if (state.status === 'syncing') return;
          stop();
          resolve();
        },
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(uploads).toEqual([]);
    store();
    await settled;
    expect(states.at(-1)?.status).toBe('synced');
    expect(uploads.flatMap((upload) => upload.events.map((event) => event.id))).toEqual([
      `${device}:1`,
    ]);
  });
});
