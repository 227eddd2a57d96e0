import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttuneEvent, AttuneEventType, LoggedEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Exercise, Program, Step, Visibility } from '../program/types.js';
import type { Rule } from '../rules/types.js';
import { testCouple } from '../testing/test-couple.js';
import { computeProgress, type ProgressInput, safetyConcernOf } from './compute.js';
import { createFacts, type Facts, foldEvent } from './facts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = testCouple.startedAt;

let seq = 0;
function event<T extends AttuneEventType>(
  partner: string,
  wall: number,
  type: T,
  data: Extract<AttuneEvent, { type: T }>['data'],
  visibility: Visibility = 'shared',
): LoggedEvent {
  seq++;
  return {
    id: `${partner}-phone:${seq}`,
    partner,
    device: `${partner}-phone`,
    seq,
    clock: { wall, counter: 0 },
    type,
    data,
    visibility,
  };
}

const done = (partner: string, exercise: string, together = false, wall = START + HOUR) =>
  event(partner, wall, 'exercise-completed', { exercise, together });
const started = (partner: string, exercise: string) =>
  event(partner, START + HOUR, 'exercise-started', { exercise, together: false });
const checkedIn = (partner: string, scores: Record<string, number>, exercise = 'weekly-check-in') =>
  event(partner, START + 2 * HOUR, 'check-in-recorded', { exercise, scores });
const safetyCheck = (partner: string, answers: Record<string, boolean>, wall = START + HOUR) =>
  event(partner, wall, 'safety-check-taken', { exercise: 'safety-check', answers }, 'private');

/** Both foundation steps, completed by both partners: steps 3, 4, 6 and 7 open. */
const foundation = (): LoggedEvent[] => [
  ...['ana', 'kai'].flatMap((partner) => [
    done(partner, 'safe-space-basics'),
    done(partner, 'what-feels-safe'),
    checkedIn(partner, { closeness: 4 }),
  ]),
  done('ana', 'ground-rules', true),
  done('kai', 'dreams-deck', true),
  done('ana', 'daily-talk', true),
  done('kai', 'daily-talk', true),
  done('ana', 'daily-talk', true),
];

function factsFor(program: Program, events: readonly LoggedEvent[]): Facts {
  const facts = createFacts();
  const context = {
    timeZones: new Map(testCouple.partners.map((partner) => [partner.id, partner.timeZone])),
    exercises: new Set(program.steps.flatMap((step) => step.exercises.map((e) => e.id))),
  };
  for (const each of events) foldEvent(facts, each, context);
  return facts;
}

function progressOf(
  events: readonly LoggedEvent[],
  options: Partial<ProgressInput> = {},
): ReturnType<typeof computeProgress> {
  const program = options.program ?? nineStepProgram;
  return computeProgress(factsFor(program, events), {
    program,
    couple: testCouple,
    now: START + DAY,
    divergenceThreshold: 2,
    ...options,
  });
}

const stepOf = (progress: ReturnType<typeof computeProgress>, id: string) =>
  progress.steps.find((step) => step.id === id);
const statuses = (progress: ReturnType<typeof computeProgress>) =>
  Object.fromEntries(progress.steps.map((step) => [step.id, step.status]));

// A tiny program, for what the nine steps do not show.
const learn = (id: string, needsSafety = false): Exercise => ({
  id,
  kind: 'learn',
  titleKey: `tiny:${id}.title`,
  whyKey: `tiny:${id}.why`,
  howKey: `tiny:${id}.how`,
  ifHardKey: `tiny:${id}.if-hard`,
  mode: 'solo',
  minutes: 5,
  visibility: 'shared',
  needsSafety,
  sections: [],
});
const tinyStep = (id: string, unlock: Rule, completion: Rule): Step => ({
  id,
  titleKey: `tiny:${id}.title`,
  summaryKey: `tiny:${id}.summary`,
  whyKey: `tiny:${id}.why`,
  exercises: [learn(`${id}-read`)],
  unlock,
  completion,
});
const tinyProgram = (steps: readonly Step[], alwaysOpen: readonly string[] = []): Program => ({
  schemaVersion: 1,
  id: 'tiny',
  version: '1.0.0',
  titleKey: 'tiny:title',
  steps,
  alwaysOpen,
});
const always: Rule = { kind: 'always' };
const never: Rule = { kind: 'not', rule: always };

