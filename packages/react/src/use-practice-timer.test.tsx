import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { providerFor, testCouple, testEngine } from './test-fixtures.js';
import { usePracticeTimer } from './use-practice-timer.js';

// 'just-validate': two rounds of share (120 s), validate (60 s) and thank (30 s), speaker then listener.
const practice = 'just-validate';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(testCouple.startedAt);
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(partner = 'ana') {
  return renderHook(() => usePracticeTimer(practice), {
    wrapper: providerFor(testEngine(), partner),
  });
}

const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

describe('usePracticeTimer', () => {
  it('waits at the first phase until started, then counts down on the engine clock', () => {
    const { result } = setup();
    expect(result.current).toMatchObject({
      state: 'idle',
      round: 0,
      phase: { id: 'share' },
      secondsLeft: 120,
    });
    seconds(10);
    expect(result.current?.secondsLeft).toBe(120);
    act(() => result.current?.start());
    expect(result.current?.state).toBe('running');
    seconds(1);
    expect(result.current?.secondsLeft).toBe(119);
    seconds(119);
    expect(result.current).toMatchObject({ phase: { id: 'validate' }, secondsLeft: 60 });
  });

  it('swaps roles between rounds, for each partner', () => {
    const ana = setup('ana');
    const kai = setup('kai');
    expect(ana.result.current?.role.id).toBe('speaker');
    expect(kai.result.current?.role.id).toBe('listener');
    expect(ana.result.current?.roles).toEqual({
      ana: expect.objectContaining({ id: 'speaker' }),
      kai: expect.objectContaining({ id: 'listener' }),
    });
    act(() => ana.result.current?.start());
    seconds(210);
    expect(ana.result.current).toMatchObject({
      round: 1,
      phase: { id: 'share' },
      secondsLeft: 120,
    });
    expect(ana.result.current?.role.id).toBe('listener');
  });

  it('stands still while paused and goes on from the same moment', () => {
    const { result } = setup();
    act(() => result.current?.start());
    seconds(30);
    act(() => result.current?.pause());
    expect(result.current).toMatchObject({ state: 'paused', secondsLeft: 90 });
    seconds(500);
    expect(result.current?.secondsLeft).toBe(90);
    act(() => result.current?.pause());
    expect(result.current?.secondsLeft).toBe(90);
    act(() => result.current?.resume());
    seconds(10);
    expect(result.current).toMatchObject({ state: 'running', secondsLeft: 80 });
    act(() => result.current?.resume());
    expect(result.current?.secondsLeft).toBe(80);
  });

  it('ends after the last phase of the last round, stops ticking, and resets', () => {
    const { result } = setup();
    act(() => result.current?.start());
    seconds(2 * 210 + 5);
    expect(result.current).toMatchObject({
      state: 'done',
      round: 1,
      phase: { id: 'thank' },
      secondsLeft: 0,
    });
    expect(vi.getTimerCount()).toBe(0);
    act(() => result.current?.reset());
    expect(result.current).toMatchObject({ state: 'idle', round: 0, secondsLeft: 120 });
  });

  it('returns undefined for an exercise that is not a guided practice', () => {
    const { result } = renderHook(() => usePracticeTimer('dreams-deck'), {
      wrapper: providerFor(testEngine()),
    });
    expect(result.current).toBeUndefined();
  });
});
