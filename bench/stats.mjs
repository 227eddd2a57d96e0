// Small helpers shared by the benchmarks: timing, medians and the spread of several rounds. Loops
// only: the lists can be long, and spreading one into a call (`Math.max(...list)`) would overflow.

/**
 * Milliseconds that `run` takes, with what it returned: wall-clock time (`ms`), and the CPU time the
 * process spent meanwhile (`cpuMs`, user and system, every thread of it: the garbage collector's
 * helpers too). On a shared machine the CPU time moves much less with other work's load, which
 * stretches wall-clock time whenever this process waits for a core.
 */
export function time(run) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

/** The median of a list of numbers (the mean of the middle two when the count is even). */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds a figure to `digits` significant digits, for reading. */
export function round(value, digits = 3) {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/**
 * The median of several rounds with their range, so that noise shows: `spread` is (max − min) ÷
 * median, and `rounds` lists every round's figure in the order measured.
 */
export function summary(rounds, digits = 3) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of rounds) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const mid = median(rounds);
  return {
    median: round(mid, digits),
    min: round(min, digits),
    max: round(max, digits),
    spread: round((max - min) / mid, 2),
    rounds: rounds.map((value) => round(value, digits)),
  };
}

/** Collects the garbage a previous measurement left, when node runs with `--expose-gc`. */
export function collect() {
  globalThis.gc?.();
}

/** A figure, its target and whether the target is met (a missed target never fails the bench). */
export function target(name, value, unit, comparison, goal, stretch) {
  const holds = (limit) => {
    if (!Number.isFinite(value)) return false;
    if (comparison === '<=') return value <= limit;
    if (comparison === '<') return value < limit;
    if (comparison === '>=') return value >= limit;
    return value > limit;
  };
  return {
    figure: name,
    value,
    unit,
    target: `${comparison} ${goal}`,
    met: holds(goal),
    ...(stretch === undefined
      ? {}
      : { stretch: `${comparison} ${stretch}`, stretchMet: holds(stretch) }),
  };
}

/**
 * Figures as their medians, with every round behind them under `noise`: `{ ratio: 1.2, noise: {
 * ratio: { median, min, max, spread, rounds } } }`.
 */
export function withNoise(summaries) {
  const figures = {};
  for (const [name, figure] of Object.entries(summaries)) figures[name] = figure.median;
  return { ...figures, noise: summaries };
}
