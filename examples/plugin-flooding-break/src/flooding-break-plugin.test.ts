import {
  AttuneEventError,
  createEngine,
  type Engine,
  nineStepProgram,
  type Step,
  validatePlugins,
} from '@attune/core';
import { describe, expect, it } from 'vitest';
import en from '../locales/en/flooding-break.json' with { type: 'json' };
import es from '../locales/es/flooding-break.json' with { type: 'json' };
import { callBreak, currentBreak, resumeAfterBreak } from './call-break.js';
import { floodingBreakPlugin, withBreakRule } from './flooding-break-plugin.js';
import { testCouple as couple } from './test-couple.js';

const MINUTE = 60_000;

/** The nine steps with the conflict step open from the start and the break rule in its completion. */
const program = withBreakRule({
  ...nineStepProgram,
  steps: nineStepProgram.steps.map(
    (step): Step => (step.id === 'conflict' ? { ...step, unlock: { kind: 'always' } } : step),
  ),
});

function setup() {
  let now = couple.startedAt;
  const engine = createEngine({
    program,
    couple,
    device: 'alex-phone',
    now: () => now,
    plugins: [floodingBreakPlugin],
  });
  const advance = (ms: number) => {
    now += ms;
  };
  return { engine, advance };
}

const breakRule = (engine: Engine) =>
  engine.getSnapshot().steps.find((step) => step.id === 'conflict')?.completion.children?.[1];

/** The leaves of a tree of strings, as dotted paths. */
const leaves = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );

describe('the flooding-break plugin', () => {
  it('registers alongside the nine-step program without a problem', () => {
    expect(validatePlugins([floodingBreakPlugin], program)).toEqual([]);
  });

  it('lets either partner call a break of at least 20 minutes during a conflict exercise', () => {
    const { engine } = setup();
    expect(breakRule(engine)).toMatchObject({
      kind: 'no-break-in-progress',
      holds: true,
      key: 'flooding-break:explain.no-break',
    });
    const called = callBreak(engine, 'rin', 'soft-start-talk');
    expect(called).toMatchObject({
      type: 'flooding-break/called',
      partner: 'rin',
      data: { exercise: 'soft-start-talk', minutes: 20 },
    });
    expect(currentBreak(engine)).toMatchObject({ calledBy: 'rin', exercise: 'soft-start-talk' });
    expect(breakRule(engine)).toEqual({
      kind: 'no-break-in-progress',
      holds: false,
      key: 'flooding-break:explain.on-break',
      params: { exercise: 'soft-start-talk', exerciseKey: 'conflict:soft-start-talk.title' },
    });
    callBreak(engine, 'alex', 'repair-plan', { minutes: 45 });
    expect(currentBreak(engine, 'repair-plan')?.until).toBe(couple.startedAt + 45 * MINUTE);
    // The plugin's own events are kept and folded, and not reported as unknown.
    expect(engine.getSnapshot().diagnostics).toEqual([]);
  });

  it('refuses a break outside conflict work, one shorter than 20 minutes, and a second one', () => {
    const { engine } = setup();
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(AttuneEventError);
        return (error as AttuneEventError).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => callBreak(engine, 'alex', 'dreams-deck'))).toContain(
      '"dreams-deck" is not an exercise of "conflict"',
    );
    expect(refusal(() => callBreak(engine, 'alex', 'soft-start-talk', { minutes: 10 }))).toContain(
      'not 10',
    );
    callBreak(engine, 'alex', 'soft-start-talk');
    expect(refusal(() => callBreak(engine, 'rin', 'soft-start-talk'))).toContain(
      'already in progress',
    );
    expect(callBreak(engine, 'alex', 'dreams-deck', { steps: ['open-communication'] }).type).toBe(
      'flooding-break/called',
    );
  });

  it('resumes the exercise only once the break has lasted its time, with a reminder when it is up', () => {
    const { engine, advance } = setup();
    callBreak(engine, 'alex', 'soft-start-talk');
    const reminder = engine
      .viewFor('rin')
      .due.find((intent) => intent.exercise === 'soft-start-talk');
    expect(reminder).toMatchObject({
      partner: 'rin',
      step: 'conflict',
      state: 'upcoming',
      at: couple.startedAt + 20 * MINUTE,
      localTime: '2026-03-02T18:20',
      timeZone: 'Asia/Tokyo',
      messageKey: 'flooding-break:reminder.come-back',
      params: { exercise: 'soft-start-talk', exerciseKey: 'conflict:soft-start-talk.title' },
    });
    expect(engine.viewFor('alex').suggestion).toEqual({
      exercise: null,
      step: null,
      reasonKey: 'flooding-break:suggest.on-break',
      params: { count: 20 },
    });

    advance(12 * MINUTE);
    expect(() => resumeAfterBreak(engine, 'rin', 'soft-start-talk')).toThrow(
      'has 8 more minute(s) to go',
    );
    advance(8 * MINUTE);
    engine.refresh();
    expect(
      engine.viewFor('alex').due.find((intent) => intent.exercise === 'soft-start-talk')?.state,
    ).toBe('due');
    expect(engine.viewFor('rin').suggestion).toMatchObject({
      exercise: 'soft-start-talk',
      step: 'conflict',
      reasonKey: 'flooding-break:suggest.come-back',
    });

    resumeAfterBreak(engine, 'rin', 'soft-start-talk');
    expect(currentBreak(engine)).toBeUndefined();
    expect(breakRule(engine)?.holds).toBe(true);
    expect(engine.viewFor('rin').due.some((intent) => intent.id.startsWith('flooding-break'))).toBe(
      false,
    );
    expect(engine.viewFor('rin').suggestion.reasonKey).not.toMatch(/^flooding-break/);
    expect(() => resumeAfterBreak(engine, 'rin', 'soft-start-talk')).toThrow('No break');
  });

  it('never reminds or suggests over a pause of the whole program', () => {
    const { engine } = setup();
    callBreak(engine, 'alex', 'soft-start-talk');
    engine.pause('rin');
    expect(engine.viewFor('alex').due).toEqual([]);
    expect(engine.viewFor('alex').suggestion.reasonKey).toBe('common:suggest.rest');
  });

  it('keeps its events on a device without the plugin, reported there as unknown', () => {
    const { engine } = setup();
    callBreak(engine, 'alex', 'soft-start-talk');
    const bare = createEngine({ program, couple, device: 'rin-phone', events: engine.getEvents() });
    expect(bare.getSnapshot().events).toBe(1);
    expect(bare.getSnapshot().diagnostics[0]).toMatchObject({
      code: 'unknown-event-type',
      subject: 'flooding-break/called',
    });
  });

  it('ships every key in English and Spanish, with the same placeholders', () => {
    expect(leaves(es).sort()).toEqual(leaves(en).sort());
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    const at = (tree: object, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
    for (const path of leaves(en)) {
      expect(placeholders(at(es, path) as string)).toEqual(placeholders(at(en, path) as string));
    }
  });
});
