import type { LoggedEvent } from '@attune/core';
import { describe, expect, it } from 'vitest';
import { breakCalled, breakResumed, breaksInProgress, breaksOf } from './breaks.js';

let seq = 0;
const event = (type: string, wall: number, data: unknown, partner = 'ana'): LoggedEvent => {
  seq++;
  return {
    id: `phone:${seq}`,
    partner,
    device: 'phone',
    seq,
    clock: { wall, counter: 0 },
    type,
    data,
    visibility: 'shared',
  };
};

const of = (events: readonly LoggedEvent[]) => (type: string) =>
  events.filter((candidate) => candidate.type === type);

describe('breaksOf', () => {
  it('pairs each call with the next resume of the same exercise, in log order', () => {
    const events = [
      event(breakResumed, 3_000_000, { exercise: 'talk' }, 'kai'),
      event(breakCalled, 1_000, { exercise: 'talk', minutes: 20 }),
      event(breakCalled, 2_000, { exercise: 'plan', minutes: 30 }, 'kai'),
    ];
    expect(breaksOf(of(events))).toEqual([
      {
        exercise: 'talk',
        calledBy: 'ana',
        calledAt: 1_000,
        until: 1_201_000,
        resumedAt: 3_000_000,
      },
      {
        exercise: 'plan',
        calledBy: 'kai',
        calledAt: 2_000,
        until: 1_802_000,
        resumedAt: undefined,
      },
    ]);
    expect(breaksInProgress(of(events)).map((pause) => pause.exercise)).toEqual(['plan']);
  });

  it('skips events that do not fit: no exercise, too short, a second call, a stray resume', () => {
    const events = [
      event(breakResumed, 500, { exercise: 'talk' }),
      event(breakCalled, 1_000, null),
      event(breakCalled, 1_100, { exercise: 'talk', minutes: 5 }),
      event(breakCalled, 1_200, { exercise: 'talk', minutes: '20' }),
      event(breakCalled, 1_300, { exercise: 'talk', minutes: 20 }),
      event(breakCalled, 1_400, { exercise: 'talk', minutes: 40 }, 'kai'),
    ];
    expect(breaksOf(of(events))).toEqual([
      {
        exercise: 'talk',
        calledBy: 'ana',
        calledAt: 1_300,
        until: 1_201_300,
        resumedAt: undefined,
      },
    ]);
  });
});
