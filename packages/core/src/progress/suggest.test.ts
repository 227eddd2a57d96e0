import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttuneEvent, AttuneEventType, LoggedEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Exercise, Program, Visibility } from '../program/types.js';
import { testCouple } from '../testing/test-couple.js';
import { computeProgress, safetyConcernOf } from './compute.js';
import { computeDue } from './due.js';
import { createFacts, foldEvent } from './facts.js';
import { type SuggestInput, suggestNext } from './suggest.js';

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
const checkedIn = (partner: string, scores: Record<string, number>, wall = START + 2 * HOUR) =>
  event(partner, wall, 'check-in-recorded', { exercise: 'weekly-check-in', scores });
const riskyCheck = (partner: string) =>
  event(
    partner,
    START + HOUR,
    'safety-check-taken',
    { exercise: 'safety-check', answers: { afraid: true } },
    'private',
  );

/** Both foundation steps, completed by both partners, with check-in scores of 4. */
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

/** The suggestion for a partner, from the same inputs the engine gives it. */
function suggestFor(
  partner: string,
  events: readonly LoggedEvent[],
  now = START + 3 * HOUR,
  program: Program = nineStepProgram,
): ReturnType<typeof suggestNext> {
  const facts = createFacts();
  const context = {
    timeZones: new Map(testCouple.partners.map((p) => [p.id, p.timeZone])),
    exercises: new Set(program.steps.flatMap((step) => step.exercises.map((e) => e.id))),
  };
  for (const each of events) foldEvent(facts, each, context);
  const progress = computeProgress(facts, {
    program,
    couple: testCouple,
    now,
    divergenceThreshold: 2,
  });
  const input: SuggestInput = {
    program,
    facts,
    progress,
    partner,
    due: computeDue(facts, program, testCouple, progress.steps, partner, now, progress.paused),
    ownSafetyConcern: safetyConcernOf(facts, program, partner),
  };
  return suggestNext(input);
}

const rest = { exercise: null, step: null, reasonKey: 'common:suggest.rest', params: {} };

