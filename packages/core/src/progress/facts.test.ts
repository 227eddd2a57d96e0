import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttuneEvent, AttuneEventType, LoggedEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Visibility } from '../program/types.js';
import { testCouple } from '../testing/test-couple.js';
import { localWeek } from '../time/zone.js';
import {
  createFacts,
  type Facts,
  type FoldContext,
  foldEvent,
  heldPrompt,
  latestRestOf,
  restInEffect,
} from './facts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = testCouple.startedAt;

const context: FoldContext = {
  timeZones: new Map(testCouple.partners.map((partner) => [partner.id, partner.timeZone])),
  exercises: new Set(nineStepProgram.steps.flatMap((step) => step.exercises.map((e) => e.id))),
};

let seq = 0;
/** An event by a partner at a wall time; each gets its own place in one device's sequence. */
function event<T extends AttuneEventType>(
  partner: string,
  wall: number,
  type: T,
  data: Extract<AttuneEvent, { type: T }>['data'],
  visibility: Visibility = 'shared',
): Extract<AttuneEvent, { type: T }> {
  seq++;
  const device = `${partner}-phone`;
  return {
    id: `${device}:${seq}`,
    partner,
    device,
    seq,
    clock: { wall, counter: 0 },
    type,
    data,
    visibility,
  } as Extract<AttuneEvent, { type: T }>;
}

function factsOf(events: readonly LoggedEvent[]): Facts {
  const facts = createFacts();
  for (const each of events) foldEvent(facts, each, context);
  return facts;
}

/** The week (Monday to Sunday, counted as the fold counts) holding a UTC date. */
const weekOf = (year: number, month: number, day: number) =>
  localWeek('UTC', Date.UTC(year, month - 1, day, 12));

describe('createFacts', () => {
  it('starts with nothing counted', () => {
    const facts = createFacts();
    expect(facts.count).toBe(0);
    expect(facts.completions.size + facts.together.size + facts.started.size).toBe(0);
    expect(facts.checkIns.size + facts.safetyChecks.size + facts.weeks.size).toBe(0);
    expect(facts.rests.size).toBe(0);
    expect(facts.pauses).toEqual([]);
  });
});