describe('computeProgress', () => {
  describe('step status', () => {
    it('opens the foundation steps and help from the start, and locks the rest', () => {
      expect(statuses(progressOf([]))).toEqual({
        'safe-space': 'available',
        'open-communication': 'available',
        empathy: 'locked',
        appreciation: 'locked',
        vulnerability: 'locked',
        'active-listening': 'locked',
        'quality-time': 'locked',
        conflict: 'locked',
        'professional-help': 'available',
      });
    });

    it('is in progress once a partner started or did an exercise of an open step', () => {
      expect(stepOf(progressOf([started('kai', 'safe-space-basics')]), 'safe-space')?.status).toBe(
        'in-progress',
      );
      expect(stepOf(progressOf([done('ana', 'daily-talk')]), 'open-communication')?.status).toBe(
        'in-progress',
      );
    });

    it('stays locked when a partner started an exercise of a locked step', () => {
      expect(stepOf(progressOf([started('ana', 'their-shoes')]), 'empathy')?.status).toBe('locked');
    });

    it('completes a step once its rule holds, and opens the steps waiting on it', () => {
      const progress = progressOf(foundation());
      expect(statuses(progress)).toEqual({
        'safe-space': 'completed',
        'open-communication': 'completed',
        empathy: 'available',
        appreciation: 'available',
        vulnerability: 'locked',
        'active-listening': 'available',
        'quality-time': 'available',
        conflict: 'locked',
        'professional-help': 'available',
      });
      expect(stepOf(progress, 'safe-space')?.percent).toBe(100);
    });

    it('explains why a step is locked', () => {
      const vulnerability = stepOf(progressOf(foundation()), 'vulnerability');
      expect(vulnerability?.unlock.holds).toBe(false);
      expect(
        vulnerability?.unlock.children?.map((child) => [
          child.params.step ?? child.kind,
          child.holds,
        ]),
      ).toEqual([
        ['safe-space', true],
        ['open-communication', true],
        ['empathy', false],
        ['safety-clear', true],
      ]);
    });

    it('keeps an always-open step open whatever its unlock rule says', () => {
      const program = tinyProgram([tinyStep('help', never, never)], ['help']);
      const help = stepOf(progressOf([], { program }), 'help');
      expect(help?.status).toBe('available');
      expect(help?.unlock).toEqual({
        kind: 'always',
        holds: true,
        key: 'common:explain.always',
        params: {},
      });
    });
  });

  it('moves at the slower partner’s pace, counting together completions for both', () => {
    const progress = progressOf([
      done('ana', 'safe-space-basics'),
      done('ana', 'what-feels-safe'),
      done('ana', 'ground-rules', true),
    ]);
    const safeSpace = stepOf(progress, 'safe-space');
    // Each of the two solo exercises is half done, the together one done: (½ + ½ + 1) / 3.
    expect(safeSpace?.percent).toBe(67);
    expect(safeSpace?.contributions).toEqual({
      ana: { done: 3, total: 5 },
      kai: { done: 1, total: 5 },
    });
  });

  describe('resting', () => {
    const vulnerableExercises = ['fears-hopes-deck', 'sealed-answers', 'share-and-hold'];

    it('rests the exercises that need safety while a rest is in force, and says nothing else', () => {
      const progress = progressOf([
        ...foundation(),
        event('kai', START + 3 * HOUR, 'safety-rest', { active: true }),
      ]);
      expect(progress.resting).toBe(true);
      expect(stepOf(progress, 'vulnerability')?.resting).toEqual([
        ...vulnerableExercises,
        'trust-check-in',
      ]);
      expect(stepOf(progress, 'conflict')?.resting).toEqual([
        'soft-start-prep',
        'soft-start-talk',
        'flooding-break',
        'repair-plan',
      ]);
      expect(stepOf(progress, 'professional-help')?.resting).toEqual(['counselor-plan']);
      expect(stepOf(progress, 'safe-space')?.resting).toEqual([]);
      expect(stepOf(progress, 'vulnerability')?.unlock.children?.[3]).toEqual({
        kind: 'safety-clear',
        holds: false,
        key: 'common:explain.safety-clear',
        params: {},
      });
    });

    it('wakes them when the latest rest event ends the rest', () => {
      const progress = progressOf([
        event('kai', START + 3 * HOUR, 'safety-rest', { active: true }),
        event('kai', START + 4 * HOUR, 'safety-rest', { active: false }),
      ]);
      expect(progress.resting).toBe(false);
      expect(progress.steps.flatMap((step) => step.resting)).toEqual([]);
    });

    it('never rests them for a safety check alone: the partner chooses', () => {
      const progress = progressOf([...foundation(), safetyCheck('kai', { afraid: true })]);
      expect(progress.resting).toBe(false);
      expect(progress.steps.flatMap((step) => step.resting)).toEqual([]);
    });

    it("rests while either partner's own rest is on: one partner's wake never ends the other's", () => {
      // Ana rests while Kai is offline; Kai rests, then wakes his own: Ana's rest holds.
      const anas = event('ana', START + HOUR, 'safety-rest', { active: true });
      const kais = event('kai', START + 2 * HOUR, 'safety-rest', { active: true });
      const kaiWakes = event('kai', START + 3 * HOUR, 'safety-rest', { active: false });
      expect(progressOf([anas, kais, kaiWakes]).resting).toBe(true);
      expect(progressOf([kaiWakes, kais, anas]).resting).toBe(true);
      expect(progressOf([kais, kaiWakes]).resting).toBe(false);
      const anaWakes = event('ana', START + 4 * HOUR, 'safety-rest', { active: false });
      expect(progressOf([anas, kais, anaWakes]).resting).toBe(true);
      expect(progressOf([anas, kais, kaiWakes, anaWakes]).resting).toBe(false);
    });

    it('takes a rest into effect when its clock comes, not before', () => {
      const rest = event('kai', START + 2 * HOUR, 'safety-rest', { active: true });
      const wake = event('kai', START + 5 * HOUR, 'safety-rest', { active: false });
      const at = (now: number) => progressOf([rest, wake], { now }).resting;
      expect([at(START + HOUR), at(START + 2 * HOUR), at(START + 5 * HOUR - 1)]).toEqual([
        false,
        true,
        true,
      ]);
      expect(at(START + 5 * HOUR)).toBe(false);
    });
  });

  it('counts days since the start by the calendar of the partner who is furthest behind', () => {
    const program = tinyProgram([
      tinyStep('later', { kind: 'days-since-start', atLeast: 1 }, never),
    ]);
    // 00:00 UTC on the second day: 01:00 in Berlin, still the first evening in New York.
    const midnight = Date.UTC(2026, 0, 6, 0);
    const early = stepOf(progressOf([], { program, now: midnight }), 'later');
    expect(early?.unlock.progress).toEqual({ done: 0, needed: 1, holds: false });
    expect(early?.status).toBe('locked');
    const later = stepOf(progressOf([], { program, now: Date.UTC(2026, 0, 6, 5) }), 'later');
    expect(later?.status).toBe('available');
  });

  it('does not complete a step that waits on itself, or on a step waiting on it', () => {
    const program = tinyProgram([
      tinyStep('self', always, { kind: 'step-completed', step: 'self' }),
      tinyStep('a', always, { kind: 'step-completed', step: 'b' }),
      tinyStep('b', always, { kind: 'step-completed', step: 'a' }),
      tinyStep('orphan', always, { kind: 'step-completed', step: 'no-such-step' }),
    ]);
    const progress = progressOf([], { program });
    expect(statuses(progress)).toEqual({
      self: 'available',
      a: 'available',
      b: 'available',
      orphan: 'available',
    });
    // Not by overflowing the stack and reporting a failed rule.
    expect(progress.diagnostics).toEqual([]);
  });

  it('reports a rule that throws, and treats it as not holding', () => {
    const program = tinyProgram([
      tinyStep('moon', { kind: 'moon-phase' } as unknown as Rule, never),
      tinyStep('tide', always, { kind: 'tide' } as unknown as Rule),
    ]);
    const progress = progressOf([], {
      program,
      evaluateCustom: (rule) => {
        if (rule.kind === 'tide') throw 'out';
        throw new Error('no moon tonight');
      },
    });
    expect(stepOf(progress, 'moon')?.status).toBe('locked');
    expect(stepOf(progress, 'moon')?.unlock).toEqual({
      kind: 'moon-phase',
      holds: false,
      key: 'common:explain.unknown',
      params: { kind: 'moon-phase' },
    });
    expect(progress.diagnostics).toEqual([
      {
        code: 'rule-failed',
        subject: 'moon.unlock',
        message: 'The rule at moon.unlock failed: no moon tonight',
      },
      {
        code: 'rule-failed',
        subject: 'tide.completion',
        message: 'The rule at tide.completion failed: out',
      },
    ]);
  });

  it('lets a plugin evaluate its own rule kinds', () => {
    const program = tinyProgram([
      tinyStep('moon', { kind: 'moon-phase' } as unknown as Rule, never),
    ]);
    const progress = progressOf([], {
      program,
      evaluateCustom: (rule) => ({ kind: rule.kind, holds: true, key: 'moon:full', params: {} }),
    });
    expect(stepOf(progress, 'moon')?.status).toBe('available');
    expect(progress.diagnostics).toEqual([]);
  });

  it('reports events of unknown types and exercises the program does not have', () => {
    const future = { ...done('ana', 'daily-talk'), type: 'hug-sent' } as LoggedEvent;
    const progress = progressOf([
      future,
      { ...future, id: 'x', seq: 999 },
      done('kai', 'moon-walk'),
    ]);
    expect(progress.diagnostics).toEqual([
      {
        code: 'unknown-event-type',
        subject: 'hug-sent',
        message:
          '2 event(s) of type "hug-sent", unknown to this version, are kept but not counted.',
      },
      {
        code: 'unknown-exercise',
        subject: 'moon-walk',
        message:
          'Events refer to exercise "moon-walk", which the program does not have; they are kept.',
      },
    ]);
  });

  it('reports each event the fold skipped, as kept but not counted, and why', () => {
    const far = { ...done('kai', 'daily-talk'), clock: { wall: 9e15, counter: 0 } };
    const shapeless = { ...done('ana', 'daily-talk'), data: null } as unknown as LoggedEvent;
    const progress = progressOf([done('ana', 'safe-space-basics'), far, shapeless]);
    expect(stepOf(progress, 'safe-space')?.contributions.kai?.done).toBe(0);
    expect(progress.diagnostics).toEqual([
      {
        code: 'event-skipped',
        subject: far.id,
        message: `Event "${far.id}" is kept but not counted: its clock (9000000000000000) is out of range.`,
      },
      {
        code: 'event-skipped',
        subject: shapeless.id,
        message: expect.stringMatching(
          new RegExp(`^Event "${shapeless.id}" is kept but not counted: .+\\.$`),
        ),
      },
    ]);
  });

  it('skips, and reports, stored check-ins and safety checks whose scores or answers are not objects', () => {
    const noScores = { ...checkedIn('kai', {}), data: { exercise: 'weekly-check-in' } };
    const noAnswers = { ...safetyCheck('kai', {}), data: { exercise: 'safety-check', answers: 1 } };
    const progress = progressOf([noScores, noAnswers] as LoggedEvent[]);
    expect(progress.resting).toBe(false);
    expect(progress.diagnostics.map(({ code, message }) => [code, message])).toEqual([
      [
        'event-skipped',
        `Event "${noScores.id}" is kept but not counted: its scores are not an object.`,
      ],
      [
        'event-skipped',
        `Event "${noAnswers.id}" is kept but not counted: its answers are not an object.`,
      ],
    ]);
  });

  it('gives trends of every check-in, diverging at the threshold it is given', () => {
    const events = [checkedIn('ana', { closeness: 5 }), checkedIn('kai', { closeness: 3 })];
    const diverging = (threshold: number) =>
      progressOf(events, { divergenceThreshold: threshold })
        .checkIns.find((trends) => trends.exercise === 'weekly-check-in')
        ?.dimensions.find((dimension) => dimension.dimension === 'closeness')?.diverging;
    expect(progressOf(events).checkIns.map((trends) => trends.exercise)).toEqual([
      'weekly-check-in',
      'trust-check-in',
    ]);
    expect(diverging(2)).toBe(true);
    expect(diverging(3)).toBe(false);
  });

  it('says when the program is paused, and freezes the rhythm with it', () => {
    const progress = progressOf([
      done('ana', 'daily-talk', true),
      event('kai', START + 2 * HOUR, 'program-paused', {}),
    ]);
    expect(progress.paused).toBe(true);
    // The week of the pause is skipped when looking at recent weeks, though they practised in it.
    expect(progress.rhythm).toEqual({ weeks: 1, recent: 0, paused: true });
  });
});