describe('suggestNext', () => {
  it('offers help first when the partner’s own safety check signals risk', () => {
    const help = {
      exercise: 'when-to-seek-help',
      step: 'professional-help',
      reasonKey: 'safety:result.risk.help',
      params: {},
    };
    expect(suggestFor('kai', [riskyCheck('kai')])).toEqual(help);
    // Before rest while paused, and before anything due.
    const paused = event('ana', START + 2 * HOUR, 'program-paused', {});
    expect(suggestFor('kai', [riskyCheck('kai'), paused], START + 3 * DAY)).toEqual(help);
  });

  it('does not offer help to the other partner, whose own check signals nothing', () => {
    expect(suggestFor('ana', [riskyCheck('kai')])).toEqual({
      exercise: 'safe-space-basics',
      step: 'safe-space',
      reasonKey: 'common:suggest.next-in-step',
      params: {},
    });
  });

  it('suggests rest while the program is paused', () => {
    const paused = event('kai', START + 2 * HOUR, 'program-paused', {});
    expect(suggestFor('ana', [paused], START + 3 * DAY)).toEqual(rest);
  });

  it('suggests a conversation when the partners’ check-ins diverge, naming the dimension', () => {
    const events = [checkedIn('ana', { closeness: 5 }), checkedIn('kai', { closeness: 1 })];
    const talk = {
      exercise: 'dreams-deck',
      step: 'open-communication',
      reasonKey: 'common:suggest.divergence',
      params: {
        dimension: 'closeness',
        dimensionKey: 'open-communication:weekly-check-in.dimensions.closeness',
      },
    };
    expect(suggestFor('ana', events)).toEqual(talk);
    // Kai's low score would ask for repair; the divergence comes first.
    expect(suggestFor('kai', events)).toEqual(talk);
  });

  it('never suggests a talk because the partners differ on how safe they feel', () => {
    const trust = (partner: string, safety: number) =>
      event(partner, START + 2 * HOUR, 'check-in-recorded', {
        exercise: 'trust-check-in',
        scores: { trust: 4, safety, held: 4, pace: 4 },
      });
    const events = [trust('ana', 5), trust('kai', 1)];
    for (const partner of ['ana', 'kai']) {
      expect(suggestFor(partner, events).reasonKey).not.toBe('common:suggest.divergence');
    }
    // The same gap on a dimension that is not about safety is worth a talk.
    const trusting = [
      event('ana', START + 2 * HOUR, 'check-in-recorded', {
        exercise: 'trust-check-in',
        scores: { trust: 5, safety: 4, held: 4, pace: 4 },
      }),
      event('kai', START + 2 * HOUR, 'check-in-recorded', {
        exercise: 'trust-check-in',
        scores: { trust: 1, safety: 4, held: 4, pace: 4 },
      }),
    ];
    expect(suggestFor('ana', trusting).reasonKey).toBe('common:suggest.divergence');
  });

  describe('low scores', () => {
    it('points to help while the conflict step is still locked', () => {
      const events = [checkedIn('ana', { closeness: 2 }), checkedIn('kai', { closeness: 2 })];
      expect(suggestFor('ana', events)).toEqual({
        exercise: 'when-to-seek-help',
        step: 'professional-help',
        reasonKey: 'common:suggest.low-scores',
        params: {},
      });
    });

    it('suggests repair from the conflict step once it is open', () => {
      const later = START + 14 * DAY;
      const events = [
        ...foundation(),
        done('ana', 'speaker-listener', true),
        done('kai', 'speaker-listener', true),
        done('ana', 'listening-habits'),
        done('kai', 'listening-habits'),
        checkedIn('ana', { closeness: 2 }, later),
        checkedIn('kai', { closeness: 1 }, later),
      ];
      expect(suggestFor('ana', events, later + HOUR)).toEqual({
        exercise: 'soft-start-talk',
        step: 'conflict',
        reasonKey: 'common:suggest.low-scores',
        params: {},
      });
    });

    it('averages the partner’s own latest scores over every dimension', () => {
      const low = { closeness: 1, stress: 3 };
      const mixed = { closeness: 1, stress: 4 };
      const reason = (scores: Record<string, number>) =>
        suggestFor('ana', [checkedIn('ana', scores), checkedIn('kai', scores)]).reasonKey;
      expect(reason(low)).toBe('common:suggest.low-scores');
      expect(reason(mixed)).not.toBe('common:suggest.low-scores');
    });
  });

  it('suggests a ritual that is due, and not one that is only coming up', () => {
    // Ana's 20:30 daily talk in Berlin came round at 19:30 UTC on the first day.
    expect(suggestFor('ana', [], START + DAY)).toEqual({
      exercise: 'daily-talk',
      step: 'open-communication',
      reasonKey: 'common:suggest.due',
      params: { exercise: 'daily-talk', exerciseKey: 'open-communication:daily-talk.title' },
    });
    expect(suggestFor('ana', [], START).reasonKey).toBe('common:suggest.next-in-step');
  });

  it('suggests continuing an exercise the partner started and has not finished', () => {
    expect(suggestFor('ana', [started('ana', 'what-feels-safe')])).toEqual({
      exercise: 'what-feels-safe',
      step: 'safe-space',
      reasonKey: 'common:suggest.continue',
      params: {},
    });
    expect(suggestFor('ana', [started('kai', 'what-feels-safe')]).reasonKey).toBe(
      'common:suggest.next-in-step',
    );
    const finished = [started('ana', 'what-feels-safe'), done('ana', 'what-feels-safe')];
    expect(suggestFor('ana', finished).reasonKey).toBe('common:suggest.next-in-step');
  });

  it('suggests something deeper when the partner’s scores are high', () => {
    expect(suggestFor('ana', foundation())).toEqual({
      exercise: 'their-shoes',
      step: 'empathy',
      reasonKey: 'common:suggest.high-scores',
      params: {},
    });
  });

  it('suggests the next exercise the partner has not done in the earliest open step', () => {
    expect(suggestFor('ana', [])).toEqual({
      exercise: 'safe-space-basics',
      step: 'safe-space',
      reasonKey: 'common:suggest.next-in-step',
      params: {},
    });
    // What was done together counts for both partners.
    const events = [
      done('ana', 'safe-space-basics'),
      done('ana', 'what-feels-safe'),
      done('kai', 'just-validate', true),
    ];
    expect(suggestFor('ana', events).exercise).toBe('ground-rules');
    expect(suggestFor('kai', events).exercise).toBe('safe-space-basics');
  });

  describe('resting exercises', () => {
    const exercise = (id: string, needsSafety: boolean): Exercise => ({
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
    const tiny: Program = {
      schemaVersion: 1,
      id: 'tiny',
      version: '1.0.0',
      titleKey: 'tiny:title',
      alwaysOpen: [],
      steps: [
        {
          id: 'only',
          titleKey: 'tiny:only.title',
          summaryKey: 'tiny:only.summary',
          whyKey: 'tiny:only.why',
          exercises: [exercise('read', false), exercise('deep-share', true)],
          unlock: { kind: 'always' },
          completion: { kind: 'not', rule: { kind: 'always' } },
        },
      ],
    };

    it('never suggests a resting exercise, and suggests rest when nothing else is left', () => {
      const read = done('ana', 'read');
      expect(suggestFor('ana', [read], START + HOUR, tiny)).toEqual({
        exercise: 'deep-share',
        step: 'only',
        reasonKey: 'common:suggest.next-in-step',
        params: {},
      });
      const resting = event('kai', START + 2 * HOUR, 'safety-rest', { active: true });
      expect(suggestFor('ana', [read, resting], START + 3 * HOUR, tiny)).toEqual(rest);
    });

    it('suggests rest when the partner has done everything open', () => {
      const events = [done('ana', 'read'), done('kai', 'deep-share', true)];
      expect(suggestFor('ana', events, START + 3 * HOUR, tiny)).toEqual(rest);
    });
  });
});

describe('suggestions from any log', () => {
  const exercises = nineStepProgram.steps.flatMap((step) => step.exercises);
  const ids = exercises.map((exercise) => exercise.id);
  const spec = fc.record({
    partner: fc.constantFrom('ana', 'kai'),
    device: fc.constantFrom('phone', 'tablet'),
    wall: fc.integer({ min: START, max: START + 30 * DAY }),
    counter: fc.nat(2),
    payload: fc.oneof(
      fc.record({
        type: fc.constantFrom('exercise-completed', 'exercise-started'),
        data: fc.record({ exercise: fc.constantFrom(...ids), together: fc.boolean() }),
      }),
      fc.record({
        type: fc.constant('check-in-recorded'),
        data: fc.record({
          exercise: fc.constant('weekly-check-in'),
          scores: fc.dictionary(
            fc.constantFrom('closeness', 'stress'),
            fc.integer({ min: 1, max: 5 }),
          ),
        }),
      }),
      fc.record({
        type: fc.constant('safety-check-taken'),
        data: fc.record({
          exercise: fc.constantFrom('safety-check', 'safety-recheck'),
          answers: fc.record({ afraid: fc.boolean() }),
        }),
      }),
      fc.record({ type: fc.constant('safety-rest'), data: fc.record({ active: fc.boolean() }) }),
      fc.record({
        type: fc.constantFrom('program-paused', 'program-resumed'),
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
  const now = START + 31 * DAY;

  it('is the same whatever order the events were folded in', () => {
    fc.assert(
      fc.property(
        log.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        fc.constantFrom('ana', 'kai'),
        ([events, shuffled], partner) => {
          expect(suggestFor(partner, shuffled, now)).toEqual(suggestFor(partner, events, now));
        },
      ),
      { numRuns: 150, seed: 20_260_105 },
    );
  });

  it('never suggests a safety check, nor an exercise that is resting', () => {
    const needsSafety = new Set(exercises.filter((e) => e.needsSafety).map((e) => e.id));
    const safetyChecks = new Set(
      exercises.filter((e) => e.kind === 'safety-check').map((e) => e.id),
    );
    fc.assert(
      fc.property(log, fc.constantFrom('ana', 'kai'), (events, partner) => {
        const suggestion = suggestFor(partner, events, now);
        if (suggestion.exercise === null) return;
        expect(safetyChecks.has(suggestion.exercise)).toBe(false);
        const facts = createFacts();
        const context = {
          timeZones: new Map(testCouple.partners.map((p) => [p.id, p.timeZone])),
          exercises: new Set(ids),
        };
        for (const each of events) foldEvent(facts, each, context);
        const { resting } = computeProgress(facts, {
          program: nineStepProgram,
          couple: testCouple,
          now,
          divergenceThreshold: 2,
        });
        if (resting) expect(needsSafety.has(suggestion.exercise)).toBe(false);
      }),
      { numRuns: 200, seed: 20_260_106 },
    );
  });
});
