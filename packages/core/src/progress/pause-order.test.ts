import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import type { LoggedEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { importEvents } from '../sync/import-events.js';
import { testCouple } from '../testing/test-couple.js';
import { createFacts, type FoldContext, foldEvent } from './facts.js';
import { isPaused } from './rhythm.js';

const now = testCouple.startedAt + 86_400_000;
const in2100 = Date.UTC(2100, 0, 1);
const phone = (device: string, at: number, events?: readonly LoggedEvent[]) =>
  createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device,
    now: () => at,
    ...(events && { events, trusted: true }),
  });

const context: FoldContext = { timeZones: new Map(), exercises: new Set() };
const toggle = (
  id: string,
  type: 'program-paused' | 'program-resumed',
  wall: number,
  follows?: string,
): LoggedEvent => ({
  id,
  partner: 'ana',
  device: id.split(':')[0] as string,
  seq: Number(id.split(':')[1]),
  clock: { wall, counter: 0 },
  type,
  data: follows === undefined ? {} : { follows },
  visibility: 'shared',
});
const pausedAfter = (events: readonly LoggedEvent[]) => {
  const facts = createFacts();
  for (const event of events) foldEvent(facts, event, context);
  return isPaused(facts);
};

describe('a pause stamped by a clock far in the future', () => {
  it('is resumed by the other partner, on both phones, whatever the clocks say', () => {
    const ana = phone('ana-phone', in2100);
    const pause = ana.pause('ana');
    // Kai's phone takes the pause through sync, which accepts any clock, and starts from the result.
    const merged = importEvents([], [pause], { couple: testCouple, self: 'kai' });
    let kai = phone('kai-phone', now, merged.events);
    expect(kai.getSnapshot().paused).toBe(true);
    expect(() => kai.completeExercise('kai', 'what-feels-safe')).toThrow(/paused/);

    const resume = kai.resume('kai');
    expect(resume.clock.wall).toBeLessThan(pause.clock.wall);
    expect(kai.getSnapshot().paused).toBe(false);
    kai.completeExercise('kai', 'what-feels-safe');

    expect(ana.receive([resume]).added).toBe(1);
    expect(ana.getSnapshot().paused).toBe(false);

    // Either of them can pause again, and the other resume again.
    const again = ana.pause('ana');
    kai = phone(
      'kai-phone',
      now,
      importEvents(kai.getEvents(), [again], { couple: testCouple }).events,
    );
    expect(kai.getSnapshot().paused).toBe(true);
    const resumedAgain = kai.resume('kai');
    ana.receive([resumedAgain]);
    expect([kai.getSnapshot().paused, ana.getSnapshot().paused]).toEqual([false, false]);
  });

  it('lets a pause recorded after a resume from the future take effect too', () => {
    const ana = phone('ana-phone', in2100);
    ana.pause('ana');
    const resume = ana.resume('ana');
    const kai = phone(
      'kai-phone',
      now,
      importEvents([], ana.getEvents(), { couple: testCouple }).events,
    );
    expect(kai.getSnapshot().paused).toBe(false);
    const pause = kai.pause('kai');
    expect(pause.clock.wall).toBeLessThan(resume.clock.wall);
    expect(kai.getSnapshot().paused).toBe(true);
    ana.receive([pause]);
    expect(ana.getSnapshot().paused).toBe(true);
  });
});

describe('the order of pauses and resumes', () => {
  it('is the clock order for those that name nothing, as before', () => {
    const pause = toggle('a:1', 'program-paused', 100);
    const resume = toggle('b:1', 'program-resumed', 50);
    expect(pausedAfter([pause, resume])).toBe(true);
    expect(pausedAfter([resume, pause])).toBe(true);
  });

  it('puts one that names another after it, whatever order they arrive in', () => {
    const pause = toggle('a:1', 'program-paused', 100);
    const resume = toggle('b:1', 'program-resumed', 50, 'a:1');
    const pauseAgain = toggle('a:2', 'program-paused', 60, 'b:1');
    for (const events of [
      [pause, resume],
      [resume, pause],
    ]) {
      expect(pausedAfter(events)).toBe(false);
    }
    for (const events of [
      [pause, resume, pauseAgain],
      [pauseAgain, resume, pause],
      [resume, pauseAgain, pause],
    ]) {
      expect(pausedAfter(events)).toBe(true);
    }
  });

  it('ignores a name of something not held, and settles a loop the same whatever the order', () => {
    expect(pausedAfter([toggle('b:1', 'program-resumed', 50, 'missing:1')])).toBe(false);
    const a = toggle('a:1', 'program-paused', 100, 'b:1');
    const b = toggle('b:1', 'program-resumed', 50, 'a:1');
    expect(pausedAfter([a, b])).toBe(pausedAfter([b, a]));
  });

  it('reads a trusted one without data, or with a name that is not text, as naming nothing', () => {
    const pause = toggle('a:1', 'program-paused', 100);
    const bare = { ...toggle('b:1', 'program-resumed', 50), data: null } as unknown as LoggedEvent;
    const odd = { ...toggle('b:2', 'program-resumed', 60), data: { follows: 1 } } as LoggedEvent;
    expect(pausedAfter([pause, bare])).toBe(true);
    expect(pausedAfter([pause, odd])).toBe(true);
  });
});
