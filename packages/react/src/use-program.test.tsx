import { nineStepProgram } from '@attune/core';
import { render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { providerFor, testEngine } from './test-fixtures.js';
import { useProgram } from './use-program.js';
import { useStep } from './use-step.js';

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
  it("renders the nine steps of the engine's program, in order", () => {
    render(<StepIds />, { wrapper: providerFor(testEngine()) });
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(nineStepProgram.steps.map((step) => step.id));
    expect(items).toHaveLength(9);
  });

  it('explains how to fix a hook used outside the provider', () => {
    expect(() => renderHook(() => useProgram())).toThrow(/inside <AttuneProvider engine=/);
  });
});

describe('useStep', () => {
  it('finds a step by id and returns undefined for an unknown one', () => {
    const { result } = renderHook(() => [useStep('empathy'), useStep('missing')] as const, {
      wrapper: providerFor(testEngine()),
    });
    expect(result.current[0]?.id).toBe('empathy');
    expect(result.current[1]).toBeUndefined();
  });
});
