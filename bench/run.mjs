// `pnpm bench`: measures the built packages (dist), prints tables and writes bench/results.json.
// Compare figures within one run: machines are shared and noisy, so ratios mean more than times.
import { writeFileSync } from 'node:fs';
import { nineStepProgram } from '@attune/core';
import { validateProgram } from '@attune/core/validation';
import { Bench } from 'tinybench';
import { benchEngine } from './engine.mjs';
import { withDeepNesting, withHugeString, withManyBrokenEntries } from './hostile.mjs';

const documents = {
  'a 1 MB string in an id': withHugeString(),
  'about 1 MB of broken entries': withManyBrokenEntries(),
  'a rule nested 100,000 levels deep': withDeepNesting(),
};

const bench = new Bench({ time: 1000, warmupTime: 200 });
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

const results = Object.fromEntries(
  bench.tasks.map((task) => [
    task.name,
    {
      meanMs: Number(task.result.latency.mean.toFixed(3)),
      p99Ms: Number(task.result.latency.p99.toFixed(3)),
      opsPerSecond: Math.round(task.result.throughput.mean),
      samples: task.result.latency.samplesCount ?? task.result.totalTime,
    },
  ]),
);
const baseline = results['validateProgram(nineStepProgram)'].meanMs;
const report = {
  node: process.version,
  date: new Date().toISOString(),
  validation: {
    tasks: results,
    // How much slower than validating the real program each hostile document is, in the same run.
    ratios: Object.fromEntries(
      Object.keys(documents).map((name) => [
        name,
        Number((results[`validateProgram(${name})`].meanMs / baseline).toFixed(1)),
      ]),
    ),
  },
};
report.engine = await benchEngine();

console.log('Validation');
console.table(results);
console.log('hostile / nine-step ratios:', report.validation.ratios);
const { fold, ingest, append, snapshot, memory } = report.engine;
console.log('Engine');
console.table({
  'fold 1M events (engine, events/s)': { value: fold.engineEventsPerSecond, target: '' },
  'fold 1M events (hand-written baseline, events/s)': {
    value: fold.baselineEventsPerSecond,
    target: '',
  },
  'fold.ratio (engine / baseline)': { value: fold.ratio, target: '>= 0.33' },
  'ingest 1M events through receive, each checked (events/s)': {
    value: ingest.eventsPerSecond,
    target: '',
  },
  'append at 100 events (µs)': { value: append.microsecondsAt100, target: '' },
  'append at 100,000 events (µs)': { value: append.microsecondsAt100000, target: '' },
  'append.ratio (100,000 / 100)': { value: append.ratio, target: '<= 2' },
  'snapshot at 10,000 events (ms)': { value: snapshot.milliseconds, target: '' },
  'partner view at 10,000 events, clock moved on (ms)': {
    value: snapshot.viewMilliseconds,
    target: '',
  },
  'partner view at 10,000 events, after a new event (ms)': {
    value: snapshot.viewAfterEventMilliseconds,
    target: '',
  },
  'heap per event (bytes)': { value: memory.bytesPerEvent, target: '' },
});
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
