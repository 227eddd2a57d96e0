// Every selector an app reads, over a million events: that each completes (nothing spreads an
// unbounded list into a call, which would overflow the stack), and how long each takes when it is
// the first thing read after a change — a new event from the partner's phone, or the clock moving on
// a day (`refresh`) — as the `@attune/react` hooks read them.
import { createEngine } from '@attune/core';
import { collect, summary, time, withNoise } from './stats.mjs';

const DAY = 86_400_000;

/**
 * What is timed, each alone. After a new event nothing is cached, so each read pays for all it
 * needs; after the clock moved on, `refresh` has already computed the snapshot and a view keeps its
 * entries (the log did not grow), so a view computes only the due items and the suggestion again.
 */
const cases = [
  { name: 'getSnapshot()', after: 'event', read: (engine) => engine.getSnapshot() },
  { name: "viewFor('ana')", after: 'event', read: (engine) => engine.viewFor('ana') },
  { name: "viewFor('kai')", after: 'event', read: (engine) => engine.viewFor('kai') },
  { name: "due items: viewFor('ana').due", after: 'event', read: (e) => e.viewFor('ana').due },
  {
    name: "suggestion: viewFor('kai').suggestion",
    after: 'event',
    read: (engine) => engine.viewFor('kai').suggestion,
  },
  { name: 'rhythm: getSnapshot().rhythm', after: 'event', read: (e) => e.getSnapshot().rhythm },
  {
    name: 'trends: getSnapshot().checkIns',
    after: 'event',
    read: (engine) => engine.getSnapshot().checkIns,
  },
  {
    name: "viewFor('ana'), the snapshot already read",
    after: 'event',
    before: (engine) => engine.getSnapshot(),
    read: (engine) => engine.viewFor('ana'),
  },
  { name: 'refresh()', after: 'clock', read: (engine) => engine.refresh() },
  {
    name: "due items: viewFor('ana').due",
    after: 'clock',
    // The partner's screen read the view before the clock moved on.
    ready: (engine) => engine.viewFor('ana'),
    before: (engine) => engine.refresh(),
    read: (engine) => engine.viewFor('ana').due,
  },
  {
    name: "suggestion: viewFor('kai').suggestion",
    after: 'clock',
    ready: (engine) => engine.viewFor('kai'),
    before: (engine) => engine.refresh(),
    read: (engine) => engine.viewFor('kai').suggestion,
  },
];

/** Each selector's time in ms at a million events, over `rounds` rounds; errors are reported. */
export function benchSelectors(history, { rounds = 3 } = {}) {
  const { couple, program, events } = history;
  let clock = history.prefix(events.length).end;
  const engine = createEngine({
    program,
    couple,
    device: 'bench',
    now: () => clock,
    events,
    trusted: true,
  });
  engine.getSnapshot();
  let seq = 0;
  const newEvent = () => {
    seq++;
    clock += 60_000;
    const { added } = engine.receive([
      {
        id: `kai-tablet:${seq}`,
        partner: 'kai',
        device: 'kai-tablet',
        seq,
        clock: { wall: clock, counter: 0 },
        type: 'exercise-completed',
        data: { exercise: 'daily-talk', together: true },
        visibility: 'shared',
      },
    ]);
    if (added !== 1) throw new Error('the new event was not added');
  };
  const times = cases.map(() => []);
  const cpuTimes = cases.map(() => []);
  const errors = cases.map(() => undefined);
  for (let round = 0; round < rounds; round++) {
    // Once a round: a full collection with a million events and two views held takes a while. The
    // first snapshot after one takes several times longer, whatever it is, so it is not timed.
    collect();
    newEvent();
    engine.getSnapshot();
    cases.forEach((selector, i) => {
      if (errors[i]) return;
      try {
        if (selector.after === 'event') newEvent();
        else {
          selector.ready?.(engine);
          clock += DAY;
        }
        selector.before?.(engine);
        const { ms, cpuMs } = time(() => selector.read(engine));
        times[i].push(ms);
        cpuTimes[i].push(cpuMs);
      } catch (error) {
        errors[i] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    });
  }
  const snapshot = engine.getSnapshot();
  const views = { ana: engine.viewFor('ana'), kai: engine.viewFor('kai') };
  let trendPoints = 0;
  for (const trends of snapshot.checkIns) {
    for (const dimension of trends.dimensions) trendPoints += dimension.points.length;
  }
  const results = cases.map((selector, i) => ({
    selector: selector.name,
    after: selector.after === 'event' ? 'a new event' : 'the clock moved on a day',
    completed: errors[i] === undefined,
    ...(errors[i] === undefined
      ? withNoise({ milliseconds: summary(times[i]), cpuMilliseconds: summary(cpuTimes[i]) })
      : { error: errors[i] }),
  }));
  collect();
  return {
    events: engine.getEvents().length,
    rounds,
    completed: results.every((result) => result.completed),
    selectors: results,
    // What the selectors returned in the end, to show they worked over the whole log.
    sizes: {
      entriesAna: views.ana.entries.length,
      entriesKai: views.kai.entries.length,
      dueAna: views.ana.due.length,
      dueKai: views.kai.due.length,
      trendPoints,
      rhythmWeeks: snapshot.rhythm.weeks,
    },
  };
}
