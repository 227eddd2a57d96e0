import { nineStepProgram } from '@attune/core';
import { render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AttuneProvider } from './context.js';
import { useProgram, useStep } from './use-program.js';

const wrapper = ({ children }: { children: ReactNode }) => (
  <AttuneProvider program={nineStepProgram}>{children}</AttuneProvider>
);

function StepIds() {
  const program = useProgram();
  return (
    <ol>
      {program.steps.map((step) => (
        <li key={step.id}>{step.id}</li>
      ))}
    </ol>
  );
}

describe('useProgram', () => {
  it('renders the nine steps from the provider, in order', () => {
    render(<StepIds />, { wrapper });
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(nineStepProgram.steps.map((step) => step.id));
    expect(items).toHaveLength(9);
  });

  it('explains how to fix a hook used outside the provider', () => {
    expect(() => renderHook(() => useProgram())).toThrow(/inside <AttuneProvider>/);
  });
});

describe('useStep', () => {
  it('finds a step by id and returns undefined for an unknown one', () => {
    const { result } = renderHook(() => [useStep('empathy'), useStep('missing')] as const, {
      wrapper,
    });
    expect(result.current[0]?.id).toBe('empathy');
    expect(result.current[1]).toBeUndefined();
  });
});
