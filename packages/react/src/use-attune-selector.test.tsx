import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { shallowEqual } from './shallow-equal.js';
import { completeFoundation, providerFor, testEngine } from './test-fixtures.js';
import { useAttuneSelector } from './use-attune-selector.js';
import { usePartnerView } from './use-partner-view.js';
import { useStepProgress } from './use-step-progress.js';
import { useStepStatus } from './use-step-status.js';
import { useSteps } from './use-steps.js';

function EmpathyStatus({ onRender }: { onRender: () => void }) {
  onRender();
  return <p>{useStepStatus('empathy')}</p>;
}

describe('useStepStatus', () => {
  it('re-renders only when its step changes status, not for other steps or private writing', () => {
    const engine = testEngine();
    const onRender = vi.fn();
    render(<EmpathyStatus onRender={onRender} />, { wrapper: providerFor(engine) });
    expect(screen.getByText('locked')).toBeTruthy();
    expect(onRender).toHaveBeenCalledTimes(1);

    act(() => {
      // Another step moves on, and a private answer changes only what the partners' views hold.
      engine.completeExercise('ana', 'safe-space-basics');
      engine.answer('kai', 'what-feels-safe', 'safe', 'a quiet evening', 'private');
    });
    expect(onRender).toHaveBeenCalledTimes(1);

    act(() => completeFoundation(engine));
    expect(screen.getByText('available')).toBeTruthy();
    expect(onRender).toHaveBeenCalledTimes(2);
  });
});

describe('useAttuneSelector', () => {
  it('keeps an equal selection by the given equality, so nothing re-renders', () => {
    const engine = testEngine();
    const onRender = vi.fn();
    renderHook(
      () => {
        onRender();
        return useAttuneSelector((s) => [s.paused, s.resting], shallowEqual);
      },
      { wrapper: providerFor(engine) },
    );
    act(() => {
      engine.completeExercise('ana', 'safe-space-basics');
    });
    expect(onRender).toHaveBeenCalledTimes(1);
    act(() => {
      engine.pause('ana');
    });
    expect(onRender).toHaveBeenCalledTimes(2);
  });

  it('re-renders for a new selection by Object.is when no equality is given', () => {
    const engine = testEngine();
    const { result } = renderHook(() => useAttuneSelector((s) => s.events), {
      wrapper: providerFor(engine),
    });
    expect(result.current).toBe(0);
    act(() => {
      engine.completeExercise('ana', 'safe-space-basics');
    });
    expect(result.current).toBe(1);
  });
});

describe('useSteps and useStepProgress', () => {
  it('give every step with status, percent and explanations, and one step by id', () => {
    const engine = testEngine();
    const { result } = renderHook(
      () => ({ steps: useSteps(), safeSpace: useStepProgress('safe-space') }),
      { wrapper: providerFor(engine) },
    );
    expect(result.current.steps.map((step) => step.status)).toContain('locked');
    act(() => {
      engine.completeExercise('ana', 'safe-space-basics');
    });
    expect(result.current.safeSpace).toMatchObject({ status: 'in-progress', percent: 17 });
    expect(result.current.safeSpace?.completion.children?.[0]?.partners?.ana?.holds).toBe(true);
    expect(result.current.steps[0]).toBe(result.current.safeSpace);
  });
});

describe('usePartnerView', () => {
  it("applies visibility: the other partner's private answer never reaches this view", () => {
    const engine = testEngine();
    const onRender = vi.fn();
    const { result } = renderHook(
      () => {
        onRender();
        return usePartnerView((view) => view.entries.length);
      },
      { wrapper: providerFor(engine, 'ana') },
    );
    act(() => {
      engine.answer('kai', 'what-feels-safe', 'safe', 'only mine', 'private');
    });
    expect(result.current).toBe(0);
    expect(onRender).toHaveBeenCalledTimes(1);
    act(() => {
      engine.answer('kai', 'what-feels-safe', 'shut-down', 'ours', 'shared');
    });
    expect(result.current).toBe(1);
  });

  it('follows the partner using the screen when the phone is passed over', () => {
    const engine = testEngine();
    engine.answer('kai', 'what-feels-safe', 'safe', 'only mine', 'private');
    let partner = 'ana';
    const { result, rerender } = renderHook(() => usePartnerView(), {
      wrapper: ({ children }) => providerFor(engine, partner)({ children }),
    });
    expect(result.current.partner).toBe('ana');
    expect(result.current.entries).toHaveLength(0);
    partner = 'kai';
    rerender();
    expect(result.current.partner).toBe('kai');
    expect(result.current.entries).toHaveLength(1);
  });
});
