import { describe, expect, it } from 'vitest';
import { AttuneEventError } from '../log/event-error.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { createEngine } from './create-engine.js';
import { manualClock, testCouple } from './fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function setup() {
  const clock = manualClock();
  const engine = createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'phone-1',
    now: clock.now,
  });
  return { engine, clock };
}

const statusOf = (engine: ReturnType<typeof setup>['engine'], step: string) =>
  engine.getSnapshot().steps.find((candidate) => candidate.id === step);

/** Completes the two foundation steps for both partners. */
function completeFoundation(engine: ReturnType<typeof setup>['engine']) {
  for (const partner of ['ana', 'kai']) {
    engine.completeExercise(partner, 'safe-space-basics');
    engine.completeExercise(partner, 'what-feels-safe');
    engine.recordCheckIn(partner, 'weekly-check-in', { 'feeling-heard': 4, closeness: 4 });
  }
  engine.completeExercise('ana', 'ground-rules', { together: true });
  engine.completeExercise('kai', 'dreams-deck', { together: true });
  for (let i = 0; i < 3; i++) engine.completeExercise('ana', 'daily-talk', { together: true });
}

describe('createEngine', () => {
  it('opens the foundation steps and help from the start, and locks the rest with a reason', () => {
    const { engine } = setup();
    const steps = engine.getSnapshot().steps;
    expect(steps.map((step) => step.status)).toEqual([
      'available',
      'available',
      'locked',
      'locked',
      'locked',
      'locked',
      'locked',
      'locked',
      'available',
    ]);
    const empathy = statusOf(engine, 'empathy');
    expect(empathy?.unlock.holds).toBe(false);
    expect(empathy?.unlock.children?.[0]).toMatchObject({
      key: 'common:explain.step-completed',
      holds: false,
      params: { step: 'safe-space', stepKey: 'safe-space:step.title' },
    });
  });

  it('moves at the pace of the slower partner and explains who has done what', () => {
    const { engine } = setup();
    engine.completeExercise('ana', 'safe-space-basics');
    engine.completeExercise('ana', 'what-feels-safe');
    engine.completeExercise('ana', 'ground-rules', { together: true });
    const step = statusOf(engine, 'safe-space');
    expect(step?.status).toBe('in-progress');
    const basics = step?.completion.children?.[0];
    expect(basics).toMatchObject({
      key: 'common:explain.exercise-done.each',
      holds: false,
      partners: {
        ana: { done: 1, needed: 1, holds: true },
        kai: { done: 0, needed: 1, holds: false },
      },
    });
    expect(step?.percent).toBe(67);
    expect(step?.contributions).toEqual({ ana: { done: 3, total: 5 }, kai: { done: 1, total: 5 } });

    engine.completeExercise('kai', 'safe-space-basics');
    engine.completeExercise('kai', 'what-feels-safe');
    expect(statusOf(engine, 'safe-space')?.status).toBe('completed');
  });

  it('opens steps 3 to 8 once both foundation steps are completed', () => {
    const { engine } = setup();
    completeFoundation(engine);
    expect(statusOf(engine, 'open-communication')?.status).toBe('completed');
    expect(statusOf(engine, 'empathy')?.status).toBe('available');
    expect(statusOf(engine, 'vulnerability')?.status).toBe('locked');
    expect(statusOf(engine, 'conflict')?.status).toBe('locked');
  });

  it('keeps the same snapshot object until something changes', () => {
    const { engine } = setup();
    const first = engine.getSnapshot();
    expect(engine.getSnapshot()).toBe(first);
    engine.refresh();
    expect(engine.getSnapshot()).toBe(first);
    engine.completeExercise('ana', 'safe-space-basics');
    expect(engine.getSnapshot()).not.toBe(first);
    expect(Object.isFrozen(engine.getSnapshot())).toBe(true);
  });

  it("rebuilds a partner's view entries only when the log grows, not as time passes", () => {
    const { engine, clock } = setup();
    engine.completeExercise('ana', 'safe-space-basics');
    const before = engine.viewFor('kai').entries;
    clock.advance(3 * DAY);
    engine.refresh();
    expect(engine.viewFor('kai').entries).toBe(before);
    engine.answer('ana', 'what-feels-safe', 'safe', 'only mine');
    const after = engine.viewFor('kai').entries;
    expect(after).not.toBe(before);
    // Ana's private answer grew the log, but Kai sees nothing new and no count of what he cannot see.
    expect(after).toEqual(before);
    expect(JSON.stringify(engine.viewFor('kai'))).not.toContain('only mine');
    expect(engine.viewFor('ana').entries).toHaveLength(2);
  });

  it('reads the clock it was given through now()', () => {
    const { engine, clock } = setup();
    expect(engine.now()).toBe(testCouple.startedAt);
    clock.advance(HOUR);
    expect(engine.now()).toBe(testCouple.startedAt + HOUR);
  });

  it('starts from stored events with its clock past them, as if it had received each one', () => {
    const clock = manualClock();
    const start = testCouple.startedAt;
    // Another device's clock runs ahead: its last events are beyond the minute of skew allowed.
    const stored = [0, 1, 2, 3, 4].map((i) => ({
      id: `tablet:${i + 1}`,
      partner: 'kai',
      device: 'tablet',
      seq: i + 1,
      clock: { wall: start + i * 30_000, counter: i },
      type: 'program-paused',
      data: {},
      visibility: 'shared',
    }));
    const options = { program: nineStepProgram, couple: testCouple, now: clock.now };
    const restored = createEngine({ ...options, device: 'phone-1', events: stored });
    const received = createEngine({ ...options, device: 'phone-2' });
    for (const event of stored) received.receive([event]);
    const next = restored.resume('ana').clock;
    expect(next).toEqual(received.resume('ana').clock);
    expect(next).toEqual({ wall: start + 60_000, counter: 5 });
    expect(restored.getEvents()).toHaveLength(6);
  });

  it('notifies subscribers on change and stops when unsubscribed', () => {
    const { engine } = setup();
    let calls = 0;
    const stop = engine.subscribe(() => {
      calls++;
    });
    engine.completeExercise('ana', 'safe-space-basics');
    stop();
    engine.completeExercise('kai', 'safe-space-basics');
    expect(calls).toBe(1);
  });

  it('refuses to record work in a locked step, explaining what opens it', () => {
    const { engine } = setup();
    expect(() => engine.completeExercise('ana', 'their-shoes')).toThrow(/not open yet/);
    expect(engine.getEvents()).toHaveLength(0);
  });

  it('rejects malformed input with a typed error naming the field, leaving the log unchanged', () => {
    const { engine } = setup();
    engine.completeExercise('ana', 'safe-space-basics');
    const before = engine.getEvents().length;
    const attempts: [() => unknown, string][] = [
      [() => engine.completeExercise('zoe', 'safe-space-basics'), 'partner'],
      [() => engine.completeExercise('ana', 'no-such-exercise'), 'data.exercise'],
      [
        () => engine.recordCheckIn('ana', 'weekly-check-in', { closeness: Number.NaN }),
        'data.scores.closeness',
      ],
      [
        () => engine.recordCheckIn('ana', 'weekly-check-in', { closeness: 9 }),
        'data.scores.closeness',
      ],
      [() => engine.recordCheckIn('ana', 'weekly-check-in', { weather: 3 }), 'data.scores.weather'],
      [() => engine.recordCheckIn('ana', 'dreams-deck', { closeness: 3 }), 'data.exercise'],
      [
        () => engine.completeExercise('ana', 'safe-space-basics', { together: true }),
        'data.together',
      ],
    ];
    for (const [attempt, field] of attempts) {
      try {
        attempt();
        expect.unreachable(`expected an error for ${field}`);
      } catch (error) {
        expect(error).toBeInstanceOf(AttuneEventError);
        expect((error as AttuneEventError).field).toBe(field);
      }
    }
    expect(engine.getEvents()).toHaveLength(before);
  });

  it('refuses received events that are malformed, one by one, and keeps the good ones', () => {
    const { engine, clock } = setup();
    const good = {
      id: 'other:1',
      partner: 'kai',
      device: 'other',
      seq: 1,
      clock: { wall: clock.now(), counter: 0 },
      type: 'exercise-completed',
      data: { exercise: 'safe-space-basics', together: false },
      visibility: 'shared',
    };
    const result = engine.receive([
      good,
      { ...good, id: 'other:2', seq: 2, partner: 'stranger' },
      { ...good, id: 'other:3', seq: 3, clock: { wall: Date.UTC(2100, 0, 1), counter: 0 } },
      {
        ...good,
        id: 'other:4',
        seq: 4,
        data: JSON.parse('{"exercise":"x","together":false,"__proto__":{"bad":1}}'),
      },
      { ...good, id: 'other:1', data: { exercise: 'what-feels-safe', together: false } },
      {
        ...good,
        id: 'other:5',
        seq: 5,
        type: 'check-in-recorded',
        data: { exercise: 'weekly-check-in', scores: { closeness: 'high' } },
      },
      good,
    ]);
    expect(result.added).toBe(1);
    expect(result.duplicates).toBe(1);
    expect(result.rejected.map(({ index, error }) => [index, error.code, error.field])).toEqual([
      [1, 'unknown-partner', 'partner'],
      [2, 'clock-too-far-ahead', 'clock.wall'],
      [3, 'malformed', 'data.__proto__'],
      [4, 'duplicate-id', 'id'],
      [5, 'malformed', 'data.scores.closeness'],
    ]);
    expect(engine.getEvents()).toHaveLength(1);
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it('keeps events of unknown types and reports them as diagnostics', () => {
    const { engine, clock } = setup();
    engine.receive([
      {
        id: 'future:1',
        partner: 'ana',
        device: 'future',
        seq: 1,
        clock: { wall: clock.now(), counter: 0 },
        type: 'hologram-hug',
        data: { intensity: 3 },
        visibility: 'shared',
      },
    ]);
    expect(engine.getEvents()).toHaveLength(1);
    expect(engine.getSnapshot().diagnostics).toEqual([
      expect.objectContaining({ code: 'unknown-event-type', subject: 'hologram-hug' }),
    ]);
  });

  it('pauses and resumes for both partners without losing anything', () => {
    const { engine } = setup();
    engine.completeExercise('ana', 'safe-space-basics');
    engine.pause('kai');
    expect(engine.getSnapshot().paused).toBe(true);
    expect(() => engine.completeExercise('ana', 'what-feels-safe')).toThrow(/paused/);
    expect(engine.viewFor('ana').suggestion.reasonKey).toBe('common:suggest.rest');
    expect(engine.viewFor('ana').due).toEqual([]);
    engine.resume('ana');
    expect(engine.getSnapshot().paused).toBe(false);
    expect(statusOf(engine, 'safe-space')?.contributions.ana?.done).toBe(1);
  });

  it('never locks step 9, even when its rule says otherwise', () => {
    const program = {
      ...nineStepProgram,
      steps: nineStepProgram.steps.map((step) =>
        step.id === 'professional-help'
          ? { ...step, unlock: { kind: 'step-completed' as const, step: 'conflict' } }
          : step,
      ),
    };
    const engine = createEngine({
      program,
      couple: testCouple,
      device: 'd',
      now: () => testCouple.startedAt,
    });
    expect(statusOf(engine, 'professional-help')?.status).toBe('available');
  });

  it("counts days since start in each partner's calendar", () => {
    const { engine, clock } = setup();
    completeFoundation(engine);
    engine.completeExercise('ana', 'listening-basics');
    clock.advance(13 * DAY);
    engine.refresh();
    const conflict = statusOf(engine, 'conflict');
    const days = conflict?.unlock.children?.find((child) => child.kind === 'days-since-start');
    expect(days).toMatchObject({ holds: false, progress: { done: 13, needed: 14 } });
    clock.advance(DAY);
    engine.refresh();
    const later = statusOf(engine, 'conflict')?.unlock.children?.find(
      (c) => c.kind === 'days-since-start',
    );
    expect(later?.holds).toBe(true);
  });
});

describe('the safety gate', () => {
  it('recommends a rest to the partner at risk, rests when they choose it, neutrally for both, and brings help forward', () => {
    const { engine, clock } = setup();
    completeFoundation(engine);
    engine.takeSafetyCheck('kai', 'safety-check', { 'feel-safe': false, afraid: true });
    // The check alone rests nothing: Kai chooses, and is told a rest is recommended.
    expect(engine.getSnapshot().resting).toBe(false);
    expect(engine.viewFor('kai')).toMatchObject({
      ownSafetyConcern: true,
      restRecommended: true,
      ownRest: undefined,
    });
    expect(engine.viewFor('ana')).toMatchObject({
      ownSafetyConcern: false,
      restRecommended: false,
    });

    const rest = engine.setRest('kai', true);
    expect(rest.data).toEqual({ active: true });
    // It takes effect at the next quarter hour, not the moment the check ended.
    expect(engine.viewFor('kai')).toMatchObject({
      restRecommended: false,
      ownRest: { active: true, from: rest.clock.wall, inEffect: false },
    });
    expect(engine.getSnapshot().resting).toBe(false);
    clock.set(rest.clock.wall);
    engine.refresh();
    const snapshot = engine.getSnapshot();
    expect(snapshot.resting).toBe(true);
    expect(engine.viewFor('kai').ownRest).toEqual({
      active: true,
      from: rest.clock.wall,
      inEffect: true,
    });
    const vulnerability = statusOf(engine, 'vulnerability');
    expect(vulnerability?.status).toBe('locked');
    const clear = vulnerability?.unlock.children?.find((child) => child.kind === 'safety-clear');
    expect(clear).toEqual({
      kind: 'safety-clear',
      holds: false,
      key: 'common:explain.safety-clear',
      params: {},
    });
    expect(statusOf(engine, 'professional-help')?.status).not.toBe('locked');

    const kai = engine.viewFor('kai');
    expect(kai.ownSafetyConcern).toBe(true);
    expect(kai.suggestion).toMatchObject({
      step: 'professional-help',
      reasonKey: 'safety:result.risk.help',
    });

    const ana = engine.viewFor('ana');
    expect(ana.ownSafetyConcern).toBe(false);
    expect(ana.ownRest).toBeUndefined();
    expect(JSON.stringify(ana)).not.toContain('safety-check-taken');
    expect(ana.entries.find((entry) => entry.type === 'safety-rest')).toEqual(
      expect.not.objectContaining({ partner: expect.anything() }),
    );
  });

  it('lets each partner wake only their own rest, and never with a check', () => {
    // Only a check that answers every question, none signalling risk, is clear.
    const allClear = {
      'feel-safe': true,
      'can-disagree': true,
      afraid: false,
      'see-others': true,
      threatened: false,
    };
    const { engine, clock } = setup();
    engine.takeSafetyCheck('kai', 'safety-check', { afraid: true });
    engine.setRest('kai', true);
    engine.setRest('ana', true);
    engine.setRest('ana', false);
    engine.takeSafetyCheck('ana', 'safety-check', allClear);
    engine.takeSafetyCheck('kai', 'safety-check', allClear);
    clock.advance(HOUR);
    engine.refresh();
    // Kai's clear check wakes nothing, nor does Ana's wake of her own rest.
    expect(engine.getSnapshot().resting).toBe(true);
    engine.setRest('kai', false);
    clock.advance(HOUR);
    engine.refresh();
    expect(engine.getSnapshot().resting).toBe(false);
  });
});

describe('check-ins', () => {
  it('shows trends per dimension and flags divergence, which suggests a conversation', () => {
    const { engine, clock } = setup();
    completeFoundation(engine);
    for (const [ana, kai] of [
      [4, 4],
      [5, 3],
      [5, 2],
    ] as const) {
      clock.advance(7 * DAY);
      engine.recordCheckIn('ana', 'weekly-check-in', { closeness: ana });
      engine.recordCheckIn('kai', 'weekly-check-in', { closeness: kai });
    }
    const closeness = engine
      .getSnapshot()
      .checkIns.find((trends) => trends.exercise === 'weekly-check-in')
      ?.dimensions.find((dimension) => dimension.dimension === 'closeness');
    expect(closeness?.latest).toEqual({ ana: 5, kai: 2 });
    expect(closeness?.direction).toEqual({ ana: 'up', kai: 'down' });
    expect(closeness?.diverging).toBe(true);
    expect(engine.viewFor('ana').suggestion).toMatchObject({
      reasonKey: 'common:suggest.divergence',
      params: { dimension: 'closeness' },
    });
    const suggested = engine.viewFor('ana').suggestion.exercise;
    expect(
      nineStepProgram.steps.flatMap((s) => s.exercises).find((e) => e.id === suggested)?.kind,
    ).toBe('conversation');
  });

  it("suggests repair work when a partner's scores are low", () => {
    const { engine, clock } = setup();
    completeFoundation(engine);
    clock.advance(7 * DAY);
    engine.recordCheckIn('kai', 'weekly-check-in', {
      'feeling-heard': 1,
      closeness: 2,
      stress: 2,
      fun: 1,
      support: 2,
    });
    engine.recordCheckIn('ana', 'weekly-check-in', {
      'feeling-heard': 2,
      closeness: 2,
      stress: 2,
      fun: 2,
      support: 2,
    });
    expect(engine.viewFor('kai').suggestion.reasonKey).toBe('common:suggest.low-scores');
  });
});

describe('rhythm', () => {
  it('counts weeks with shared practice, never punishes a missed week, and freezes while paused', () => {
    const { engine, clock } = setup();
    engine.completeExercise('ana', 'ground-rules', { together: true });
    clock.advance(7 * DAY);
    engine.completeExercise('ana', 'safe-space-basics');
    engine.completeExercise('kai', 'safe-space-basics');
    clock.advance(14 * DAY);
    engine.refresh();
    expect(engine.getSnapshot().rhythm).toEqual({ weeks: 2, recent: 2, paused: false });
    engine.pause('ana');
    clock.advance(21 * DAY);
    engine.refresh();
    expect(engine.getSnapshot().rhythm).toEqual({ weeks: 2, recent: 2, paused: true });
  });
});

describe('next suggestion', () => {
  it('is the next exercise in the earliest open step, and a started one comes first', () => {
    const { engine } = setup();
    expect(engine.viewFor('ana').suggestion).toMatchObject({
      exercise: 'safe-space-basics',
      step: 'safe-space',
      reasonKey: 'common:suggest.next-in-step',
    });
    engine.startExercise('ana', 'dreams-deck', { together: true });
    expect(engine.viewFor('ana').suggestion).toMatchObject({
      exercise: 'dreams-deck',
      reasonKey: 'common:suggest.continue',
    });
  });
});

describe('due items', () => {
  it("gives each partner's rituals and check-ins in their own time zone, as reminder intents", () => {
    const { engine, clock } = setup();
    const ana = engine.viewFor('ana').due;
    const kai = engine.viewFor('kai').due;
    const talk = (items: typeof ana) => items.find((item) => item.exercise === 'daily-talk');
    const checkIn = (items: typeof ana) =>
      items.find((item) => item.exercise === 'weekly-check-in');
    // Monday 5 January 2026, 08:00 UTC: 09:00 in Berlin, 03:00 in New York.
    expect(talk(ana)).toMatchObject({
      state: 'upcoming',
      localTime: '2026-01-05T20:30',
      timeZone: 'Europe/Berlin',
      messageKey: 'common:reminder.ritual',
    });
    expect(talk(kai)).toMatchObject({
      state: 'upcoming',
      localTime: '2026-01-05T20:30',
      timeZone: 'America/New_York',
    });
    expect(talk(kai)?.at).toBe(Date.UTC(2026, 0, 6, 1, 30));
    expect(checkIn(ana)).toMatchObject({
      localTime: '2026-01-11T19:00',
      messageKey: 'common:reminder.check-in',
    });
    expect(JSON.stringify(ana)).not.toMatch(/text|answers/);

    clock.set(Date.UTC(2026, 0, 6, 2));
    engine.refresh();
    expect(talk(engine.viewFor('kai').due)?.state).toBe('due');
    expect(engine.viewFor('kai').suggestion).toMatchObject({
      reasonKey: 'common:suggest.due',
      exercise: 'daily-talk',
    });
    engine.completeExercise('kai', 'daily-talk', { together: true });
    expect(talk(engine.viewFor('kai').due)).toMatchObject({
      state: 'upcoming',
      localTime: '2026-01-06T20:30',
    });
  });

  it('keeps a weekly check-in at 19:00 local when New York changes its clocks', () => {
    const couple = { ...testCouple, startedAt: Date.UTC(2026, 2, 2, 12) };
    let now = couple.startedAt;
    const engine = createEngine({ program: nineStepProgram, couple, device: 'd', now: () => now });
    const first = engine.viewFor('kai').due.find((item) => item.exercise === 'weekly-check-in');
    expect(first?.localTime).toBe('2026-03-08T19:00');
    expect(first?.at).toBe(Date.UTC(2026, 2, 8, 23));
    now = Date.UTC(2026, 2, 9, 1);
    engine.recordCheckIn('kai', 'weekly-check-in', { closeness: 4 });
    const next = engine.viewFor('kai').due.find((item) => item.exercise === 'weekly-check-in');
    expect(next?.localTime).toBe('2026-03-15T19:00');
    expect(next?.at).toBe(Date.UTC(2026, 2, 15, 23));
  });
});

describe('structural sharing', () => {
  it('keeps the identity of steps and suggestions that did not change', () => {
    const { engine } = setup();
    const before = engine.getSnapshot();
    const suggestion = engine.viewFor('kai').suggestion;
    engine.completeExercise('ana', 'dreams-deck', { together: true });
    const after = engine.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.steps[0]).toBe(before.steps[0]);
    expect(after.steps[1]).not.toBe(before.steps[1]);
    expect(after.steps[4]).toBe(before.steps[4]);
    expect(after.checkIns).toBe(before.checkIns);
    expect(engine.viewFor('kai').suggestion).toBe(suggestion);
  });
});
