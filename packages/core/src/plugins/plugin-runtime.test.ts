import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { manualClock, testCouple } from '../engine/fixtures.js';
import type { EngineOptions } from '../engine/types.js';
import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Step } from '../program/types.js';
import { definePlugin, defineRuleKind } from './define-plugin.js';
import { echoPlugin, echoStep } from './fixtures.js';
import type { AttunePlugin } from './types.js';

const MINUTE = 60_000;

function setup(plugins: readonly AttunePlugin[], options: Partial<EngineOptions> = {}) {
  const clock = manualClock();
  const engine = createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'phone-1',
    now: clock.now,
    plugins,
    ...options,
  });
  return { engine, clock };
}

const echoes = (engine: ReturnType<typeof setup>['engine']) =>
  engine.getSnapshot().steps.find((step) => step.id === 'echoes');

/** Both partners answer both prompts of the echo exercise. */
function answerAll(engine: ReturnType<typeof setup>['engine']) {
  for (const prompt of ['first', 'second']) {
    engine.answer('ana', 'echo-one', prompt, 'I noticed you');
    engine.answer('kai', 'echo-one', prompt, 'I hear you');
  }
}

/** A plugin whose every part throws. */
const throwing = definePlugin({
  contract: 1,
  name: 'throwing',
  ruleKinds: [
    defineRuleKind({
      kind: 'always-throws',
      explanationKeys: [],
      evaluate: () => {
        throw new Error('rule broke');
      },
    }),
  ],
  steps: [
    {
      ...echoStep,
      id: 'shaky',
      exercises: [],
      completion: { kind: 'always-throws' } as unknown as Step['completion'],
    },
  ],
  observe: () => {
    throw new Error('observer broke');
  },
  suggest: () => {
    throw new Error('strategy broke');
  },
  reminders: () => {
    throw new Error('reminders broke');
  },
});

describe('an engine without plugins', () => {
  it('runs the program it was given, as it is, and records no plugin event', () => {
    const { engine } = setup([]);
    expect(engine.program).toBe(nineStepProgram);
    expect(engine.plugins).toEqual([]);
    expect(() => engine.recordPluginEvent('ana', 'echo/bell', {})).toThrow(AttuneEventError);
  });
});

