import { describe, expect, it } from 'vitest';
import { listContentKeys } from './content-keys.js';
import { listExercises } from './lookup.js';
import { nineStepProgram } from './nine-step-program.js';
import type { ExerciseKind } from './types.js';

const allKinds: ExerciseKind[] = [
  'reflection',
  'conversation',
  'guided-practice',
  'ritual',
  'check-in',
  'partner-quiz',
  'appreciation',
  'agreement',
  'learn',
  'safety-check',
];

describe('nineStepProgram', () => {
  const exercises = listExercises(nineStepProgram).map(({ exercise }) => exercise);

  it('has the nine steps of the guide, in order', () => {
    expect(nineStepProgram.steps.map((step) => step.id)).toEqual([
      'safe-space',
      'open-communication',
      'empathy',
      'appreciation',
      'vulnerability',
      'active-listening',
      'quality-time',
      'conflict',
      'professional-help',
    ]);
  });

  it('gives every step at least four exercises and the program at least forty', () => {
    for (const step of nineStepProgram.steps)
      expect(step.exercises.length).toBeGreaterThanOrEqual(4);
    expect(exercises.length).toBeGreaterThanOrEqual(40);
  });

  it('uses every built-in kind, most of them at least twice', () => {
    const counts = new Map<string, number>();
    for (const exercise of exercises)
      counts.set(exercise.kind, (counts.get(exercise.kind) ?? 0) + 1);
    for (const kind of allKinds) expect(counts.get(kind), kind).toBeGreaterThanOrEqual(1);
    const twiceOrMore = allKinds.filter((kind) => (counts.get(kind) ?? 0) >= 2);
    expect(twiceOrMore.length).toBeGreaterThan(allKinds.length / 2);
  });

  it('has at least twelve exercises done together or by each partner', () => {
    const shared = exercises.filter((exercise) => exercise.mode !== 'solo');
    expect(shared.length).toBeGreaterThanOrEqual(12);
  });

  it('opens the two foundation steps and help from the start, and never locks help', () => {
    const unlock = Object.fromEntries(nineStepProgram.steps.map((step) => [step.id, step.unlock]));
    expect(unlock['safe-space']).toEqual({ kind: 'always' });
    expect(unlock['open-communication']).toEqual({ kind: 'always' });
    expect(unlock['professional-help']).toEqual({ kind: 'always' });
    expect(nineStepProgram.alwaysOpen).toContain('professional-help');
  });

  it('opens steps 3 to 8 only after both foundation steps are completed', () => {
    for (const step of nineStepProgram.steps.slice(2, 8)) {
      expect(JSON.stringify(step.unlock), step.id).toContain('"step":"safe-space"');
      expect(JSON.stringify(step.unlock), step.id).toContain('"step":"open-communication"');
    }
  });

  it('keeps the safety check private and rests joint vulnerable work when a check signals risk', () => {
    for (const exercise of exercises.filter((e) => e.kind === 'safety-check')) {
      expect(exercise.visibility).toBe('private');
      expect(exercise.mode).toBe('solo');
    }
    for (const exercise of exercises.filter((e) => e.visibility === 'sealed')) {
      expect(exercise.needsSafety, exercise.id).toBe(true);
    }
  });

  it('includes a break of at least twenty minutes for when a conflict floods', () => {
    const conflict = nineStepProgram.steps.find((step) => step.id === 'conflict');
    const longestBreak = Math.max(
      ...(conflict?.exercises ?? []).flatMap((exercise) =>
        exercise.kind === 'guided-practice' ? exercise.phases.map((phase) => phase.seconds) : [],
      ),
    );
    expect(longestBreak).toBeGreaterThanOrEqual(20 * 60);
  });

  it('orders every conversation deck from light to deep', () => {
    for (const exercise of exercises) {
      if (exercise.kind !== 'conversation') continue;
      const depths = exercise.prompts.map((prompt) => prompt.depth);
      expect(depths, exercise.id).toEqual([...depths].sort());
      expect(depths[0]).toBe(1);
    }
  });

  it('never uses a content key as both a text and a group of texts', () => {
    // i18next JSON nests keys: "a.b" cannot hold text when "a.b.c" exists.
    const keys = listContentKeys(nineStepProgram).map((use) => use.key);
    // Every proper prefix of a key ("ns:a", "ns:a.b" for "ns:a.b.c") is a group of texts.
    const groups = new Set(
      keys.flatMap((key) => {
        const parts = key.split('.');
        return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
      }),
    );
    expect(keys.filter((key) => groups.has(key))).toEqual([]);
  });

  it('holds no prose: every content key is namespaced by its step', () => {
    for (const step of nineStepProgram.steps) {
      for (const exercise of step.exercises) {
        expect(exercise.titleKey.startsWith(`${step.id}:${exercise.id}.`)).toBe(true);
      }
    }
  });
});
