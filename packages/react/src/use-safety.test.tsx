import { restStartAfter } from '@attune/core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeFoundation, providerFor, testCouple, testEngine } from './test-fixtures.js';
import { useSafety } from './use-safety.js';

describe('useSafety', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a concern only to the partner who took the check, and rests exercises for both once they choose a rest', () => {
    vi.useFakeTimers();
    vi.setSystemTime(testCouple.startedAt + 60_000);
    const engine = testEngine();
    completeFoundation(engine);
    const kai = renderHook(() => useSafety(), { wrapper: providerFor(engine, 'kai') });
    const ana = renderHook(() => useSafety(), { wrapper: providerFor(engine, 'ana') });
    expect(kai.result.current).toMatchObject({ resting: false, ownSafetyConcern: false });
    act(() => {
      kai.result.current.takeCheck('safety-check', { 'feel-safe': false, afraid: true });
    });
    // The check alone rests nothing: Kai chooses the rest, which takes effect at the next quarter hour.
    expect(kai.result.current).toMatchObject({ resting: false, ownSafetyConcern: true });
    expect(ana.result.current).toMatchObject({ resting: false, ownSafetyConcern: false });
    act(() => {
      engine.setRest('kai', true);
    });
    expect(kai.result.current.resting).toBe(false);
    act(() => {
      vi.setSystemTime(restStartAfter(engine.now()));
      engine.refresh();
    });
    expect(kai.result.current).toMatchObject({ resting: true, ownSafetyConcern: true });
    expect(ana.result.current).toMatchObject({ resting: true, ownSafetyConcern: false });
  });

  it('pauses, resumes and leaves for the partner using the screen', () => {
    const engine = testEngine();
    const { result } = renderHook(() => useSafety(), { wrapper: providerFor(engine, 'ana') });
    act(() => {
      result.current.pause();
    });
    expect(result.current.paused).toBe(true);
    act(() => {
      result.current.resume();
    });
    expect(result.current.paused).toBe(false);
    act(() => {
      result.current.leave();
    });
    expect(engine.getSnapshot().left).toEqual(['ana']);
    expect(engine.getEvents().map((event) => [event.type, event.partner])).toEqual([
      ['program-paused', 'ana'],
      ['program-resumed', 'ana'],
      ['partner-left', 'ana'],
    ]);
  });
});
