import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { CheckInExercise, Exercise, Program, Step } from '../program/types.js';
import { computeCheckInTrends } from '../progress/check-ins.js';
import { createFacts, type FoldContext, foldEvent } from '../progress/facts.js';
import type { Rule } from '../rules/types.js';
import { createManualClock } from '../testing/manual-clock.js';
import { simulateCouple } from '../testing/simulate.js';
import { testCouple as couple } from '../testing/test-couple.js';
import { createEngine } from './create-engine.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const PARTNERS = ['ana', 'kai'] as const;

// The nine steps, with one check-in sealed and a rule of every kind that reads something the
// snapshot computes apart: latest scores, divergence, completions within days.
const withRules = (step: Step, unlock: Rule, completion: Rule): Step => ({
  ...step,
  unlock: { kind: 'any', rules: [step.unlock, unlock] },
  completion: { kind: 'all', rules: [step.completion, completion] },
});
const program: Program = {
  ...nineStepProgram,
  steps: nineStepProgram.steps.map((step) => {
    const exercises = step.exercises.map(
      (exercise): Exercise =>
        exercise.id === 'trust-check-in' ? { ...exercise, visibility: 'sealed' } : exercise,
    );
    const sealed = { ...step, exercises };
    if (step.id === 'appreciation') {
      return withRules(
        sealed,
        { kind: 'exercise-done', exercise: 'daily-talk', by: 'either', times: 2, withinDays: 3 },
        {
          kind: 'check-in-score',
          exercise: 'weekly-check-in',
          dimension: 'closeness',
          by: 'each',
          atLeast: 3,
        },
      );
    }
    if (step.id === 'active-listening') {
      // A dimension the check-in does not have: only events from elsewhere can score it.
      return withRules(
        sealed,
        {
          kind: 'check-in-divergence',
          exercise: 'weekly-check-in',
          dimension: 'weather',
          atLeast: 1,
        },
        { kind: 'check-in-score', exercise: 'weekly-check-in', dimension: 'weather', by: 'either' },
      );
    }
    if (step.id === 'quality-time') {
      return withRules(
        sealed,
        { kind: 'days-since-start', atLeast: 10 },
        { kind: 'check-in-divergence', exercise: 'trust-check-in', dimension: 'trust', atLeast: 2 },
      );
    }
    return sealed;
  }),
};

const allExercises = program.steps.flatMap((step) => step.exercises);
const checkIns = allExercises.filter(
  (exercise): exercise is CheckInExercise => exercise.kind === 'check-in',
);
const exerciseIds = [...allExercises.map((exercise) => exercise.id), 'not-in-the-program'];
const answerable = allExercises.filter(
  (exercise) => exercise.kind === 'reflection' || exercise.kind === 'conversation',
);
const promptsOf = (exercise: Exercise): string[] =>
  'prompts' in exercise
    ? exercise.prompts.map((prompt) => (typeof prompt === 'string' ? prompt : prompt.id))
    : [];

const partner = fc.constantFrom(...PARTNERS);
/** Any exercise, most often one of the two steps every later step waits on. */
const exerciseId = fc.oneof(
  fc.constantFrom(...exerciseIds),
  fc.constantFrom(
    ...program.steps.slice(0, 2).flatMap((step) => step.exercises.map((exercise) => exercise.id)),
  ),
);
/** Scores for some of a check-in's dimensions, now and then one the program does not have. */
const scores = fc
  .tuple(
    fc.constantFrom(...checkIns),
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }),
    fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    fc.nat({ max: 3 }),
  )
  .map(([exercise, values, kept, unknown]) => ({
    exercise: exercise.id,
    scores: {
      ...Object.fromEntries(
        exercise.dimensions.flatMap((dimension, i) =>
          kept[i] ? [[dimension.id, values[i] as number]] : [],
        ),
      ),
      ...(unknown === 0 && { weather: values[5] as number }),
    },
  }));

