// `pnpm bench`: measures the built packages (dist), prints tables and writes bench/results.json.
// Machines are shared and noisy: every figure is the median of several rounds, with the rounds and
// their spread in the results, and ratios compare two sizes measured in the same rounds. A missed
// target is reported, never a failure; the bench fails only on an error.
//
// `node --expose-gc bench/run.mjs --quick` runs fewer rounds of everything, for trying changes.
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { nineStepProgram } from '@attune/core';
import { validateProgram } from '@attune/core/validation';
import { Bench } from 'tinybench';
import { benchAppend, benchFold, benchMemory } from './engine.mjs';
import { benchHistory } from './history.mjs';
import { withDeepNesting, withHugeString, withManyBrokenEntries } from './hostile.mjs';
import { benchRecord } from './record.mjs';
import { benchSelectors } from './selectors.mjs';
import { round, target } from './stats.mjs';

const quick = process.argv.includes('--quick');
// Repetitions, scaled to keep the whole run to a few minutes on 2 shared cores; sizes never change.
const rounds = quick
  ? { fold: 2, ingest: 1, append: 5, record: 3, recordWarmup: 1, selectors: 1, validationMs: 200 }
  : {
      fold: 5,
      ingest: 3,
      append: 15,
      record: 9,
      recordWarmup: 2,
      selectors: 3,
      validationMs: 1000,
    };

