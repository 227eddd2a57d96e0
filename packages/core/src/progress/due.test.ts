import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttuneEvent, AttuneEventType, LoggedEvent } from '../events/types.js';
import type { Cadence, Exercise, ExerciseBase, Program, Step } from '../program/types.js';
import { testCouple } from '../testing/test-couple.js';
import { computeDue } from './due.js';
import { createFacts, type Facts, foldEvent } from './facts.js';
import type { StepProgress, StepStatus } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = testCouple.startedAt;

const base = (id: string, needsSafety = false): ExerciseBase => ({
  id,
  titleKey: `tiny:${id}.title`,
  whyKey: `tiny:${id}.why`,
  howKey: `tiny:${id}.how`,
  ifHardKey: `tiny:${id}.if-hard`,
  mode: 'together',
  minutes: 10,
  visibility: 'shared',
  needsSafety,
});
const ritual = (id: string, cadence: Cadence, needsSafety = false): Exercise => ({
  ...base(id, needsSafety),
  kind: 'ritual',
  cadence,
  ideas: [],
});
const checkInExercise = (id: string, cadence: Cadence): Exercise => ({
  ...base(id),
  kind: 'check-in',
  dimensions: [{ id: 'closeness', key: `tiny:${id}.closeness` }],
  scale: { min: 1, max: 5, minLabelKey: 'tiny:min', maxLabelKey: 'tiny:max' },
  cadence,
});
const step = (id: string, exercises: readonly Exercise[]): Step => ({
  id,
  titleKey: `tiny:${id}.title`,
  summaryKey: `tiny:${id}.summary`,
  whyKey: `tiny:${id}.why`,
  exercises,
  unlock: { kind: 'always' },
  completion: { kind: 'not', rule: { kind: 'always' } },
});

const EVENING: Cadence = { every: 'day', interval: 1, time: '20:30' };
const SUNDAY: Cadence = { every: 'week', interval: 1, weekday: 0, time: '19:00' };
const program: Program = {
  schemaVersion: 1,
  id: 'tiny',
  version: '1.0.0',
  titleKey: 'tiny:title',
  alwaysOpen: [],
  steps: [
    step('habits', [
      { ...base('read'), kind: 'learn', mode: 'solo', sections: [] },
      ritual('evening-tea', EVENING),
      checkInExercise('sunday-check-in', SUNDAY),
      ritual('deep-talk', { every: 'week', interval: 1, weekday: 3, time: '21:00' }, true),
    ]),
    step('later', [ritual('morning-walk', { every: 'day', interval: 1, time: '07:00' })]),
  ],
};

/** Where each step stands; `habits` is open and `later` locked unless told otherwise. */
function stepsWith(
  statuses: Record<string, StepStatus> = { habits: 'available', later: 'locked' },
  resting: readonly string[] = [],
): StepProgress[] {
  return Object.entries(statuses).map(([id, status]) => ({
    id,
    status,
    percent: 0,
    unlock: { kind: 'always', holds: true, key: 'common:explain.always', params: {} },
    completion: { kind: 'not', holds: false, key: 'common:explain.not', params: {} },
    contributions: {},
    resting:
      program.steps
        .find((candidate) => candidate.id === id)
        ?.exercises.filter((exercise) => resting.includes(exercise.id))
        .map((exercise) => exercise.id) ?? [],
    exercises: [],
  }));
}

let seq = 0;
function event<T extends AttuneEventType>(
  partner: string,
  wall: number,
  type: T,
  data: Extract<AttuneEvent, { type: T }>['data'],
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
    visibility: 'shared',
  };
}
const done = (partner: string, exercise: string, wall: number, together = false) =>
  event(partner, wall, 'exercise-completed', { exercise, together });
const checkedIn = (partner: string, wall: number) =>
  event(partner, wall, 'check-in-recorded', {
    exercise: 'sunday-check-in',
    scores: { closeness: 4 },
  });

function factsOf(events: readonly LoggedEvent[]): Facts {
  const facts = createFacts();
  const context = {
    timeZones: new Map(testCouple.partners.map((partner) => [partner.id, partner.timeZone])),
    exercises: new Set(program.steps.flatMap((s) => s.exercises.map((e) => e.id))),
  };
  for (const each of events) foldEvent(facts, each, context);
  return facts;
}

const dueFor = (
  partner: string,
  now: number,
  events: readonly LoggedEvent[] = [],
  steps = stepsWith(),
  paused = false,
) => computeDue(factsOf(events), program, testCouple, steps, partner, now, paused);
const item = (partner: string, now: number, exercise: string, events?: readonly LoggedEvent[]) =>
  dueFor(partner, now, events).find((intent) => intent.exercise === exercise);