describe('foldEvent', () => {
  it('keeps own completions per partner, and together ones once for the couple', () => {
    const facts = factsOf([
      event('ana', START + HOUR, 'exercise-completed', {
        exercise: 'safe-space-basics',
        together: false,
      }),
      event('ana', START + 2 * HOUR, 'exercise-completed', {
        exercise: 'safe-space-basics',
        together: false,
      }),
      event('kai', START + 3 * HOUR, 'exercise-completed', {
        exercise: 'ground-rules',
        together: true,
      }),
    ]);
    expect(facts.completions.get('safe-space-basics')).toEqual(
      new Map([['ana', [START + HOUR, START + 2 * HOUR]]]),
    );
    expect(facts.completions.has('ground-rules')).toBe(false);
    expect(facts.together.get('ground-rules')).toEqual([START + 3 * HOUR]);
    expect(facts.count).toBe(3);
  });

  it('records who started an exercise, once per partner', () => {
    const started = { exercise: 'dreams-deck', together: true };
    const facts = factsOf([
      event('ana', START, 'exercise-started', started),
      event('ana', START + HOUR, 'exercise-started', started),
      event('kai', START + HOUR, 'exercise-started', started),
    ]);
    expect(facts.started.get('dreams-deck')).toEqual(new Set(['ana', 'kai']));
    expect(facts.completions.size).toBe(0);
  });

  it('counts a check-in as that partner’s completion and keeps it for trends', () => {
    const checkIn = event('kai', START + DAY, 'check-in-recorded', {
      exercise: 'weekly-check-in',
      scores: { closeness: 4 },
    });
    const facts = factsOf([checkIn]);
    expect(facts.checkIns.get('weekly-check-in')).toEqual([{ event: checkIn }]);
    expect(facts.completions.get('weekly-check-in')?.get('kai')).toEqual([START + DAY]);
    expect(facts.weeks.get(weekOf(2026, 1, 6))?.partners).toEqual(new Set(['kai']));
  });

  it('notes once each exercise the program does not have', () => {
    const facts = factsOf([
      event('ana', START, 'exercise-started', { exercise: 'moon-walk', together: false }),
      event('ana', START, 'exercise-completed', { exercise: 'moon-walk', together: false }),
      event('kai', START, 'exercise-completed', { exercise: 'star-gazing', together: true }),
      event('kai', START, 'check-in-recorded', { exercise: 'tide-check', scores: {} }),
      event('kai', START, 'exercise-completed', { exercise: 'daily-talk', together: true }),
    ]);
    expect(facts.unknownExercises).toEqual(new Set(['moon-walk', 'star-gazing', 'tide-check']));
  });

  it('counts a week in each partner’s own calendar', () => {
    // Sunday 23:30 UTC is already Monday in Berlin and still Sunday evening in New York.
    const sundayNight = Date.UTC(2026, 0, 11, 23, 30);
    const facts = factsOf([
      event('ana', sundayNight, 'exercise-completed', { exercise: 'daily-talk', together: false }),
      event('kai', sundayNight, 'exercise-completed', { exercise: 'daily-talk', together: false }),
    ]);
    expect(facts.weeks).toEqual(
      new Map([
        [weekOf(2026, 1, 12), { partners: new Set(['ana']), together: false }],
        [weekOf(2026, 1, 7), { partners: new Set(['kai']), together: false }],
      ]),
    );
  });

  it('marks a week as practised together once a together completion falls in it', () => {
    const facts = factsOf([
      event('ana', START, 'exercise-completed', { exercise: 'daily-talk', together: true }),
      event('ana', START + DAY, 'exercise-completed', { exercise: 'notes', together: false }),
    ]);
    expect(facts.weeks.get(weekOf(2026, 1, 7))).toEqual({
      partners: new Set(['ana']),
      together: true,
    });
  });

  it('keeps the latest safety check of each partner by log order, not by arrival', () => {
    const risky = event(
      'kai',
      START + 2 * HOUR,
      'safety-check-taken',
      { exercise: 'safety-check', answers: { afraid: true } },
      'private',
    );
    const earlier = event(
      'kai',
      START + HOUR,
      'safety-check-taken',
      { exercise: 'safety-check', answers: { afraid: false } },
      'private',
    );
    const anas = event(
      'ana',
      START,
      'safety-check-taken',
      { exercise: 'safety-check', answers: { afraid: false } },
      'private',
    );
    const facts = factsOf([risky, earlier, anas]);
    expect(facts.safetyChecks.get('kai')).toBe(risky);
    expect(facts.safetyChecks.get('ana')).toBe(anas);
  });

  it('keeps the latest safety rest by log order, not by arrival', () => {
    const wake = event('ana', START + 2 * HOUR, 'safety-rest', { active: false });
    const rest = event('ana', START + HOUR, 'safety-rest', { active: true });
    expect(latestRestOf(factsOf([wake, rest]), 'ana')).toBe(wake);
    expect(latestRestOf(factsOf([rest, wake]), 'ana')).toBe(wake);
  });

  it("keeps each partner's rests apart: one partner's wake never ends the other's rest", () => {
    // Ana rests while Kai is offline; Kai rests, then wakes his own rest later by the clock.
    const anas = event('ana', START + HOUR, 'safety-rest', { active: true });
    const kais = event('kai', START + 2 * HOUR, 'safety-rest', { active: true });
    const kaiWakes = event('kai', START + 3 * HOUR, 'safety-rest', { active: false });
    for (const order of [
      [anas, kais, kaiWakes],
      [kaiWakes, anas, kais],
      [kais, kaiWakes, anas],
    ]) {
      const facts = factsOf(order);
      expect(latestRestOf(facts, 'ana')).toBe(anas);
      expect(latestRestOf(facts, 'kai')).toBe(kaiWakes);
      expect(facts.rests.get('kai')).toEqual([kais, kaiWakes]);
    }
  });

  it('finds the rest in effect at a moment: the latest whose clock has come', () => {
    const rest = event('ana', START + HOUR, 'safety-rest', { active: true });
    const wake = event('ana', START + 2 * HOUR, 'safety-rest', { active: false });
    const again = event('ana', START + 2 * HOUR, 'safety-rest', { active: true });
    const facts = factsOf([again, wake, rest]);
    expect(restInEffect(facts, 'ana', START)).toBeUndefined();
    expect(restInEffect(facts, 'ana', START + HOUR)).toBe(rest);
    expect(restInEffect(facts, 'ana', START + 2 * HOUR - 1)).toBe(rest);
    // Two on one clock reading: the later in log order.
    expect(restInEffect(facts, 'ana', START + 2 * HOUR)).toBe(again.seq > wake.seq ? again : wake);
    expect(restInEffect(facts, 'kai', START + 2 * HOUR)).toBeUndefined();
  });

  it('skips a rest whose data is not an object, as trusted storage could hold it', () => {
    const broken = { ...event('ana', START, 'safety-rest', { active: true }), data: null };
    const facts = factsOf([broken as unknown as LoggedEvent]);
    expect(facts.rests.size).toBe(0);
    expect(facts.skipped).toEqual([{ id: broken.id, reason: 'its data are not an object' }]);
  });

  it('keeps who answered a sealed prompt or a quiz question, and nothing of other answers', () => {
    const facts = factsOf([
      event(
        'ana',
        START,
        'answer-recorded',
        { exercise: 'sealed-answers', prompt: 'fear', text: 'x' },
        'sealed',
      ),
      event(
        'kai',
        START,
        'answer-recorded',
        { exercise: 'sealed-answers', prompt: 'fear', text: 'y' },
        'sealed',
      ),
      event(
        'ana',
        START,
        'answer-recorded',
        { exercise: 'what-feels-safe', prompt: 'safe', text: 'z' },
        'private',
      ),
      event(
        'kai',
        START,
        'quiz-answered',
        { exercise: 'inner-world-quiz', question: 'recharge', self: 'alone', guess: 'friends' },
        'sealed',
      ),
    ]);
    const answered = (exercise: string, prompt: string) =>
      heldPrompt(facts, exercise, prompt)?.answered;
    expect(answered('sealed-answers', 'fear')).toEqual(new Set(['ana', 'kai']));
    expect(answered('inner-world-quiz', 'recharge')).toEqual(new Set(['kai']));
    expect(answered('what-feels-safe', 'safe')).toBeUndefined();
    expect([...facts.sealedPrompts.keys()].sort()).toEqual(['inner-world-quiz', 'sealed-answers']);
  });

  it('keeps pauses, resumes and who left', () => {
    const pause = event('ana', START, 'program-paused', {});
    const resume = event('kai', START + DAY, 'program-resumed', {});
    const facts = factsOf([pause, resume, event('kai', START + 2 * DAY, 'partner-left', {})]);
    expect(facts.pauses).toEqual([pause, resume]);
    expect(facts.left).toEqual(new Set(['kai']));
  });

  it('counts events of unknown types by type, and not the known ones it has no use for', () => {
    const future = (wall: number) =>
      ({ ...event('ana', wall, 'entry-shared', { entry: 'e' }), type: 'hug-sent' }) as LoggedEvent;
    const facts = factsOf([
      future(START),
      future(START + 1),
      event('ana', START, 'entry-shared', { entry: 'ana-phone:1' }),
      event('kai', START, 'appreciation-sent', { exercise: 'thank-you-notes', text: 'thanks' }),
    ]);
    expect(facts.unknownTypes).toEqual(new Map([['hug-sent', 2]]));
    expect(facts.count).toBe(4);
  });
});

