/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BuiltInRuleKind,
  createEngine,
  formatMessage,
  nineStepProgram,
  type Rule,
  type Step,
} from '@attune/core';
import { describe, expect, it } from 'vitest';
import { readLocalesFolder } from './cli/read-locales.js';
import type { ResourceTree } from './resources.js';

// Every message key `@attune/core` can put in front of a partner (rule explanations, suggestion
// reasons, reminders, deck draws) must have words in every shipped locale: a key no locale has
// shows as a raw key, since English, the fallback, lacks it too.

const coreSources = fileURLToPath(new URL('../../core/src', import.meta.url));
const locales = readLocalesFolder(fileURLToPath(new URL('../locales', import.meta.url)));

/** The core's own source files: not tests, fixtures, nor the program and deck data (content keys). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'data' ? [] : sourceFiles(path);
    const file = relative(coreSources, path);
    const skipped =
      /\.test(-d)?\.ts$/.test(file) ||
      file.endsWith('fixtures.ts') ||
      file === join('program', 'nine-step-program.ts');
    return file.endsWith('.ts') && !skipped ? [path] : [];
  });
}

/** Message keys written out in the core's sources, and the prefixes it builds keys from. */
function writtenKeys(): { keys: Set<string>; prefixes: Set<string> } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  for (const path of sourceFiles(coreSources)) {
    for (const [, , key] of readFileSync(path, 'utf8').matchAll(
      /(['"`])((?:common|safety):[A-Za-z0-9_.-]*)\1/g,
    )) {
      if (key?.endsWith('.')) prefixes.add(key);
      else if (key) keys.add(key);
    }
  }
  return { keys, prefixes };
}

/** The keys of every explanation the engine gives, for a rule of each built-in kind. */
function explanationKeys(): Set<string> {
  const checkIn = nineStepProgram.steps
    .flatMap((step) => step.exercises)
    .find((exercise) => exercise.kind === 'check-in');
  if (checkIn?.kind !== 'check-in') throw new Error('The nine steps have no check-in.');
  const dimension = checkIn.dimensions[0]?.id ?? '';
  const done = (by: 'either' | 'each' | 'both-together'): Rule => ({
    kind: 'exercise-done',
    exercise: checkIn.id,
    by,
  });
  // A record, so a built-in rule kind added without a sample here fails to compile.
  const samples: Record<BuiltInRuleKind, readonly Rule[]> = {
    always: [{ kind: 'always' }],
    all: [{ kind: 'all', rules: [] }],
    any: [{ kind: 'any', rules: [] }],
    not: [{ kind: 'not', rule: { kind: 'safety-clear' } }],
    'exercise-done': [done('either'), done('each'), done('both-together')],
    'step-completed': [{ kind: 'step-completed', step: nineStepProgram.steps[0]?.id ?? '' }],
    'check-in-score': [
      { kind: 'check-in-score', exercise: checkIn.id, dimension, by: 'each', atLeast: 3 },
    ],
    'check-in-divergence': [
      { kind: 'check-in-divergence', exercise: checkIn.id, dimension, atLeast: 2 },
    ],
    rhythm: [{ kind: 'rhythm', weeks: 2 }],
    'days-since-start': [{ kind: 'days-since-start', atLeast: 3 }],
    'safety-clear': [{ kind: 'safety-clear' }],
  };
  // A kind no plugin adds, as after a plugin was removed: explained as unknown.
  const rules = [...Object.values(samples).flat(), { kind: 'moon-phase' } as unknown as Rule];
  const step: Step = {
    ...(nineStepProgram.steps[0] as Step),
    id: 'every-rule',
    exercises: [],
    unlock: { kind: 'always' },
    completion: { kind: 'all', rules },
  };
  const engine = createEngine({
    program: { ...nineStepProgram, steps: [...nineStepProgram.steps, step] },
    couple: {
      id: 'c',
      partners: [
        { id: 'ana', timeZone: 'Europe/Berlin' },
        { id: 'kai', timeZone: 'Asia/Tokyo' },
      ],
      startedAt: Date.UTC(2026, 0, 5),
    },
    device: 'phone',
    now: () => Date.UTC(2026, 0, 5),
  });
  const keys = new Set<string>();
  const visit = (explanation: {
    readonly key: string;
    readonly children?: readonly { readonly key: string }[];
  }) => {
    keys.add(explanation.key);
    for (const child of explanation.children ?? []) visit(child);
  };
  for (const snapshot of engine.getSnapshot().steps) {
    visit(snapshot.unlock);
    visit(snapshot.completion);
  }
  // How often and within how many days: phrases formatMessage adds to "exercise done".
  formatMessage(
    (key) => {
      keys.add(key);
      return key;
    },
    { key: 'common:explain.exercise-done.each', params: { times: 2, days: 7 } },
  );
  return keys;
}

/** Whether a locale has text for a key: the key itself, or every plural form the locale uses. */
function hasText(locale: string, key: string): boolean {
  const [namespace = '', path = ''] = key.split(':');
  const segments = path.split('.');
  const last = segments.pop() ?? '';
  let node = locales.get(locale)?.get(namespace)?.content as string | ResourceTree | undefined;
  for (const segment of segments) {
    node = typeof node === 'object' ? node[segment] : undefined;
  }
  if (typeof node !== 'object') return false;
  if (typeof node[last] === 'string') return true;
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return forms.every((form) => typeof (node as ResourceTree)[`${last}_${form}`] === 'string');
}

describe("the core's message keys", () => {
  const { keys: written, prefixes } = writtenKeys();
  const explained = explanationKeys();
  const all = [...new Set([...written, ...explained])].sort();

  it('are all found: written out, or built from a prefix the engine explains rules with', () => {
    expect(written).toContain('common:explain.unknown');
    expect(written).toContain('common:suggest.next-in-step');
    expect(explained).toContain('common:explain.exercise-done.both-together');
    expect(explained).toContain('common:explain.exercise-done.within');
    // A new prefix means keys built another way: collect them in explanationKeys() too.
    expect([...prefixes].sort()).toEqual(['common:explain.', 'common:explain.exercise-done.']);
    for (const key of explained) {
      expect([...prefixes].some((prefix) => key.startsWith(prefix)) || written.has(key)).toBe(true);
    }
  });

  it.each([...locales.keys()])('have words in %s', (locale) => {
    expect(all.filter((key) => !hasText(locale, key))).toEqual([]);
  });
});