describe('computeDue', () => {
  it('handles a partner with hundreds of thousands of completions of one ritual', () => {
    const facts = factsOf([]);
    // More values than a spread into one call can take.
    const walls = Array.from({ length: 300_000 }, (_, i) => START + i * MINUTE);
    facts.completions.set('evening-tea', new Map([['ana', walls]]));
    const due = computeDue(
      facts,
      program,
      testCouple,
      stepsWith(),
      'ana',
      START + 400 * DAY,
      false,
    );
    const tea = due.find((intent) => intent.exercise === 'evening-tea');
    // The last completion, not the first, sets the next evening.
    expect(tea?.at).toBeGreaterThan(walls.at(-1) as number);
  });

  it('lists the rituals and check-ins of open steps, at their local time in the partner’s zone', () => {
    const tea = Date.UTC(2026, 0, 5, 19, 30);
    const talk = Date.UTC(2026, 0, 7, 20);
    const checkIn = Date.UTC(2026, 0, 11, 18);
    expect(dueFor('ana', START)).toEqual([
      {
        id: `evening-tea:ana:${tea}`,
        partner: 'ana',
        exercise: 'evening-tea',
        step: 'habits',
        state: 'upcoming',
        at: tea,
        localTime: '2026-01-05T20:30',
        timeZone: 'Europe/Berlin',
        messageKey: 'common:reminder.ritual',
        params: { exercise: 'evening-tea', exerciseKey: 'tiny:evening-tea.title' },
      },
      {
        id: `deep-talk:ana:${talk}`,
        partner: 'ana',
        exercise: 'deep-talk',
        step: 'habits',
        state: 'upcoming',
        at: talk,
        localTime: '2026-01-07T21:00',
        timeZone: 'Europe/Berlin',
        messageKey: 'common:reminder.ritual',
        params: { exercise: 'deep-talk', exerciseKey: 'tiny:deep-talk.title' },
      },
      {
        id: `sunday-check-in:ana:${checkIn}`,
        partner: 'ana',
        exercise: 'sunday-check-in',
        step: 'habits',
        state: 'upcoming',
        at: checkIn,
        localTime: '2026-01-11T19:00',
        timeZone: 'Europe/Berlin',
        messageKey: 'common:reminder.check-in',
        params: { exercise: 'sunday-check-in', exerciseKey: 'tiny:sunday-check-in.title' },
      },
    ]);
  });

  it('places the same local times at other instants for a partner in another zone', () => {
    const due = dueFor('kai', START);
    expect(
      due.map(({ exercise, at, localTime, timeZone }) => [exercise, at, localTime, timeZone]),
    ).toEqual([
      ['evening-tea', Date.UTC(2026, 0, 6, 1, 30), '2026-01-05T20:30', 'America/New_York'],
      ['deep-talk', Date.UTC(2026, 0, 8, 2), '2026-01-07T21:00', 'America/New_York'],
      ['sunday-check-in', Date.UTC(2026, 0, 12, 0), '2026-01-11T19:00', 'America/New_York'],
    ]);
  });

  it('is due once its time has passed without the partner doing it', () => {
    const tea = item('ana', Date.UTC(2026, 0, 6, 12), 'evening-tea');
    expect(tea).toMatchObject({ state: 'due', at: Date.UTC(2026, 0, 5, 19, 30) });
    // At its very time it is due already.
    expect(item('ana', Date.UTC(2026, 0, 5, 19, 30), 'evening-tea')?.state).toBe('due');
    expect(item('ana', Date.UTC(2026, 0, 5, 19, 29), 'evening-tea')?.state).toBe('upcoming');
  });

  it('comes round at the next time after the partner did it', () => {
    const events = [done('ana', 'evening-tea', Date.UTC(2026, 0, 5, 19, 45))];
    expect(item('ana', Date.UTC(2026, 0, 6, 12), 'evening-tea', events)).toMatchObject({
      state: 'upcoming',
      at: Date.UTC(2026, 0, 6, 19, 30),
      localTime: '2026-01-06T20:30',
    });
  });

  it('counts a together completion for both partners, and a solo one only for its author', () => {
    const now = Date.UTC(2026, 0, 6, 12);
    const together = [done('kai', 'evening-tea', Date.UTC(2026, 0, 5, 20), true)];
    expect(item('ana', now, 'evening-tea', together)?.state).toBe('upcoming');
    const alone = [done('kai', 'evening-tea', Date.UTC(2026, 0, 5, 20))];
    expect(item('ana', now, 'evening-tea', alone)?.state).toBe('due');
  });

  it('counts answering a check-in as doing it, for the partner who answered', () => {
    const events = [checkedIn('ana', Date.UTC(2026, 0, 11, 18, 30))];
    const now = Date.UTC(2026, 0, 12, 12);
    expect(item('ana', now, 'sunday-check-in', events)).toMatchObject({
      state: 'upcoming',
      at: Date.UTC(2026, 0, 18, 18),
    });
    expect(item('kai', now, 'sunday-check-in', events)).toMatchObject({
      state: 'due',
      at: Date.UTC(2026, 0, 12, 0),
    });
  });

  it('lists nothing while the program is paused, after the partner left, or for a stranger', () => {
    const now = Date.UTC(2026, 0, 6, 12);
    expect(dueFor('ana', now, [], stepsWith(), true)).toEqual([]);
    expect(dueFor('kai', now, [event('kai', START + HOUR, 'partner-left', {})])).toEqual([]);
    expect(dueFor('ana', now, [event('kai', START + HOUR, 'partner-left', {})])).not.toEqual([]);
    expect(dueFor('someone-else', now)).toEqual([]);
  });

  it('leaves out locked steps, steps without progress and resting exercises', () => {
    const now = Date.UTC(2026, 0, 6, 12);
    const open = stepsWith({ habits: 'in-progress', later: 'completed' }, ['deep-talk']);
    expect(dueFor('ana', now, [], open).map((intent) => intent.exercise)).toEqual([
      'evening-tea',
      'morning-walk',
      'sunday-check-in',
    ]);
    const onlyLater = stepsWith({ later: 'available' });
    expect(dueFor('ana', now, [], onlyLater).map((intent) => intent.exercise)).toEqual([
      'morning-walk',
    ]);
  });

  it('keeps a ritual at its local time across the night the clocks go forward', () => {
    // New York moves to summer time on Sunday 2026-03-08: 20:30 is 01:30 UTC before, 00:30 after.
    const saturday = Date.UTC(2026, 2, 8, 1, 45);
    const tea = item('kai', saturday + HOUR, 'evening-tea', [done('kai', 'evening-tea', saturday)]);
    expect(tea).toMatchObject({
      at: Date.UTC(2026, 2, 9, 0, 30),
      localTime: '2026-03-08T20:30',
      state: 'upcoming',
    });
    // Berlin follows on 2026-03-29: the Sunday check-in moves from 18:00 to 17:00 UTC.
    const lastSunday = Date.UTC(2026, 2, 22, 18, 30);
    const checkIn = item('ana', lastSunday + DAY, 'sunday-check-in', [
      checkedIn('ana', lastSunday),
    ]);
    expect(checkIn).toMatchObject({ at: Date.UTC(2026, 2, 29, 17), localTime: '2026-03-29T19:00' });
  });

  it('orders items by time, then by exercise id', () => {
    const twins: Program = {
      ...program,
      steps: [step('habits', [ritual('tea', EVENING), ritual('hug', EVENING)])],
    };
    const due = computeDue(
      factsOf([]),
      twins,
      testCouple,
      stepsWith({ habits: 'available' }),
      'ana',
      START,
      false,
    );
    expect(due.map((intent) => intent.exercise)).toEqual(['hug', 'tea']);
  });
});