// Everything the facts hold, with lists sorted, so two folds can be compared.
function summary(facts: Facts): unknown {
  const byKey = <K extends string | number, V>(map: ReadonlyMap<K, V>, value: (v: V) => unknown) =>
    [...map]
      .map(([key, v]) => [key, value(v)])
      .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  const sorted = (walls: readonly number[]) => [...walls].sort((a, b) => a - b);
  const ids = (events: readonly { id: string }[]) => events.map((e) => e.id).sort();
  return {
    completions: byKey(facts.completions, (partners) => byKey(partners, sorted)),
    together: byKey(facts.together, sorted),
    started: byKey(facts.started, (set) => [...set].sort()),
    checkIns: byKey(facts.checkIns, (list) => ids(list.map((fact) => fact.event))),
    safetyChecks: byKey(facts.safetyChecks, (e) => e.id),
    rests: byKey(facts.rests, (rests) => rests.map((rest) => rest.id)),
    pauses: ids(facts.pauses),
    left: [...facts.left].sort(),
    weeks: byKey(facts.weeks, (week) => [[...week.partners].sort(), week.together]),
    sealedPrompts: byKey(facts.sealedPrompts, (prompts) =>
      byKey(prompts, (at) => [...at.answered].sort()),
    ),
    unknownTypes: byKey(facts.unknownTypes, (count) => count),
    unknownExercises: [...facts.unknownExercises].sort(),
    count: facts.count,
  };
}