/** What this device's partners do, through the typed methods; refused ones are part of the game. */
const localAction = fc.oneof(
  fc.record({
    kind: fc.constant('complete'),
    partner,
    exercise: exerciseId,
    together: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('start'), partner, exercise: exerciseId, together: fc.boolean() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('check-in'), partner, checkIn: scores }) },
  fc.record({
    kind: fc.constant('answer'),
    partner,
    exercise: fc.constantFrom(...answerable),
    prompt: fc.nat(),
    visibility: fc.constantFrom(undefined, 'sealed', 'shared', 'private'),
  }),
  fc.record({ kind: fc.constant('share'), partner, pick: fc.nat() }),
  fc.record({ kind: fc.constant('reveal'), partner }),
  fc.record({ kind: fc.constantFrom('pause', 'resume'), partner }),
  fc.record({ kind: fc.constant('rest'), partner, active: fc.boolean() }),
  fc.record({ kind: fc.constant('safety'), partner, risky: fc.boolean() }),
  fc.record({
    kind: fc.constant('time'),
    ms: fc.oneof(fc.integer({ min: 1, max: 30 * MINUTE }), fc.integer({ min: 1, max: 9 * DAY })),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('deliver'),
      count: fc.oneof(fc.constant(1), fc.nat({ max: 6 })),
      repeats: fc.nat({ max: 3 }),
    }),
  },
);
const action = fc.oneof(
  { weight: 40, arbitrary: localAction },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave'), partner }) },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** What kai's tablet records, to arrive later, out of order and more than once. */
const remoteSpec = fc.oneof(
  fc.record({
    type: fc.constant('exercise-completed'),
    exercise: exerciseId,
    together: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('exercise-started'),
    exercise: exerciseId,
    together: fc.boolean(),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('check-in-recorded'),
      checkIn: scores,
      visibility: fc.constantFrom('shared', 'sealed', 'sealed', 'private'),
      // A sealed check-in stays on its author's devices until revealed: its mark comes first.
      withheld: fc.nat({ max: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('entry-shared'), pick: fc.nat() }) },
  fc.record({ type: fc.constantFrom('program-paused', 'program-resumed'), pick: fc.nat() }),
  fc.record({ type: fc.constant('safety-rest'), active: fc.boolean() }),
  fc.record({ type: fc.constant('plugin-note') }),
);
type RemoteSpec = typeof remoteSpec extends fc.Arbitrary<infer S> ? S : never;

/**
 * Kai's tablet's events in the order they are sent, with clocks from weeks before `start` to days
 * after; a sealed check-in may be sent some events after its mark.
 */
function remoteEvents(
  specs: readonly RemoteSpec[],
  offsets: readonly number[],
  start: number,
): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  // Event index → how many events later than its place it is sent.
  const delays = new Map<number, number>();
  const sealedIds: string[] = [];
  const toggles: string[] = [];
  let round = 0;
  const push = (type: string, data: unknown, visibility: string, wall: number) => {
    const seq = events.length + 1;
    const event = {
      id: `kai-tablet:${seq}`,
      partner: 'kai',
      device: 'kai-tablet',
      seq,
      clock: { wall, counter: 0 },
      type,
      data,
      visibility,
    } as LoggedEvent;
    events.push(event);
    return event.id;
  };
  specs.forEach((spec, i) => {
    const wall = start + (offsets[i % offsets.length] ?? 0);
    switch (spec.type) {
      case 'exercise-completed':
      case 'exercise-started':
        push(spec.type, { exercise: spec.exercise, together: spec.together }, 'shared', wall);
        return;
      case 'check-in-recorded': {
        const id = push(spec.type, spec.checkIn, spec.visibility, wall);
        if (spec.visibility !== 'sealed') return;
        delays.set(events.length - 1, spec.withheld + 0.5);
        sealedIds.push(id);
        round++;
        push(
          'answer-sealed',
          {
            entry: id,
            answer: 'check-in-recorded',
            exercise: spec.checkIn.exercise,
            prompt: `round-${round}`,
          },
          'shared',
          wall,
        );
        return;
      }
      case 'entry-shared': {
        const entry = sealedIds[spec.pick % Math.max(sealedIds.length, 1)] ?? 'kai-tablet:1';
        push(spec.type, { entry }, 'shared', wall);
        return;
      }
      case 'program-paused':
      case 'program-resumed': {
        const follows = toggles[spec.pick % Math.max(toggles.length, 1)];
        toggles.push(push(spec.type, follows === undefined ? {} : { follows }, 'shared', wall));
        return;
      }
      case 'safety-rest':
        push(spec.type, { active: spec.active }, 'shared', wall);
        return;
      case 'plugin-note':
        push(spec.type, { note: 'from a newer version' }, 'shared', wall);
    }
  });
  const sentAt = (i: number) => i + (delays.get(i) ?? 0);
  return events
    .map((event, i) => ({ event, at: sentAt(i) }))
    .sort((a, b) => a.at - b.at)
    .map(({ event }) => event);
}

const foldContext: FoldContext = {
  timeZones: new Map(couple.partners.map((p) => [p.id, p.timeZone])),
  exercises: new Set(allExercises.map((exercise) => exercise.id)),
};

/** Runs one action on the engine; what the engine refuses is refused, and that is all. */
function run(
  engine: ReturnType<typeof createEngine>,
  clock: ReturnType<typeof createManualClock>,
  step: Action,
  deliver: (count: number, repeats: number) => void,
): void {
  try {
    switch (step.kind) {
      case 'complete':
        engine.completeExercise(step.partner, step.exercise, { together: step.together });
        return;
      case 'start':
        engine.startExercise(step.partner, step.exercise, { together: step.together });
        return;
      case 'check-in':
        engine.recordCheckIn(step.partner, step.checkIn.exercise, step.checkIn.scores);
        return;
      case 'answer': {
        const prompts = promptsOf(step.exercise);
        const prompt = prompts[step.prompt % prompts.length] ?? 'none';
        engine.answer(step.partner, step.exercise.id, prompt, 'words', step.visibility);
        return;
      }
      case 'share': {
        const own = engine.getEvents().filter((event) => event.partner === step.partner);
        const entry = own[step.pick % Math.max(own.length, 1)];
        if (entry) engine.shareEntry(step.partner, entry.id);
        return;
      }
      case 'reveal':
        engine.revealAnswers(step.partner);
        return;
      case 'pause':
        engine.pause(step.partner);
        return;
      case 'resume':
        engine.resume(step.partner);
        return;
      case 'rest':
        engine.setRest(step.partner, step.active);
        return;
      case 'safety':
        engine.takeSafetyCheck(step.partner, 'safety-check', {
          'feel-safe': !step.risky,
          'can-disagree': true,
          afraid: step.risky,
          'see-others': true,
          threatened: false,
        });
        return;
      case 'leave':
        engine.leave(step.partner);
        return;
      case 'time':
        clock.advance(step.ms);
        engine.refresh();
        return;
      case 'deliver':
        deliver(step.count, step.repeats);
    }
  } catch (error) {
    if (!AttuneEventError.isInstance(error)) throw error;
  }
}

describe('the snapshot after every change', () => {
  it('equals the snapshot of an engine started afresh from the same events at the same time', () => {
    fc.assert(
      fc.property(
        fc.record({
          days: fc.oneof(fc.nat({ max: 7 }), fc.nat({ max: 40 })),
          seed: fc.nat(),
          behaviour: fc.constantFrom('engaged', 'uneven', 'paused', 'diverging', 'unsafe' as const),
        }),
        fc.array(remoteSpec, { maxLength: 40 }),
        fc.array(fc.integer({ min: -20 * DAY, max: 2 * DAY }), { minLength: 1, maxLength: 40 }),
        fc.array(action, { minLength: 1, maxLength: 60 }),
        fc.nat({ max: 6 }),
        fc.boolean(),
        (history, specs, offsets, actions, startWith, brokenStart) => {
          // A couple some days in, then a device where anything can happen.
          const simulated = simulateCouple({ ...history, program });
          const clock = createManualClock(couple.startedAt + (history.days + 1) * DAY);
          const remote = remoteEvents(specs, offsets, clock.now());
          // Events from storage at the start, one of them perhaps one the fold must leave out.
          const stored: unknown[] = [...simulated.events, ...remote.slice(0, startWith)];
          if (brokenStart) {
            stored.push({
              id: 'kai-laptop:1',
              partner: 'kai',
              device: 'kai-laptop',
              seq: 1,
              clock: { wall: -5, counter: 0 },
              type: 'exercise-completed',
              data: { exercise: 'daily-talk', together: true },
              visibility: 'shared',
            });
            stored.push({
              id: 'kai-laptop:2',
              partner: 'kai',
              device: 'kai-laptop',
              seq: 2,
              clock: { wall: couple.startedAt, counter: 0 },
              type: 'check-in-recorded',
              data: { exercise: 'weekly-check-in', scores: null },
              visibility: 'shared',
            });
          }
          let cursor = startWith;
          const engine = createEngine({
            program,
            couple,
            device: 'ana-tablet',
            now: clock.now,
            events: stored,
            trusted: true,
          });
          // As a React app does: the snapshot read again after every change.
          engine.subscribe(() => engine.getSnapshot());
          engine.getSnapshot();
          const deliver = (count: number, repeats: number) => {
            const batch = remote.slice(cursor, cursor + count).reverse();
            cursor += count;
            for (let i = 0; i < repeats; i++) {
              const again = remote[(cursor * 7 + i * 3) % Math.max(cursor, 1)];
              if (again) batch.splice(i % (batch.length + 1), 0, again);
            }
            engine.receive(batch);
          };

          for (const step of actions) {
            run(engine, clock, step, deliver);
            const fresh = createEngine({
              program,
              couple,
              device: 'ana-tablet',
              now: clock.now,
              events: engine.getEvents(),
              trusted: true,
            });
            expect({ ...engine.getSnapshot(), version: 0 }).toEqual({
              ...fresh.getSnapshot(),
              version: 0,
            });
            for (const id of PARTNERS) {
              expect(engine.viewFor(id).due).toEqual(fresh.viewFor(id).due);
              expect(engine.viewFor(id).suggestion).toEqual(fresh.viewFor(id).suggestion);
            }
          }

          // The trends also equal those computed from scratch from the folded facts.
          const facts = createFacts();
          for (const event of engine.getEvents()) foldEvent(facts, event, foldContext);
          expect(engine.getSnapshot().checkIns).toEqual(
            checkIns.map((exercise) => computeCheckInTrends(facts, exercise, PARTNERS, 2)),
          );
        },
      ),
      { numRuns: 150, seed: 20_261_206 },
    );
  }, 240_000);
});
