import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { providerFor, testEngine } from './test-fixtures.js';
import { useCheckIn } from './use-check-in.js';

describe('useCheckIn', () => {
  it("records this partner's scores and shows trends with divergence", () => {
    const engine = testEngine();
    const { result } = renderHook(() => useCheckIn('weekly-check-in'), {
      wrapper: providerFor(engine, 'kai'),
    });
    expect(result.current.trends?.dimensions.every((d) => d.points.length === 0)).toBe(true);
    act(() => {
      result.current.record({ closeness: 1 });
      engine.recordCheckIn('ana', 'weekly-check-in', { closeness: 5 });
    });
    const closeness = result.current.trends?.dimensions.find((d) => d.dimension === 'closeness');
    expect(closeness).toMatchObject({ latest: { ana: 5, kai: 1 }, diverging: true });
    expect(engine.getEvents()[0]?.partner).toBe('kai');
  });
});