describe('safetyConcernOf', () => {
  const concern = (events: readonly LoggedEvent[], partner: string) =>
    safetyConcernOf(factsFor(nineStepProgram, events), nineStepProgram, partner);

  it('signals risk when any answer of the partner’s latest check is the risky one', () => {
    expect(concern([safetyCheck('ana', { afraid: true })], 'ana')).toBe(true);
    // For this question, "no" is the risky answer.
    expect(concern([safetyCheck('ana', { 'feel-safe': false })], 'ana')).toBe(true);
    expect(
      concern(
        [
          event(
            'ana',
            START,
            'safety-check-taken',
            { exercise: 'safety-recheck', answers: { controlled: true } },
            'private',
          ),
        ],
        'ana',
      ),
    ).toBe(true);
  });

  it('signals nothing for safe or missing answers, or before any check', () => {
    expect(concern([], 'ana')).toBe(false);
    expect(concern([safetyCheck('ana', { afraid: false, 'feel-safe': true })], 'ana')).toBe(false);
    expect(concern([safetyCheck('ana', {})], 'ana')).toBe(false);
  });

  it('looks only at that partner’s own latest check', () => {
    const events = [
      safetyCheck('kai', { afraid: true }),
      safetyCheck('ana', { afraid: true }, START),
      safetyCheck('ana', { afraid: false }, START + DAY),
    ];
    expect(concern(events, 'kai')).toBe(true);
    expect(concern(events, 'ana')).toBe(false);
  });

  it('ignores a check naming an exercise that is not a safety check', () => {
    const notACheck = (exercise: string) =>
      event('ana', START, 'safety-check-taken', { exercise, answers: { afraid: true } }, 'private');
    expect(concern([notACheck('daily-talk')], 'ana')).toBe(false);
    expect(concern([notACheck('no-such-check')], 'ana')).toBe(false);
  });
});