describe('folding a log', () => {
  const exercise = fc.constantFrom('daily-talk', 'weekly-check-in', 'safety-check', 'moon-walk');
  const payload = fc.oneof(
    fc.record({
      type: fc.constantFrom('exercise-completed', 'exercise-started'),
      data: fc.record({ exercise, together: fc.boolean() }),
    }),
    fc.record({
      type: fc.constant('check-in-recorded'),
      data: fc.record({
        exercise,
        scores: fc.dictionary(fc.constantFrom('closeness', 'stress'), fc.integer()),
      }),
    }),
    fc.record({
      type: fc.constant('answer-recorded'),
      data: fc.record({ exercise, prompt: fc.constantFrom('fear', 'joy'), text: fc.string() }),
    }),
    fc.record({
      type: fc.constant('safety-check-taken'),
      data: fc.record({ exercise, answers: fc.record({ afraid: fc.boolean() }) }),
    }),
    fc.record({ type: fc.constant('safety-rest'), data: fc.record({ active: fc.boolean() }) }),
    fc.record({
      type: fc.constantFrom('program-paused', 'program-resumed', 'partner-left', 'hug-sent'),
      data: fc.constant({}),
    }),
  );
  // Few distinct walls and counters, so many events tie on the clock and order falls to the device.
  const log = fc
    .array(
      fc.record({
        partner: fc.constantFrom('ana', 'kai', 'stranger'),
        device: fc.constantFrom('phone', 'tablet'),
        wall: fc.oneof(
          fc.constantFrom(START, Date.UTC(2026, 0, 11, 23, 30)),
          fc.integer({ min: START - 3 * DAY, max: START + 30 * DAY }),
        ),
        counter: fc.nat(2),
        visibility: fc.constantFrom('shared', 'sealed', 'private'),
        payload,
      }),
      { maxLength: 40 },
    )
    .map((specs) =>
      specs.map(
        (spec, i): LoggedEvent => ({
          id: `${spec.partner}-${spec.device}:${i + 1}`,
          partner: spec.partner,
          device: `${spec.partner}-${spec.device}`,
          seq: i + 1,
          clock: { wall: spec.wall, counter: spec.counter },
          type: spec.payload.type,
          data: spec.payload.data,
          visibility: spec.visibility,
        }),
      ),
    );

  it('gives the same facts whatever order the events arrive in', () => {
    fc.assert(
      fc.property(
        log.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([events, shuffled]) => {
          expect(summary(factsOf(shuffled))).toEqual(summary(factsOf(events)));
        },
      ),
      { numRuns: 300, seed: 20_260_105 },
    );
  });
});