const started = performance.now();
const cpuList = cpus();
const machine = {
  cpu: cpuList[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  memoryGiB: round(totalmem() / 2 ** 30, 3),
  // 1, 5 and 15 minutes, as the machine's other work loaded it before the bench began.
  loadAverageAtStart: loadavg().map((load) => round(load, 3)),
  gcExposed: typeof globalThis.gc === 'function',
  quick,
};
const phases = {};
const phase = async (name, run) => {
  const start = performance.now();
  console.error(`… ${name}`);
  const result = await run();
  phases[name] = round((performance.now() - start) / 1000, 3);
  return result;
};

// Validation: the real program against hostile documents of about 1 MB.
const documents = {
  'a 1 MB string in an id': withHugeString(),
  'about 1 MB of broken entries': withManyBrokenEntries(),
  'a rule nested 100,000 levels deep': withDeepNesting(),
};
const validation = await phase('validation', async () => {
  const bench = new Bench({ time: rounds.validationMs, warmupTime: 200 });
  bench.add('validateProgram(nineStepProgram)', () => {
    validateProgram(nineStepProgram);
  });
  for (const [name, document] of Object.entries(documents)) {
    bench.add(`validateProgram(${name})`, () => {
      const result = validateProgram(document);
      if (result.ok) throw new Error(`a hostile document (${name}) passed validation`);
    });
  }
  await bench.run();
  const tasks = {};
  for (const task of bench.tasks) {
    if (task.result.error) throw task.result.error;
    const { latency, throughput } = task.result;
    tasks[task.name] = {
      medianMs: round(latency.p50, 3),
      meanMs: round(latency.mean, 3),
      p99Ms: round(latency.p99, 3),
      minMs: round(latency.min, 3),
      maxMs: round(latency.max, 3),
      // tinybench's relative margin of error of the mean, in percent.
      rme: round(latency.rme, 2),
      opsPerSecond: Math.round(throughput.mean),
      samples: latency.samplesCount ?? latency.samples?.length,
    };
  }
  const baseline = tasks['validateProgram(nineStepProgram)'].medianMs;
  return {
    tasks,
    // How much slower than validating the real program each hostile document is, in the same run.
    ratios: Object.fromEntries(
      Object.keys(documents).map((name) => [
        name,
        round(tasks[`validateProgram(${name})`].medianMs / baseline, 2),
      ]),
    ),
  };
});

const history = await phase('simulating a million events', () => benchHistory(1_000_000));
const { fold, ingest } = await phase('fold and ingest, 1M events', () =>
  benchFold(history, { rounds: rounds.fold, ingestRounds: rounds.ingest }),
);
const append = await phase('append at 100 and 100k events', () =>
  benchAppend(history, { rounds: rounds.append }),
);
const record = await phase('record, getSnapshot subscriber, 1k and 100k', () =>
  benchRecord(history, 'snapshot', { rounds: rounds.record, warmup: rounds.recordWarmup }),
);
const view = await phase('record, viewFor subscriber, 1k and 100k', () =>
  benchRecord(history, 'view', { rounds: rounds.record, warmup: rounds.recordWarmup }),
);
const selectors = await phase('every selector at 1M events', () =>
  benchSelectors(history, { rounds: rounds.selectors }),
);
const memory = await phase('heap per event, 1M events', () => benchMemory(history));
machine.loadAverageAtEnd = loadavg().map((load) => round(load, 3));

const targets = [
  target(
    'record.ratio: one record at 100k ÷ at 1k, getSnapshot subscriber',
    record.ratio,
    '×',
    '<=',
    1.5,
  ),
  target('view.ratio: one record at 100k ÷ at 1k, viewFor subscriber', view.ratio, '×', '<=', 2),
  target(
    'one record at 100k events, getSnapshot subscriber',
    record.microsecondsAt100000,
    'µs',
    '<',
    50,
    10,
  ),
  target('fold.ratio: engine ÷ hand-written reducer, 1M events', fold.ratio, '×', '>=', 0.5, 0.8),
  target('append.ratio: one append at 100k ÷ at 100', append.ratio, '×', '<=', 2),
  target('heap per event held, 1M events', memory.bytesPerEvent, 'bytes', '<=', 200),
  {
    figure: 'every selector completes at 1M events',
    value: selectors.completed,
    unit: '',
    target: 'completes',
    met: selectors.completed,
  },
];

const report = {
  date: new Date().toISOString(),
  machine,
  durationSeconds: round((performance.now() - started) / 1000, 3),
  phasesSeconds: phases,
  targets,
  record,
  view,
  fold,
  append,
  memory,
  selectors,
  ingest,
  validation,
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);

const range = (noise) => `${noise.min}–${noise.max}`;
console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}; ${report.durationSeconds} s`,
);
console.log('Targets (medians of the rounds; a missed target does not fail the bench)');
console.table(
  Object.fromEntries(
    targets.map((entry) => [
      entry.figure,
      {
        value: entry.value,
        unit: entry.unit,
        target: entry.target,
        met: entry.met,
        stretch: entry.stretch ?? '',
        'stretch met': entry.stretchMet ?? '',
      },
    ]),
  ),
);
console.log('Engine (median and min–max over the rounds; the same from CPU time)');
const row = (figures, name, unit, cpuName) => ({
  median: figures[name],
  'min–max': figures.noise?.[name] ? range(figures.noise[name]) : '',
  cpu: cpuName ? figures[cpuName] : '',
  'cpu min–max': cpuName ? range(figures.noise[cpuName]) : '',
  unit,
});
console.table({
  'record at 1k, getSnapshot subscriber': row(
    record,
    'microsecondsAt1000',
    'µs',
    'cpuMicrosecondsAt1000',
  ),
  'record at 100k, getSnapshot subscriber': row(
    record,
    'microsecondsAt100000',
    'µs',
    'cpuMicrosecondsAt100000',
  ),
  'record.ratio': row(record, 'ratio', '×', 'ratioByCpu'),
  'record at 1k, viewFor subscriber': row(
    view,
    'microsecondsAt1000',
    'µs',
    'cpuMicrosecondsAt1000',
  ),
  'record at 100k, viewFor subscriber': row(
    view,
    'microsecondsAt100000',
    'µs',
    'cpuMicrosecondsAt100000',
  ),
  'view.ratio': row(view, 'ratio', '×', 'ratioByCpu'),
  'fold 1M, engine': row(fold, 'engineEventsPerSecond', 'events/s'),
  'fold 1M, hand-written reducer': row(fold, 'baselineEventsPerSecond', 'events/s'),
  'fold.ratio': row(fold, 'ratio', '×', 'ratioByCpu'),
  'ingest 1M through receive, each checked': row(ingest, 'eventsPerSecond', 'events/s'),
  'append at 100': row(append, 'microsecondsAt100', 'µs', 'cpuMicrosecondsAt100'),
  'append at 100k': row(append, 'microsecondsAt100000', 'µs', 'cpuMicrosecondsAt100000'),
  'append.ratio': row(append, 'ratio', '×', 'ratioByCpu'),
  'heap per event held': row(memory, 'bytesPerEvent', 'bytes'),
});
console.log('Record, per method (median µs over every round; getSnapshot | viewFor subscriber)');
console.table(
  Object.fromEntries(
    Object.entries(record.byMethod).map(([method, figures]) => [
      method,
      {
        'snapshot 1k': figures.microsecondsAt1000,
        'snapshot 100k': figures.microsecondsAt100000,
        'view 1k': view.byMethod[method]?.microsecondsAt1000,
        'view 100k': view.byMethod[method]?.microsecondsAt100000,
      },
    ]),
  ),
);
console.log(`Selectors at ${selectors.events} events (ms, first read after the change named)`);
console.table(
  Object.fromEntries(
    selectors.selectors.map((entry) => [
      `${entry.selector}, after ${entry.after}`,
      entry.completed
        ? {
            median: entry.milliseconds,
            'min–max': range(entry.noise.milliseconds),
            cpu: entry.cpuMilliseconds,
          }
        : { median: 'ERROR', 'min–max': entry.error },
    ]),
  ),
);
console.log('Validation (median ms)');
console.table(
  Object.fromEntries(
    Object.entries(validation.tasks).map(([name, task]) => [
      name,
      { medianMs: task.medianMs, p99Ms: task.p99Ms, rme: task.rme },
    ]),
  ),
);
console.log('hostile / nine-step ratios:', validation.ratios);
if (!selectors.completed) {
  console.error('A selector failed at 1M events: see bench/results.json.');
  process.exitCode = 1;
}