describe('progress of any log', () => {
  const exercises = nineStepProgram.steps.flatMap((step) => step.exercises.map((e) => e.id));
  const spec = fc.record({
    partner: fc.constantFrom('ana', 'kai'),
    device: fc.constantFrom('phone', 'tablet'),
    wall: fc.integer({ min: START - DAY, max: START + 40 * DAY }),
    counter: fc.nat(2),
    payload: fc.oneof(
      fc.record({
        type: fc.constantFrom('exercise-completed', 'exercise-started'),
        data: fc.record({
          exercise: fc.constantFrom(...exercises, 'moon-walk'),
          together: fc.boolean(),
        }),
      }),
      fc.record({
        type: fc.constant('check-in-recorded'),
        data: fc.record({
          exercise: fc.constantFrom('weekly-check-in', 'trust-check-in'),
          scores: fc.dictionary(
            fc.constantFrom('closeness', 'trust'),
            fc.integer({ min: 0, max: 6 }),
          ),
        }),
      }),
      fc.record({
        type: fc.constant('safety-check-taken'),
        data: fc.record({
          exercise: fc.constant('safety-check'),
          answers: fc.record({ afraid: fc.boolean() }),
        }),
      }),
      fc.record({ type: fc.constant('safety-rest'), data: fc.record({ active: fc.boolean() }) }),
      fc.record({
        type: fc.constantFrom('program-paused', 'program-resumed', 'hug-sent'),
        data: fc.constant({}),
      }),
    ),
  });
  const log = fc.array(spec, { maxLength: 60 }).map((specs) =>
    specs.map(
      (s, i): LoggedEvent => ({
        id: `${s.partner}-${s.device}:${i + 1}`,
        partner: s.partner,
        device: `${s.partner}-${s.device}`,
        seq: i + 1,
        clock: { wall: s.wall, counter: s.counter },
        type: s.payload.type,
        data: s.payload.data,
        visibility: 'shared',
      }),
    ),
  );

  it('is the same whatever order the events were folded in', () => {
    fc.assert(
      fc.property(
        log.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([events, shuffled]) => {
          expect(progressOf(shuffled, { now: START + 41 * DAY })).toEqual(
            progressOf(events, { now: START + 41 * DAY }),
          );
        },
      ),
      { numRuns: 150, seed: 20_260_105 },
    );
  });

  it('always completes a step exactly when its completion rule holds, and locks only closed steps', () => {
    fc.assert(
      fc.property(log, (events) => {
        for (const step of progressOf(events, { now: START + 41 * DAY }).steps) {
          expect(step.status === 'completed').toBe(step.completion.holds);
          if (step.status === 'locked') expect(step.unlock.holds).toBe(false);
          expect(step.percent === 100).toBe(step.completion.holds);
        }
      }),
      { numRuns: 150, seed: 20_260_106 },
    );
  });
});
