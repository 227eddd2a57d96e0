// The histories the engine benchmarks start from: one simulated couple of a million events, in log
// order as the engine's own storage holds them, and its first 1,000 and 100,000 events (the same
// couple earlier in their history).
import { compareEvents } from '@attune/core';
import { simulateCouple } from '@attune/core/testing';

/** A simulated log of about `target` events, in the order the simulation recorded them. */
export function simulatedLog(target) {
  // Simulate a short stretch, then scale the number of days to reach the target.
  const sessionsPerDay = 20;
  const sample = simulateCouple({ days: 100, seed: 42, behaviour: 'engaged', sessionsPerDay });
  const days = Math.ceil((target / sample.events.length) * 100 * 1.05) + 1;
  const simulated = simulateCouple({ days, seed: 42, behaviour: 'engaged', sessionsPerDay });
  return { ...simulated, events: simulated.events.slice(0, target) };
}

/** The last wall-clock time in a log, by a loop (a million events are too many to spread). */
export function lastWall(events) {
  let last = 0;
  for (const event of events) if (event.clock.wall > last) last = event.clock.wall;
  return last;
}

/**
 * The couple with `size` events in log order; `prefix(n)` is their history up to their n-th event,
 * with the moment just after it (`end`), when the benchmarks read the engine's clock.
 */
export function benchHistory(size = 1_000_000) {
  const simulated = simulatedLog(size);
  const events = [...simulated.events].sort(compareEvents);
  const prefix = (n) => {
    const slice = n === events.length ? events : events.slice(0, n);
    return { events: slice, end: lastWall(slice) + 3_600_000 };
  };
  return { couple: simulated.couple, program: simulated.program, events, prefix };
}
