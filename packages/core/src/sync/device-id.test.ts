import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { manualClock, testCouple } from '../engine/fixtures.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { createDeviceId } from './device-id.js';

describe('createDeviceId', () => {
  it('makes a new random id of 128 bits each time, with the d- prefix', () => {
    const ids = new Set([...Array(200)].map(() => createDeviceId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^d-[0-9a-f]{32}$/);
  });

  it('falls back to the given random source without WebCrypto', () => {
    const crypto = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(createDeviceId(() => 0.5)).toBe(`d-${'80'.repeat(16)}`);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true });
    }
  });

  it('leaves ids of 64 bits that earlier versions made valid in events', () => {
    const old = 'd-3f9c2a7b1e4d8c05';
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: old,
      now: manualClock().now,
    });
    const event = engine.pause('ana');
    expect(event.id).toBe(`${old}:1`);
    const other = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: createDeviceId(),
      now: manualClock().now,
    });
    expect(other.receive([event])).toMatchObject({ added: 1, rejected: [] });
  });
});
