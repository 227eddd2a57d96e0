import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nineStepProgram } from '../program/nine-step-program.js';
import { validateProgram } from './validate-program.js';

type Json = Record<string, unknown>;

const megabyte = 'x'.repeat(1024 * 1024);

function deeplyNested(depth: number): unknown {
  let value: unknown = { kind: 'always' };
  for (let i = 0; i < depth; i++) value = { kind: 'not', rule: value };
  return value;
}

/** Every path to an object or array inside a document, so a mutation can pick any of them. */
function containerPaths(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(path);
  for (const key of Object.keys(value)) {
    containerPaths((value as Json)[key], [...path, key], out);
  }
  return out;
}

function at(root: unknown, path: readonly string[]): Json {
  let node = root as Json;
  for (const key of path) node = node[key] as Json;
  return node;
}

// Built fresh for each use: a shared object would be changed by one run's mutations and leak into
// the next (and could even end up containing itself, which no JSON document can).
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .constantFrom<() => unknown>(
      () => Number.NaN,
      () => Number.POSITIVE_INFINITY,
      () => Number.NEGATIVE_INFINITY,
      () => -0,
      () => null,
      () => megabyte,
      () => [],
      () => ({}),
      () => '',
      () => '__proto__',
      () => deeplyNested(2000),
    )
    .map((make) => make()),
  fc.anything({ maxDepth: 3 }),
);

type Mutation =
  | { op: 'drop'; target: number; pick: number }
  | { op: 'set'; target: number; pick: number; value: unknown }
  | { op: 'add-key'; target: number; key: string; value: unknown }
  | { op: 'duplicate-id'; from: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), target: fc.nat(), pick: fc.nat() }),
  fc.record({
    op: fc.constant('set' as const),
    target: fc.nat(),
    pick: fc.nat(),
    value: hostileValue,
  }),
  fc.record({
    op: fc.constant('add-key' as const),
    target: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'kind'),
    value: hostileValue,
  }),
  fc.record({ op: fc.constant('duplicate-id' as const), from: fc.nat(), to: fc.nat() }),
);

function apply(document: unknown, change: Mutation): void {
  const paths = containerPaths(document);
  if (change.op === 'duplicate-id') {
    const withId = paths.filter((path) => typeof at(document, path).id === 'string');
    const from = withId[change.from % withId.length];
    const to = withId[change.to % withId.length];
    if (from && to) at(document, to).id = at(document, from).id;
    return;
  }
  const path = paths[change.target % paths.length] ?? [];
  const node = at(document, path);
  if (change.op === 'add-key') {
    // defineProperty makes an own "__proto__" key, as JSON.parse does, instead of setting the prototype.
    Object.defineProperty(node, change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return;
  }
  const keys = Object.keys(node);
  const key = keys[change.pick % Math.max(keys.length, 1)];
  if (key === undefined) return;
  if (change.op === 'drop') {
    if (Array.isArray(node)) node.splice(Number(key), 1);
    else delete node[key];
  } else {
    node[key] = change.value;
  }
}

describe('validateProgram on hostile documents', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it('always returns a result, never throws, and leaves Object.prototype untouched', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
        const document: unknown = JSON.parse(JSON.stringify(nineStepProgram));
        for (const change of changes) apply(document, change);

        const result = validateProgram(document);

        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(typeof problem.path).toBe('string');
            expect(problem.message.length).toBeLessThan(2000);
            expect(problem.fix.length).toBeGreaterThan(0);
          }
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
        expect(({} as Json).polluted).toBeUndefined();
        expect(({} as Json).kind).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    // Hundreds of megabyte-sized documents take a while on a shared machine; this is not a speed test.
  }, 120_000);

  it('parses a prototype-polluting JSON document without polluting', () => {
    const text = JSON.stringify(nineStepProgram).replace(
      '"schemaVersion":1,',
      '"schemaVersion":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    );
    const result = validateProgram(JSON.parse(text));
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toEqual(['unknown-field']);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('never reports a problem for the program it was built from, whatever the key order', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        // Reordering keys must not change the verdict: rebuild each object with its keys rotated.
        const rotate = (value: unknown): unknown => {
          if (Array.isArray(value)) return value.map(rotate);
          if (typeof value !== 'object' || value === null) return value;
          const entries = Object.entries(value);
          const shift = entries.length === 0 ? 0 : seed % entries.length;
          const rotated = [...entries.slice(shift), ...entries.slice(0, shift)];
          return Object.fromEntries(rotated.map(([key, inner]) => [key, rotate(inner)]));
        };
        expect(validateProgram(rotate(nineStepProgram)).problems).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
