import type { Couple } from '@attune/core';
import {
  type CoupleStatus,
  type PartnerSync,
  SyncServerError,
} from '@attune/example-sync-server/client';
import { describe, expect, it } from 'vitest';
import { cancelPairing } from './cancel-pairing.js';

const couple: Couple = {
  id: 'c-0123456789abcdef',
  partners: [
    { id: 'partner-1', timeZone: 'Europe/Berlin' },
    { id: 'partner-2', timeZone: 'Asia/Tokyo' },
  ],
  startedAt: Date.UTC(2026, 0, 5),
};

const refusal = (status: number, code: string) =>
  new SyncServerError(status, { code, message: `refused: ${code}`, where: 'path', fix: 'none' });

/** The creator's calls on a server that answers as told, and what was asked of it. */
function creatorSync(
  cancel: () => Promise<void>,
  status: () => Promise<CoupleStatus> = async () => ({
    couple,
    partner: 'partner-1',
    paired: true,
    publicKeys: {},
    signingKeys: {},
  }),
) {
  const asked: string[] = [];
  const sync: PartnerSync = {
    async cancelCouple() {
      asked.push('cancel');
      return cancel();
    },
    async getCouple() {
      asked.push('get');
      return status();
    },
    renewCode: () => Promise.reject(new Error('not used here')),
    upload: () => Promise.reject(new Error('not used here')),
    pull: () => Promise.reject(new Error('not used here')),
    introduce: () => Promise.reject(new Error('not used here')),
    devices: () => Promise.reject(new Error('not used here')),
  };
  return { sync, asked };
}

describe('cancelPairing', () => {
  it('asks the server to forget the waiting couple, then starts over', async () => {
    const { sync, asked } = creatorSync(async () => {});
    expect(await cancelPairing(sync)).toEqual({ kind: 'start-over' });
    expect(asked).toEqual(['cancel']);
  });

  it('starts over anyway when the network is away, leaving the code to expire', async () => {
    const { sync } = creatorSync(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await cancelPairing(sync)).toEqual({ kind: 'start-over' });
  });

  it('starts over when the server no longer knows the couple', async () => {
    const { sync, asked } = creatorSync(() => Promise.reject(refusal(401, 'unknown-token')));
    expect(await cancelPairing(sync)).toEqual({ kind: 'start-over' });
    expect(asked).toEqual(['cancel']);
  });

  it('finishes pairing instead when the partner joined just before', async () => {
    const { sync, asked } = creatorSync(() => Promise.reject(refusal(409, 'already-paired')));
    expect(await cancelPairing(sync)).toEqual({ kind: 'paired', couple });
    expect(asked).toEqual(['cancel', 'get']);
  });

  it('starts over when the partner joined but the couple cannot be fetched any more', async () => {
    const { sync } = creatorSync(
      () => Promise.reject(refusal(409, 'already-paired')),
      () => Promise.reject(new TypeError('Failed to fetch')),
    );
    expect(await cancelPairing(sync)).toEqual({ kind: 'start-over' });
  });
});
