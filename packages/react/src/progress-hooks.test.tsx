import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { providerFor, testCouple, testEngine } from './test-fixtures.js';
import { useDue } from './use-due.js';
import { useRhythm } from './use-rhythm.js';
import { useSuggestion } from './use-suggestion.js';

const DAY = 86_400_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(testCouple.startedAt);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useRhythm', () => {
  it('counts weeks with shared practice, and re-renders only when they change', () => {
    const engine = testEngine();
    const onRender = vi.fn();
    const { result } = renderHook(
      () => {
        onRender();
        return useRhythm();
      },
      { wrapper: providerFor(engine) },
    );
    expect(result.current).toEqual({ weeks: 0, recent: 0, paused: false });
    act(() => {
      engine.completeExercise('ana', 'ground-rules', { together: true });
    });
    expect(result.current.weeks).toBe(1);
    const renders = onRender.mock.calls.length;
    act(() => {
      engine.answer('ana', 'what-feels-safe', 'safe', 'tea', 'private');
    });
    expect(onRender).toHaveBeenCalledTimes(renders);
  });
});

describe('useSuggestion and useDue', () => {
  it("give this partner's next step and due rituals, moving on with the engine's clock", () => {
    const engine = testEngine();
    const { result } = renderHook(() => ({ suggestion: useSuggestion(), due: useDue() }), {
      wrapper: providerFor(engine, 'kai'),
    });
    expect(result.current.suggestion).toMatchObject({
      exercise: 'safe-space-basics',
      reasonKey: 'common:suggest.next-in-step',
    });
    const talk = () => result.current.due.find((item) => item.exercise === 'daily-talk');
    expect(talk()).toMatchObject({ state: 'upcoming', timeZone: 'America/New_York' });
    act(() => {
      vi.setSystemTime(testCouple.startedAt + DAY);
      engine.refresh();
    });
    expect(talk()?.state).toBe('due');
    expect(result.current.suggestion).toMatchObject({ reasonKey: 'common:suggest.due' });
  });
});