describe('an engine with plugins', () => {
  it("adds the plugins' steps after the program's own, filling in their kinds' defaults", () => {
    const bare = {
      ...echoStep,
      exercises: echoStep.exercises.map(({ visibility: _, ...rest }) => rest),
    } as unknown as Step;
    const { engine } = setup([{ ...echoPlugin, steps: [bare] }]);
    expect(engine.program.steps.map((step) => step.id)).toEqual([
      ...nineStepProgram.steps.map((step) => step.id),
      'echoes',
    ]);
    expect(engine.program.steps.at(-1)?.exercises[0]?.visibility).toBe('sealed');
    // A default never overrides what the exercise says.
    expect(setup([echoPlugin]).engine.program.steps.at(-1)?.exercises[0]?.visibility).toBe(
      'shared',
    );
  });

  it('runs on the whole program a plugin gives', () => {
    const program = { ...nineStepProgram, id: 'short', steps: nineStepProgram.steps.slice(0, 2) };
    const { engine } = setup([definePlugin({ contract: 1, name: 'short', program })]);
    expect(engine.program.id).toBe('short');
    expect(engine.getSnapshot().steps).toHaveLength(2);
  });

  it("evaluates a plugin's rule kind and explains it, from the plugin's own events", () => {
    const { engine } = setup([echoPlugin]);
    expect(echoes(engine)?.completion.children?.[1]).toEqual({
      kind: 'bell-rung',
      holds: false,
      key: 'echo:explain.bell',
      params: { count: 1 },
      progress: { done: 0, needed: 1, holds: false },
    });
    const event = engine.recordPluginEvent('kai', 'echo/bell', { loud: true });
    expect(event).toMatchObject({ type: 'echo/bell', partner: 'kai', visibility: 'shared' });
    expect(event.data).toEqual({ loud: true });
    expect(echoes(engine)?.completion.children?.[1]?.holds).toBe(true);
    expect(echoes(engine)?.percent).toBe(50);
  });

  it('keeps events of the plugins types without reporting them, and reports other unknown ones', () => {
    const { engine } = setup([echoPlugin]);
    engine.recordPluginEvent('ana', 'echo/bell', {});
    const stranger = {
      id: 'phone-2:1',
      partner: 'kai',
      device: 'phone-2',
      seq: 1,
      clock: { wall: testCouple.startedAt, counter: 0 },
      type: 'comet-seen',
      data: {},
      visibility: 'shared',
    };
    expect(engine.receive([stranger]).added).toBe(1);
    expect(engine.getSnapshot().events).toBe(2);
    expect(engine.getSnapshot().diagnostics.map((diagnostic) => diagnostic.subject)).toEqual([
      'comet-seen',
    ]);
    expect(() => engine.recordPluginEvent('ana', 'comet-seen', {})).toThrow(
      /No plugin of this engine declares the event type "comet-seen"/,
    );
  });

  it('recognises completion from answers, at the same time whatever order they arrive in', () => {
    const { engine, clock } = setup([echoPlugin]);
    engine.answer('ana', 'echo-one', 'first', 'a');
    engine.answer('kai', 'echo-one', 'first', 'b');
    engine.answer('ana', 'echo-one', 'second', 'c');
    expect(echoes(engine)?.completion.children?.[0]?.holds).toBe(false);
    clock.advance(MINUTE);
    engine.answer('kai', 'echo-one', 'second', 'd');
    engine.recordPluginEvent('ana', 'echo/bell', {});
    expect(echoes(engine)?.status).toBe('completed');
    expect(echoes(engine)?.contributions).toEqual({
      ana: { done: 1, total: 1 },
      kai: { done: 1, total: 1 },
    });

    // Another device receives the same events one by one, newest first.
    const other = setup([echoPlugin]).engine;
    for (const event of [...engine.getEvents()].reverse()) other.receive([event]);
    const { version: _a, ...seenHere } = engine.getSnapshot();
    const { version: _b, ...seenThere } = other.getSnapshot();
    expect(seenThere).toEqual(seenHere);
  });

  it('starts a new run after a recognised completion', () => {
    const { engine } = setup([echoPlugin]);
    answerAll(engine);
    answerAll(engine);
    engine.answer('ana', 'echo-one', 'first', 'once more');
    const done = engine.getSnapshot().steps.at(-1)?.completion.children?.[0];
    expect(done?.progress).toEqual({ done: 1, needed: 1, holds: true });
    expect(engine.viewFor('ana').suggestion.exercise).not.toBe('echo-one');
  });

  it('counts a recognised completion toward the rhythm, as practice done together', () => {
    const { engine, clock } = setup([echoPlugin]);
    expect(engine.getSnapshot().rhythm.weeks).toBe(0);
    // Answers alone are not practice; completing the echo by answering is.
    engine.answer('ana', 'echo-one', 'first', 'I noticed you');
    expect(engine.getSnapshot().rhythm.weeks).toBe(0);
    answerAll(engine);
    expect(engine.getSnapshot().rhythm).toMatchObject({ weeks: 1, recent: 1 });
    clock.advance(7 * 24 * 60 * MINUTE);
    answerAll(engine);
    expect(engine.getSnapshot().rhythm).toMatchObject({ weeks: 2, recent: 2 });
  });

  it('shows observers each new event, frozen, once folded, and never a safety check', () => {
    const seen: { event: LoggedEvent; origin: string; events: number; mutable: boolean }[] = [];
    const observer = definePlugin({
      contract: 1,
      name: 'observer',
      observe(event, { origin }) {
        let mutable = true;
        try {
          (event as { type: string }).type = 'rewritten';
        } catch {
          mutable = false;
        }
        seen.push({ event, origin, events: engine.getSnapshot().events, mutable });
      },
    });
    const start = setup([]).engine;
    start.completeExercise('ana', 'safe-space-basics');
    const { engine } = setup([observer], { events: start.getEvents() });
    expect(seen).toEqual([]);

    const recorded = engine.completeExercise('kai', 'safe-space-basics');
    engine.takeSafetyCheck('kai', 'safety-check', {
      'feel-safe': true,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    });
    const elsewhere = setup([]).engine;
    elsewhere.completeExercise('ana', 'what-feels-safe');
    engine.receive(
      elsewhere
        .getEvents()
        .map((event) => ({ ...event, device: 'phone-9', id: `phone-9:${event.seq}` })),
    );

    expect(
      seen.map(({ event, origin, events, mutable }) => [event.type, origin, events, mutable]),
    ).toEqual([
      ['exercise-completed', 'recorded', 2, false],
      ['exercise-completed', 'received', 4, false],
    ]);
    expect(seen[0]?.event).toEqual(recorded);
    expect(seen[0]?.event).not.toBe(recorded);
    expect(engine.getEvents()[1]?.type).toBe('exercise-completed');
  });

  it('keeps working when a plugin throws, and reports it once with the plugin name', async () => {
    const { engine } = setup([throwing]);
    let notified = 0;
    engine.subscribe(() => {
      notified++;
    });
    engine.completeExercise('ana', 'safe-space-basics');
    engine.completeExercise('kai', 'safe-space-basics');
    const view = engine.viewFor('ana');
    expect(view.suggestion.reasonKey).toBe('common:suggest.next-in-step');
    expect(view.due.length).toBeGreaterThan(0);
    await Promise.resolve();
    const failures = engine.getSnapshot().diagnostics;
    expect(failures.map((failure) => [failure.code, failure.subject])).toEqual([
      ['plugin-failed', 'throwing'],
      ['plugin-failed', 'throwing'],
      ['plugin-failed', 'throwing'],
      ['plugin-failed', 'throwing'],
    ]);
    expect(failures.map((failure) => failure.message)).toEqual([
      'Plugin "throwing" failed in its rule kind "always-throws": rule broke. The engine went on without it; update or remove the plugin.',
      expect.stringContaining('in its event observer: observer broke'),
      expect.stringContaining('in its reminders: reminders broke'),
      expect.stringContaining('in its suggestion strategy: strategy broke'),
    ]);
    expect(engine.getSnapshot().steps.find((step) => step.id === 'shaky')?.completion).toEqual({
      kind: 'always-throws',
      holds: false,
      key: 'common:explain.unknown',
      params: { kind: 'always-throws' },
    });
    // Two completions, and the failures found while the view was built.
    expect(notified).toBe(3);
  });

  it("lets a plugin suggest, but never over a partner's own safety concern, a pause or a resting exercise", () => {
    const suggesting = definePlugin({
      ...echoPlugin,
      suggest: ({ partner, suggestion }) =>
        partner === 'ana'
          ? { exercise: 'echo-one', step: 'echoes', reasonKey: 'echo:reminder', params: {} }
          : { ...suggestion, reasonKey: `${suggestion.reasonKey}!` },
    });
    const { engine, clock } = setup([suggesting]);
    expect(engine.viewFor('ana').suggestion).toEqual({
      exercise: 'echo-one',
      step: 'echoes',
      reasonKey: 'echo:reminder',
      params: {},
    });
    expect(engine.viewFor('kai').suggestion.reasonKey).toBe('common:suggest.next-in-step!');

    engine.pause('kai');
    expect(engine.viewFor('ana').suggestion.reasonKey).toBe('common:suggest.rest');
    engine.resume('kai');

    engine.takeSafetyCheck('kai', 'safety-check', {
      'feel-safe': false,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    });
    // Kai's own concern brings help forward at once.
    expect(engine.viewFor('kai').suggestion.reasonKey).toBe('safety:result.risk.help');
    // Echo needs safety: once Kai's chosen rest takes effect, it rests for both.
    clock.set(engine.setRest('kai', true).clock.wall);
    engine.refresh();
    expect(engine.viewFor('ana').suggestion.exercise).not.toBe('echo-one');
    expect(engine.viewFor('kai').suggestion.reasonKey).toBe('safety:result.risk.help');
  });

  it("adds plugins' reminders in the partner's time zone, but none while paused or resting", () => {
    const reminding = definePlugin({
      ...echoPlugin,
      reminders: ({ now, reminder, due, partner }) => [
        reminder({
          id: `bell:${partner}`,
          exercise: 'echo-one',
          at: now + 20 * MINUTE,
          messageKey: 'echo:reminder',
        }),
        ...(due.length > 0
          ? []
          : [reminder({ id: 'never', exercise: 'echo-one', at: 0, messageKey: 'echo:reminder' })]),
      ],
    });
    const { engine, clock } = setup([reminding]);
    const bell = engine.viewFor('kai').due.find((intent) => intent.id === 'bell:kai');
    expect(bell).toEqual({
      id: 'bell:kai',
      partner: 'kai',
      exercise: 'echo-one',
      step: 'echoes',
      state: 'upcoming',
      at: testCouple.startedAt + 20 * MINUTE,
      localTime: '2026-01-05T03:20',
      timeZone: 'America/New_York',
      messageKey: 'echo:reminder',
      params: {},
    });
    const due = engine.viewFor('kai').due;
    expect(due.map((intent) => intent.at)).toEqual(
      [...due.map((intent) => intent.at)].sort((a, b) => a - b),
    );

    engine.pause('ana');
    expect(engine.viewFor('kai').due).toEqual([]);
    engine.resume('ana');
    engine.takeSafetyCheck('ana', 'safety-check', {
      'feel-safe': false,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    });
    clock.set(engine.setRest('ana', true).clock.wall);
    engine.refresh();
    expect(engine.viewFor('kai').due.some((intent) => intent.id === 'bell:kai')).toBe(false);
  });

  it('belongs to one engine: another engine never sees its plugins', () => {
    setup([echoPlugin]);
    const { engine } = setup([]);
    expect(engine.program.steps.some((step) => step.id === 'echoes')).toBe(false);
    expect(() => engine.recordPluginEvent('ana', 'echo/bell', {})).toThrow(AttuneEventError);
  });
});

