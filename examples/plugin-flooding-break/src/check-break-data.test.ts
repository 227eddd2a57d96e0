import { createEngine, nineStepProgram } from '@attune/core';
import { describe, expect, it } from 'vitest';
import { breakCalled, breakResumed } from './breaks.js';
import { checkBreakData } from './check-break-data.js';
import { floodingBreakPlugin } from './flooding-break-plugin.js';
import { testCouple as couple } from './test-couple.js';

/** A break event as Rin's phone would send it. */
const fromRin = (seq: number, type: string, data: unknown) => ({
  id: `rin-phone:${seq}`,
  partner: 'rin',
  device: 'rin-phone',
  seq,
  clock: { wall: couple.startedAt + seq * 60_000, counter: 0 },
  type,
  data,
  visibility: 'shared',
});

describe('checkBreakData', () => {
  it('takes breaks as callBreak and resumeAfterBreak record them, and fields a newer version adds', () => {
    expect(checkBreakData(breakCalled, { exercise: 'soft-start', minutes: 20 })).toEqual([]);
    expect(
      checkBreakData(breakCalled, { exercise: 'soft-start', minutes: 90, mood: 'calm' }),
    ).toEqual([]);
    expect(checkBreakData(breakResumed, { exercise: 'soft-start' })).toEqual([]);
  });

  it('names each field at fault', () => {
    expect(checkBreakData(breakCalled, { minutes: 5 }).map((problem) => problem.path)).toEqual([
      'exercise',
      'minutes',
    ]);
    expect(checkBreakData(breakCalled, { exercise: 'soft-start', minutes: 20.5 })[0]?.path).toBe(
      'minutes',
    );
    expect(checkBreakData(breakResumed, null)[0]?.path).toBe('');
  });

  it('makes an engine refuse a break from the other phone too short to settle a racing body', () => {
    const engine = createEngine({
      program: nineStepProgram,
      couple,
      device: 'alex-phone',
      now: () => couple.startedAt + 3_600_000,
      plugins: [floodingBreakPlugin],
    });
    const result = engine.receive([
      fromRin(1, breakCalled, { exercise: 'soft-start', minutes: 5 }),
      fromRin(2, breakResumed, { exercise: 'soft-start' }),
    ]);
    expect(result.added).toBe(1);
    expect(result.rejected[0]?.error).toMatchObject({ field: 'data.minutes' });
  });
});
