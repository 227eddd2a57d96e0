import { describe, expect, it } from 'vitest';
import { nineStepProgram } from '../program/nine-step-program.js';
import { exerciseSchema, programSchema, ruleSchema } from './schemas.js';

describe('programSchema', () => {
  it('accepts the nine-step program', () => {
    const result = programSchema.safeParse(nineStepProgram);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('rejects an id that is not kebab-case, naming the path', () => {
    const broken = { ...nineStepProgram, id: 'Nine Steps' };
    const result = programSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['id']);
    expect(result.error?.issues[0]?.message).toMatch(/kebab-case/);
  });

  it('rejects unknown fields, so a typo does not pass silently', () => {
    const result = programSchema.safeParse({ ...nineStepProgram, stepz: [] });
    expect(result.success).toBe(false);
  });
});

describe('ruleSchema', () => {
  it('accepts nested rules', () => {
    const rule = {
      kind: 'all',
      rules: [
        { kind: 'not', rule: { kind: 'safety-clear' } },
        { kind: 'rhythm', weeks: 2 },
      ],
    };
    expect(ruleSchema.parse(rule)).toEqual(rule);
  });

  it('rejects NaN and Infinity in numeric fields', () => {
    expect(ruleSchema.safeParse({ kind: 'rhythm', weeks: Number.NaN }).success).toBe(false);
    expect(ruleSchema.safeParse({ kind: 'days-since-start', atLeast: Infinity }).success).toBe(
      false,
    );
  });
});

describe('exerciseSchema', () => {
  it('rejects a scale whose minimum is not below its maximum', () => {
    const checkIn = nineStepProgram.steps
      .flatMap((step) => step.exercises)
      .find((exercise) => exercise.kind === 'check-in');
    expect(checkIn).toBeDefined();
    const broken = {
      ...checkIn,
      scale: { ...(checkIn as { scale: object }).scale, min: 9, max: 1 },
    };
    const result = exerciseSchema.safeParse(broken);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'The scale minimum must be lower than its maximum.',
    );
  });
});
