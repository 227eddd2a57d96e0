import { AttuneEventError, restStartAfter } from '@attune/core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeFoundation, providerFor, testCouple, testEngine } from './test-fixtures.js';
import { useExercise } from './use-exercise.js';

describe('useExercise', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the exercise with its step and status, and records actions for the current partner', () => {
    const engine = testEngine();
    const { result } = renderHook(() => useExercise('what-feels-safe'), {
      wrapper: providerFor(engine, 'kai'),
    });
    expect(result.current).toMatchObject({
      kind: 'reflection',
      exercise: { id: 'what-feels-safe' },
      step: { id: 'safe-space' },
      status: 'available',
      resting: false,
    });
    act(() => {
      result.current?.start();
      result.current?.answer('safe', 'a quiet evening');
      result.current?.complete();
    });
    expect(engine.getEvents().map((event) => [event.type, event.partner])).toEqual([
      ['exercise-started', 'kai'],
      ['answer-recorded', 'kai'],
      ['exercise-completed', 'kai'],
    ]);
    expect(engine.getEvents()[1]?.visibility).toBe('private');
    expect(result.current?.status).toBe('in-progress');
  });

  it('says where the exercise stands, for the couple and each partner', () => {
    const engine = testEngine();
    const { result } = renderHook(() => useExercise('ground-rules'), {
      wrapper: providerFor(engine),
    });
    expect(result.current?.progress.status).toBe('not-started');
    act(() => {
      result.current?.start();
    });
    expect(result.current?.progress).toMatchObject({
      status: 'in-progress',
      partners: { ana: 'in-progress', kai: 'not-started' },
    });
    act(() => {
      result.current?.complete({ together: true });
    });
    expect(result.current?.progress.status).toBe('done');
  });

  it('records a together completion and an answer with the visibility given', () => {
    const engine = testEngine();
    const { result } = renderHook(() => useExercise('ground-rules'), {
      wrapper: providerFor(engine),
    });
    act(() => {
      result.current?.answer('promises', 'we listen first', 'sealed');
      result.current?.complete({ together: true });
    });
    // A sealed answer is recorded with its mark, which is all the other partner's phone receives.
    expect(engine.getEvents().map((event) => [event.type, event.visibility])).toEqual([
      ['answer-recorded', 'sealed'],
      ['answer-sealed', 'shared'],
      ['exercise-completed', 'shared'],
    ]);
    expect(engine.getEvents()[2]?.data).toEqual({ exercise: 'ground-rules', together: true });
  });

  it("passes the engine's error to the caller and records nothing", () => {
    const engine = testEngine();
    const { result } = renderHook(() => useExercise('their-shoes'), {
      wrapper: providerFor(engine),
    });
    expect(result.current?.status).toBe('locked');
    expect(() => result.current?.complete()).toThrow(AttuneEventError);
    expect(engine.getEvents()).toHaveLength(0);
  });

  it('shows an exercise resting once a partner chooses a rest after a risky safety check', () => {
    vi.useFakeTimers();
    vi.setSystemTime(testCouple.startedAt + 60_000);
    const engine = testEngine();
    completeFoundation(engine);
    const { result } = renderHook(() => useExercise('fears-hopes-deck'), {
      wrapper: providerFor(engine),
    });
    expect(result.current?.resting).toBe(false);
    act(() => {
      engine.takeSafetyCheck('kai', 'safety-check', { afraid: true });
      engine.setRest('kai', true);
    });
    // The rest takes effect at the next quarter hour.
    expect(result.current?.resting).toBe(false);
    act(() => {
      vi.setSystemTime(restStartAfter(engine.now()));
      engine.refresh();
    });
    expect(result.current?.resting).toBe(true);
  });

  it('returns undefined for an id the program does not have', () => {
    const { result } = renderHook(() => useExercise('missing'), {
      wrapper: providerFor(testEngine()),
    });
    expect(result.current).toBeUndefined();
  });
});
