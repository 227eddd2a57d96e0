// Hostile program documents of about 1 MB, for measuring how validation copes with them.
import { nineStepProgram } from '@attune/core';

const MEGABYTE = 1024 * 1024;

/** The nine-step program with one id replaced by a 1 MB string. */
export function withHugeString() {
  const document = structuredClone(nineStepProgram);
  document.steps[3].exercises[0].id = 'x'.repeat(MEGABYTE);
  return document;
}

/** About 1 MB of small broken exercises: wrong types, NaN, prototype keys, unknown kinds. */
export function withManyBrokenEntries() {
  const document = structuredClone(nineStepProgram);
  const broken = [];
  let size = 0;
  for (let i = 0; size < MEGABYTE; i++) {
    const entry = JSON.parse(
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{}},"id":${i},"kind":"${i % 2 ? 'reflection' : 'unknown'}","minutes":null,"visibility":"public","prompts":[1e999]}`,
    );
    entry.minutes = Number.NaN;
    broken.push(entry);
    size += 160;
  }
  document.steps[0].exercises = broken;
  return document;
}

/** A rule nested 100,000 levels deep inside an otherwise valid program. */
export function withDeepNesting() {
  const document = structuredClone(nineStepProgram);
  let rule = { kind: 'always' };
  for (let i = 0; i < 100_000; i++) rule = { kind: 'not', rule };
  document.steps[2].unlock = rule;
  return document;
}
