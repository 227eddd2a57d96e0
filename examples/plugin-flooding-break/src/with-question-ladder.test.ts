import { createEngine, nineStepProgram, pluginResources, validatePlugins } from '@attune/core';
import { validateProgram } from '@attune/core/validation';
import { nextLadderTurn, questionLadderPlugin } from '@attune/example-plugin-question-ladder';
import { describe, expect, it } from 'vitest';
import { callBreak } from './call-break.js';
import { floodingBreakPlugin, withBreakRule } from './flooding-break-plugin.js';

const couple = {
  id: 'lee-and-mo',
  partners: [
    { id: 'lee', timeZone: 'Europe/London' },
    { id: 'mo', timeZone: 'Africa/Lagos' },
  ],
  startedAt: Date.UTC(2026, 4, 4, 7),
} as const;

describe('an engine with both example plugins', () => {
  const plugins = [questionLadderPlugin, floodingBreakPlugin];
  const program = withBreakRule(nineStepProgram);

  it('registers them together without a problem', () => {
    expect(validatePlugins(plugins, program)).toEqual([]);
  });

  it("passes validateProgram with the plugins' kinds", () => {
    const engine = createEngine({ program, couple, device: 'lee-phone', plugins });
    const result = validateProgram(engine.program, { plugins: engine.plugins });
    expect(result.problems).toEqual([]);
    // Without the plugins, their kinds are unknown.
    expect(validateProgram(engine.program).ok).toBe(false);
  });

  it('runs both: a ladder turn and a break, side by side', () => {
    const engine = createEngine({
      program,
      couple,
      device: 'lee-phone',
      plugins,
      now: () => couple.startedAt,
    });
    expect(nextLadderTurn(engine, 'question-ladder')?.reader).toBe('lee');
    callBreak(engine, 'mo', 'soft-start-talk');
    expect(engine.getSnapshot().diagnostics).toEqual([]);
    expect(engine.viewFor('lee').suggestion.reasonKey).toBe('flooding-break:suggest.on-break');
  });

  it("hands both plugins' words to an app's i18next, English first", () => {
    const source = pluginResources(plugins);
    expect(source.locales).toEqual(['en', 'es']);
    expect(source.namespaces).toEqual(['question-ladder', 'flooding-break']);
  });
});
