// Engine benchmarks of the log itself: folding a long log against a hand-written reducer, checking
// every event on the way in, appending to a short and a long log, and memory per event held.
import { createEngine } from '@attune/core';
import { collect, median, round, summary, time, withNoise } from './stats.mjs';

const WEEK = 7 * 86_400_000;

/**
 * The baseline: what a developer would write by hand for the same question — completions per
 * exercise and partner, and weeks with shared practice — over events already known to be valid.
 */
export function handWrittenFold(events, offsets) {
  const completions = new Map();
  const weeks = new Map();
  for (const event of events) {
    if (event.type !== 'exercise-completed' && event.type !== 'check-in-recorded') continue;
    const key = `${event.data.exercise}|${event.partner}`;
    completions.set(key, (completions.get(key) ?? 0) + 1);
    const week = Math.floor(
      (event.clock.wall + (offsets[event.partner] ?? 0) + 3 * 86_400_000) / WEEK,
    );
    let partners = weeks.get(week);
    if (!partners) {
      partners = new Set();
      weeks.set(week, partners);
    }
    partners.add(event.partner);
  }
  let shared = 0;
  for (const partners of weeks.values()) if (partners.size === 2) shared++;
  return { completions, shared };
}

/**
 * Fold: a million events from an empty engine to a snapshot, against the hand-written reducer,
 * alternating the two so both see the same machine load. The engine folds the events as it does at
 * start-up from its own storage (`trusted`); checking events from elsewhere is measured apart, as
 * ingest, in fewer rounds since it takes several times longer.
 */
export function benchFold(history, { rounds = 5, ingestRounds = 3 } = {}) {
  const { couple, program, events } = history;
  const { end } = history.prefix(events.length);
  const offsets = { ana: 3_600_000, kai: -5 * 3_600_000 };
  const engineRates = [];
  const baselineRates = [];
  const ratios = [];
  const cpuRatios = [];
  for (let i = 0; i < rounds; i++) {
    collect();
    const baseline = time(() => handWrittenFold(events, offsets));
    collect();
    const engine = time(() =>
      createEngine({
        program,
        couple,
        device: 'bench',
        now: () => end,
        events,
        trusted: true,
      }).getSnapshot(),
    );
    engineRates.push(events.length / (engine.ms / 1000));
    baselineRates.push(events.length / (baseline.ms / 1000));
    ratios.push(baseline.ms / engine.ms);
    cpuRatios.push(baseline.cpuMs / engine.cpuMs);
  }
  const ingestRates = [];
  for (let i = 0; i < ingestRounds; i++) {
    collect();
    const ms = time(() => {
      const engine = createEngine({ program, couple, device: 'bench', now: () => end });
      engine.receive(events);
      return engine.getSnapshot();
    }).ms;
    ingestRates.push(events.length / (ms / 1000));
  }
  collect();
  return {
    fold: {
      events: events.length,
      // Engine rate ÷ baseline rate, round by round.
      ...withNoise({
        ratio: summary(ratios),
        // The same from the CPU time each took.
        ratioByCpu: summary(cpuRatios),
        engineEventsPerSecond: summary(engineRates),
        baselineEventsPerSecond: summary(baselineRates),
      }),
    },
    ingest: {
      events: events.length,
      // Ingest rate ÷ the baseline's median rate.
      ratio: round(median(ingestRates) / median(baselineRates)),
      ...withNoise({ eventsPerSecond: summary(ingestRates) }),
    },
  };
}

/**
 * Append: one event from the partner's phone into a log of 100 and of 100,000 events, through
 * `receive`, every event new (each is checked and appended; none is a duplicate). Each round starts
 * a fresh engine at each size and times a batch of appends after a few untimed ones; the log grows
 * by the batch, which a log of 100 notices more than one of 100,000.
 */
export function benchAppend(history, { rounds = 15, batch = 50, warmup = 5 } = {}) {
  const { couple, program } = history;
  const sizes = [100, 100_000];
  const perSize = new Map(sizes.map((size) => [size, []]));
  const cpuPerSize = new Map(sizes.map((size) => [size, []]));
  const ratios = [];
  const cpuRatios = [];
  // The mark of a sealed answer names the event before it on its device: no copy can be one.
  const source = history.events.filter((event) => event.type !== 'answer-sealed');
  const make = (size) => {
    const { events, end } = history.prefix(size);
    const engine = createEngine({
      program,
      couple,
      device: 'bench',
      now: () => end + WEEK,
      events,
      trusted: true,
    });
    engine.getSnapshot();
    const extra = [];
    for (let i = 0; i < warmup + batch; i++) {
      const model = source[(size + i) % source.length];
      extra.push({
        ...model,
        partner: 'kai',
        id: `kai-tablet:${i + 1}`,
        device: 'kai-tablet',
        seq: i + 1,
        clock: { wall: end + i * 1000, counter: 0 },
      });
    }
    return { engine, extra };
  };
  const appendBatch = (size) => {
    const { engine, extra } = make(size);
    for (let i = 0; i < warmup; i++) engine.receive([extra[i]]);
    const { ms, cpuMs } = time(() => {
      for (let i = warmup; i < extra.length; i++) {
        if (engine.receive([extra[i]]).added !== 1) throw new Error('an append was not added');
      }
    });
    return { us: (ms * 1000) / batch, cpuUs: (cpuMs * 1000) / batch };
  };
  // Untimed rounds first, so both sizes run optimised code.
  for (let i = 0; i < 3; i++) for (const size of sizes) appendBatch(size);
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? sizes : [...sizes].reverse();
    const figures = new Map();
    for (const size of order) figures.set(size, appendBatch(size));
    for (const size of sizes) {
      perSize.get(size).push(figures.get(size).us);
      cpuPerSize.get(size).push(figures.get(size).cpuUs);
    }
    ratios.push(figures.get(100_000).us / figures.get(100).us);
    cpuRatios.push(figures.get(100_000).cpuUs / figures.get(100).cpuUs);
  }
  collect();
  return {
    appendsPerRound: batch,
    rounds,
    // 100,000 ÷ 100, round by round; each round's mean append in µs.
    ...withNoise({
      ratio: summary(ratios),
      microsecondsAt100: summary(perSize.get(100)),
      microsecondsAt100000: summary(perSize.get(100_000)),
      // The same from CPU time.
      ratioByCpu: summary(cpuRatios),
      cpuMicrosecondsAt100: summary(cpuPerSize.get(100)),
      cpuMicrosecondsAt100000: summary(cpuPerSize.get(100_000)),
    }),
  };
}

/** Heap held per event by an engine holding a million events it checked on the way in. */
export function benchMemory(history) {
  const { couple, program, events } = history;
  const { end } = history.prefix(events.length);
  collect();
  collect();
  const before = process.memoryUsage().heapUsed;
  const held = createEngine({ program, couple, device: 'bench', now: () => end });
  held.receive(events);
  collect();
  collect();
  const after = process.memoryUsage().heapUsed;
  const count = held.getEvents().length;
  return {
    events: count,
    bytesPerEvent: Math.round((after - before) / count),
    gcExposed: typeof globalThis.gc === 'function',
  };
}
