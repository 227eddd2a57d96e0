import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { sampleEvents, simulated } from '../storage/fixtures.js';
import { cursorOf } from './cursor.js';
import { createDeviceId } from './device-id.js';
import { exportEvents } from './export-events.js';
import { eventsFor } from './privacy-filter.js';

const { couple } = simulated;

const event = (fields: Partial<LoggedEvent> & { id: string }): LoggedEvent =>
  ({
    partner: 'ana',
    device: fields.id.split(':')[0],
    seq: Number(fields.id.split(':')[1]),
    clock: { wall: 1, counter: 0 },
    type: 'answer-recorded',
    data: { exercise: 'x', prompt: 'p', text: 't' },
    visibility: 'shared',
    ...fields,
  }) as LoggedEvent;

describe('exportEvents', () => {
  it('sends the events a recipient may have and lacks, as a versioned batch', () => {
    const batch = exportEvents(sampleEvents, { couple, recipient: 'kai' });
    expect(batch).toMatchObject({
      format: 'attune-sync',
      version: 1,
      couple: couple.id,
      recipient: 'kai',
    });
    expect(batch.events).toEqual(eventsFor(sampleEvents, 'kai'));
    const since = cursorOf(batch.events.slice(0, 10));
    const rest = exportEvents(sampleEvents, { couple, recipient: 'kai', since });
    expect(rest.events).toEqual(batch.events.slice(10));
  });

  it('refuses a recipient who is not one of the partners', () => {
    expect(() => exportEvents(sampleEvents, { couple, recipient: 'Kai' })).toThrow(
      /"Kai" is not one of this couple's partners\. Export for one of: ana, kai/,
    );
  });
});

describe('eventsFor', () => {
  const history = [
    event({ id: 'a:1', visibility: 'private' }),
    event({ id: 'a:2', visibility: 'private' }),
    event({ id: 'a:3', type: 'entry-shared', data: { entry: 'a:1' } }),
    event({ id: 'k:1', partner: 'kai', type: 'entry-shared', data: { entry: 'a:2' } }),
    event({ id: 'a:4', visibility: 'sealed' }),
    event({
      id: 'a:5',
      type: 'safety-check-taken',
      data: { exercise: 's', answers: { afraid: true } },
      visibility: 'shared',
    }),
    event({ id: 'a:6', type: 'safety-rest', data: { active: true } }),
    event({ id: 'a:7', type: 'from-the-future', data: { x: 1 }, visibility: 'private' }),
    event({ id: 'k:2', partner: 'kai', visibility: 'private' }),
  ];

  it('gives the other partner shared events, and private entries and sealed answers only once their author shared them', () => {
    expect(eventsFor(history, 'kai').map((e) => e.id)).toEqual(['a:1', 'a:3', 'k:1', 'a:6', 'k:2']);
    const revealed = [
      ...history,
      event({ id: 'a:8', type: 'entry-shared', data: { entry: 'a:4' } }),
    ];
    expect(eventsFor(revealed, 'kai').map((e) => e.id)).toEqual([
      'a:1',
      'a:3',
      'k:1',
      'a:4',
      'a:6',
      'k:2',
      'a:8',
    ]);
  });

  it("gives a partner's own devices everything they wrote", () => {
    expect(eventsFor(history, 'ana').map((e) => e.id)).toEqual(
      history.filter((e) => e.id !== 'k:2').map((e) => e.id),
    );
  });
});

describe('createDeviceId', () => {
  it('makes a new random id of 128 bits each time', () => {
    const ids = new Set([...Array(50)].map(() => createDeviceId()));
    expect(ids.size).toBe(50);
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
});