describe('due items of any history', () => {
  // Around both spring-forward nights and the autumn ones, and anywhere in the year.
  const changes = [
    Date.UTC(2026, 2, 8, 7),
    Date.UTC(2026, 2, 29, 1),
    Date.UTC(2026, 9, 25, 1),
    Date.UTC(2026, 10, 1, 6),
  ];
  const instant = fc.oneof(
    fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
      .map(([at, offset]) => at + offset),
    fc.integer({ min: START, max: Date.UTC(2026, 11, 31) }),
  );
  const history = fc.record({
    partner: fc.constantFrom('ana', 'kai'),
    completions: fc.array(
      fc.record({
        partner: fc.constantFrom('ana', 'kai'),
        exercise: fc.constantFrom('evening-tea', 'sunday-check-in', 'morning-walk'),
        together: fc.boolean(),
        at: instant,
      }),
      { maxLength: 12 },
    ),
    now: instant,
  });

  const CADENCES: Record<string, { time: string; weekday?: number }> = {
    'evening-tea': { time: '20:30' },
    'sunday-check-in': { time: '19:00', weekday: 0 },
    'deep-talk': { time: '21:00', weekday: 3 },
    'morning-walk': { time: '07:00' },
  };

  it('always keeps each item at its local time, after the partner last did it, due once passed', () => {
    fc.assert(
      fc.property(history, ({ partner, completions, now }) => {
        const events = completions.map((c) => done(c.partner, c.exercise, c.at, c.together));
        const due = dueFor(
          partner,
          now,
          events,
          stepsWith({ habits: 'available', later: 'available' }),
        );
        expect(due).toHaveLength(4);
        for (const intent of due) {
          const cadence = CADENCES[intent.exercise];
          expect(intent.localTime.slice(11)).toBe(cadence?.time);
          if (cadence?.weekday !== undefined) {
            expect(new Date(`${intent.localTime}Z`).getUTCDay()).toBe(cadence.weekday);
          }
          const last = completions
            .filter((c) => c.exercise === intent.exercise && (c.together || c.partner === partner))
            .reduce((latest, c) => Math.max(latest, c.at), START);
          expect(intent.at).toBeGreaterThan(last);
          expect(intent.state).toBe(intent.at <= now ? 'due' : 'upcoming');
        }
        expect(due.map((intent) => intent.at)).toEqual(
          [...due].map((intent) => intent.at).sort((a, b) => a - b),
        );
      }),
      { numRuns: 300, seed: 20_260_105 },
    );
  });
});
