import { AttuneEventError, nineStepProgram, type Step } from '@attune/core';
import { createPluginTestCouple } from '@attune/core/testing';
import { describe, expect, it } from 'vitest';
import { breakCalled, breakResumed, breaksOf } from './breaks.js';
import { callBreak, currentBreak, resumeAfterBreak } from './call-break.js';
import { floodingBreakPlugin, withBreakRule } from './flooding-break-plugin.js';
import { testCouple } from './test-couple.js';

const MINUTE = 60_000;

/** The nine steps with the conflict step open from the start and the break rule in its completion. */
const program = withBreakRule({
  ...nineStepProgram,
  steps: nineStepProgram.steps.map(
    (step): Step => (step.id === 'conflict' ? { ...step, unlock: { kind: 'always' } } : step),
  ),
});

const comeBack = (due: readonly { readonly id: string }[]) =>
  due.filter((intent) => intent.id.startsWith('flooding-break:'));

describe('the flooding-break plugin on both partners’ phones', () => {
  it('shows a break called on one phone on the other once they sync, with its reminder', () => {
    const couple = createPluginTestCouple(floodingBreakPlugin, { program, couple: testCouple });
    const [alex, rin] = couple.partners;
    callBreak(couple.phone(rin), rin, 'soft-start-talk');
    expect(currentBreak(couple.phone(alex))).toBeUndefined();

    couple.sync();
    expect(couple.observed(alex).map(({ event, origin }) => [event.type, origin])).toEqual([
      [breakCalled, 'received'],
    ]);
    expect(currentBreak(couple.phone(alex))).toMatchObject({ calledBy: rin });
    expect(couple.phone(alex).viewFor(alex).suggestion.reasonKey).toBe(
      'flooding-break:suggest.on-break',
    );
    expect(comeBack(couple.phone(alex).viewFor(alex).due)).toHaveLength(1);

    couple.clock.advance(20 * MINUTE);
    resumeAfterBreak(couple.phone(alex), alex, 'soft-start-talk');
    couple.sync();
    expect(currentBreak(couple.phone(rin))).toBeUndefined();
    expect(couple.eventsOf(breakResumed, rin).map((event) => event.partner)).toEqual([alex]);
    expect(comeBack(couple.phone(rin).viewFor(rin).due)).toEqual([]);
    expect(couple.failures()).toEqual([]);
  });

  it('reads a month of breaks from a simulated history, each resumed the next day', () => {
    const couple = createPluginTestCouple(floodingBreakPlugin, {
      program,
      history: {
        days: 28,
        seed: 11,
        behaviour: 'engaged',
        pluginEvents: ({ day, partner }) => {
          if (day % 7 === 5 && partner === 'kai') {
            return [{ type: breakCalled, data: { exercise: 'soft-start-talk', minutes: 30 } }];
          }
          return day % 7 === 6 && partner === 'ana'
            ? [{ type: breakResumed, data: { exercise: 'soft-start-talk' } }]
            : [];
        },
      },
    });
    const breaks = breaksOf((type) => couple.eventsOf(type));
    expect(breaks.map((pause) => [pause.calledBy, pause.resumedAt !== undefined])).toEqual([
      ['kai', true],
      ['kai', true],
      ['kai', true],
      ['kai', true],
    ]);
    expect(currentBreak(couple.phone('ana'))).toBeUndefined();
    expect(couple.failures()).toEqual([]);
  });

  it('refuses a history with a break too short to settle a racing body', () => {
    const tooShort = () =>
      createPluginTestCouple(floodingBreakPlugin, {
        program,
        history: {
          days: 3,
          seed: 1,
          behaviour: 'engaged',
          pluginEvents: ({ day }) =>
            day === 1
              ? [{ type: breakCalled, data: { exercise: 'soft-start-talk', minutes: 5 } }]
              : [],
        },
      });
    expect(tooShort).toThrow(AttuneEventError);
    expect(tooShort).toThrow(/checked by plugin "flooding-break"/);
  });
});