describe('a plugin’s check of its own events’ data', () => {
  /** Chimes carry a volume from 1 to 3; the plugin says so itself. */
  const chimes = definePlugin({
    contract: 1,
    name: 'chimes',
    eventTypes: ['chimes/rung'],
    checkEventData: (_type, data) => {
      const volume = (data as { volume?: unknown } | null)?.volume;
      return typeof volume === 'number' && volume >= 1 && volume <= 3
        ? []
        : [{ path: 'volume', message: 'The volume should be 1, 2 or 3.', fix: 'Ring softer.' }];
    },
  });

  const fromAnotherDevice = (seq: number, data: unknown) => ({
    id: `phone-2:${seq}`,
    partner: 'kai',
    device: 'phone-2',
    seq,
    clock: { wall: Date.UTC(2026, 0, 5, 9, seq), counter: 0 },
    type: 'chimes/rung',
    data,
    visibility: 'shared',
  });

  it('refuses a recorded event the plugin finds wrong, naming the field, and keeps the log', () => {
    const { engine } = setup([chimes]);
    engine.recordPluginEvent('ana', 'chimes/rung', { volume: 2 });
    let refusal: unknown;
    try {
      engine.recordPluginEvent('ana', 'chimes/rung', { volume: 11 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AttuneEventError);
    expect(refusal).toMatchObject({ code: 'malformed', field: 'data.volume', fix: 'Ring softer.' });
    expect((refusal as Error).message).toContain('plugin "chimes"');
    expect(engine.getEvents()).toHaveLength(1);
  });

  it('refuses, one by one, events from another device that the plugin finds wrong', () => {
    const { engine } = setup([chimes]);
    const result = engine.receive([fromAnotherDevice(1, { volume: 1 }), fromAnotherDevice(2, {})]);
    expect(result.added).toBe(1);
    expect(result.rejected).toEqual([
      { index: 1, error: expect.objectContaining({ field: 'data.volume' }) },
    ]);
    expect(engine.getEvents().map((event) => event.id)).toEqual(['phone-2:1']);
  });

  it('checks events to start from unless they come from the engine’s own storage', () => {
    const events = [fromAnotherDevice(1, { volume: 9 })];
    expect(() => setup([chimes], { events })).toThrow(AttuneEventError);
    expect(setup([chimes], { events, trusted: true }).engine.getEvents()).toHaveLength(1);
  });

  it('takes the event and reports the plugin when its check throws', () => {
    const broken = definePlugin({
      contract: 1,
      name: 'broken-chimes',
      eventTypes: ['broken-chimes/rung'],
      checkEventData: () => {
        throw new Error('no volume knob');
      },
    });
    const { engine } = setup([broken]);
    engine.recordPluginEvent('ana', 'broken-chimes/rung', { volume: 2 });
    expect(engine.getEvents()).toHaveLength(1);
    expect(engine.getSnapshot().diagnostics).toContainEqual(
      expect.objectContaining({ code: 'plugin-failed', subject: 'broken-chimes' }),
    );
  });
});

describe('a plugin kind whose completion counts events', () => {
  /** A bell practice is done once each partner rang the bell of that practice after the answer. */
  const bells = definePlugin({
    contract: 1,
    name: 'bells',
    eventTypes: ['bells/rung'],
    exerciseKinds: [
      {
        kind: 'bell-practice',
        completionEvents: ['bells/rung'],
        completedWhen: (exercise, answers) =>
          answers.answeredBy('why').length > 0 &&
          answers.partners.every((partner) =>
            answers
              .eventsOf('bells/rung')
              .some(
                (event) =>
                  event.partner === partner &&
                  (event.data as { exercise?: unknown }).exercise === exercise.id,
              ),
          ),
      },
    ],
    steps: [
      {
        ...echoStep,
        id: 'bell-step',
        exercises: [{ ...echoStep.exercises[0], id: 'bell-one', kind: 'bell-practice' }],
        completion: { kind: 'exercise-done', exercise: 'bell-one', by: 'both-together' },
      } as unknown as Step,
    ],
  });
  const ring = (engine: ReturnType<typeof setup>['engine'], partner: string) =>
    engine.recordPluginEvent(partner, 'bells/rung', { exercise: 'bell-one' });
  const done = (engine: ReturnType<typeof setup>['engine']) =>
    engine.getSnapshot().steps.find((step) => step.id === 'bell-step')?.completion.progress;

  it('recognises a completion at the event that completes the run, whatever order they arrive in', () => {
    const { engine, clock } = setup([bells]);
    ring(engine, 'ana');
    engine.answer('kai', 'bell-one', 'why', 'to listen');
    expect(done(engine)?.done).toBe(0);
    clock.advance(MINUTE);
    const last = ring(engine, 'kai');
    expect(done(engine)).toEqual({ done: 1, needed: 1, holds: true });
    // A new run: its own events only.
    ring(engine, 'ana');
    ring(engine, 'kai');
    expect(done(engine)?.done).toBe(1);

    const other = setup([bells]).engine;
    for (const event of [...engine.getEvents()].reverse()) other.receive([event]);
    expect(done(other)).toEqual(done(engine));
    expect(other.getSnapshot().rhythm).toEqual(engine.getSnapshot().rhythm);
    expect(last.clock.wall).toBe(testCouple.startedAt + MINUTE);
  });
});

describe("a plugin's upgrade of its events' data", () => {
  const seen: unknown[] = [];
  /** Version 2 of the chimes plugin: version 1 recorded `{ vol }`, version 2 records `{ v: 2, volume }`. */
  const chimes = definePlugin({
    contract: 1,
    name: 'chimes',
    eventTypes: ['chimes/rung'],
    upgradeEventData: (_type, data) => {
      const { v, vol } = data as { v?: number; vol?: number };
      if (vol === -1) throw new Error('cracked bell');
      return v === undefined ? { v: 2, volume: vol } : data;
    },
    checkEventData: (_type, data) =>
      typeof (data as { volume?: unknown }).volume === 'number'
        ? []
        : [{ path: 'volume', message: 'No volume.', fix: 'Ring it.' }],
    ruleKinds: [
      defineRuleKind({
        kind: 'loud-enough',
        explanationKeys: [],
        evaluate: (_rule, context) => ({
          holds: context
            .eventsOf('chimes/rung')
            .some((event) => ((event.data as { volume?: number }).volume ?? 0) >= 2),
          key: 'common:explain.always',
        }),
      }),
    ],
    steps: [
      {
        ...echoStep,
        id: 'chime-step',
        exercises: [],
        completion: { kind: 'loud-enough' },
      } as unknown as Step,
    ],
    observe: (event) => {
      if (event.type === 'chimes/rung') seen.push(event.data);
    },
  });
  const fromVersionOne = (seq: number, data: unknown) => ({
    id: `phone-2:${seq}`,
    partner: 'kai',
    device: 'phone-2',
    seq,
    clock: { wall: Date.UTC(2026, 0, 5, 9, seq), counter: 0 },
    type: 'chimes/rung',
    data,
    visibility: 'shared',
  });

  it('lets the plugin read old events in its own shape, and keeps them in the log as recorded', () => {
    const { engine } = setup([chimes]);
    expect(engine.receive([fromVersionOne(1, { vol: 3 })]).rejected).toEqual([]);
    expect(seen).toEqual([{ v: 2, volume: 3 }]);
    expect(engine.getEvents()[0]?.data).toEqual({ vol: 3 });
    const step = engine.getSnapshot().steps.find((candidate) => candidate.id === 'chime-step');
    expect(step?.status).toBe('completed');
  });

  it('uses the data as recorded, and reports the plugin, when the upgrade throws', () => {
    const { engine } = setup([chimes]);
    const result = engine.receive([fromVersionOne(1, { vol: -1 })]);
    // Unupgraded, the data has no volume, so the plugin's own check refuses it.
    expect(result.rejected[0]?.error).toMatchObject({ field: 'data.volume' });
    expect(engine.getSnapshot().diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'plugin-failed',
        subject: 'chimes',
        message: expect.stringContaining('upgradeEventData for "chimes/rung": cracked bell'),
      }),
    );
  });
});
