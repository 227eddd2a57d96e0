import * as z from 'zod';
import type {
  Cadence,
  ConversationPrompt,
  Exercise,
  PracticePhase,
  Program,
  Scale,
  Step,
} from '../program/types.js';
import type { Rule } from '../rules/types.js';

// Bounds keep hostile documents cheap to reject: no field of a real program comes near them.
const MAX_ID = 64;
const MAX_KEY = 200;
const MAX_ITEMS = 500;

const id = z
  .string()
  .max(MAX_ID)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Use kebab-case: lowercase letters, digits and single hyphens.',
  );
const contentKey = z
  .string()
  .min(1)
  .max(MAX_KEY)
  .regex(/^[a-z0-9-]+:[A-Za-z0-9_.-]+$/, 'Use a content key such as "safe-space:mirror-me.title".');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_ITEMS);
const count = z.int().min(1).max(10_000);

const cadenceSchema: z.ZodType<Cadence> = z.strictObject({
  every: z.enum(['day', 'week', 'month']),
  interval: z.int().min(1).max(365),
  weekday: z.int().min(0).max(6).exactOptional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour local time such as "19:30".')
    .exactOptional(),
});

const scaleSchema: z.ZodType<Scale> = z
  .strictObject({
    min: z.int().min(-100).max(100),
    max: z.int().min(-100).max(100),
    minLabelKey: contentKey,
    maxLabelKey: contentKey,
  })
  .refine((scale) => scale.min < scale.max, {
    message: 'The scale minimum must be lower than its maximum.',
  });

const conversationPromptSchema: z.ZodType<ConversationPrompt> = z.strictObject({
  id,
  key: contentKey,
  depth: z.literal([1, 2, 3]),
});

const practicePhaseSchema: z.ZodType<PracticePhase> = z.strictObject({
  id,
  key: contentKey,
  seconds: z
    .int()
    .min(1)
    .max(24 * 60 * 60),
  cues: z.record(id, contentKey).exactOptional(),
});

const base = {
  id,
  titleKey: contentKey,
  whyKey: contentKey,
  howKey: contentKey,
  ifHardKey: contentKey,
  mode: z.enum(['solo', 'together', 'each']),
  minutes: z
    .number()
    .positive()
    .max(24 * 60),
  visibility: z.enum(['private', 'shared', 'sealed']),
  needsSafety: z.boolean(),
};

const keyed = z.strictObject({ id, key: contentKey });

const builtInExercises = [
  z.strictObject({
    ...base,
    kind: z.literal('reflection'),
    prompts: list(contentKey).min(1),
    shareable: z.boolean(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('conversation'),
    prompts: list(conversationPromptSchema).min(1),
    turns: z.enum(['alternate', 'both-answer']),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('guided-practice'),
    roles: z.tuple([
      z.strictObject({ id, labelKey: contentKey }),
      z.strictObject({ id, labelKey: contentKey }),
    ]),
    phases: list(practicePhaseSchema).min(1),
    rounds: z.int().min(1).max(20),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('ritual'),
    cadence: cadenceSchema,
    ideas: list(contentKey),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('check-in'),
    dimensions: list(
      z.strictObject({ id, key: contentKey, sensitive: z.boolean().optional() }),
    ).min(1),
    scale: scaleSchema,
    cadence: cadenceSchema,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('partner-quiz'),
    questions: list(z.strictObject({ id, key: contentKey, options: list(keyed).min(2) })).min(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('appreciation'),
    starters: list(contentKey).min(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('agreement'),
    fields: list(
      z.strictObject({ id, key: contentKey, input: z.enum(['text', 'list', 'date']) }),
    ).min(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('learn'),
    sections: list(contentKey).min(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('safety-check'),
    questions: list(z.strictObject({ id, key: contentKey, riskWhen: z.boolean() })).min(1),
  }),
] as const;

/** Kinds a plugin adds on top of the built-in ones, so documents using them validate. */
export interface ProgramSchemaOptions {
  /** Extra exercise kinds; their payload beyond the common exercise fields is the plugin's to check. */
  readonly exerciseKinds?: readonly string[];
  /** Extra rule kinds; their fields beyond `kind` are the plugin's to check. */
  readonly ruleKinds?: readonly string[];
}

/** The zod schemas of a program format, built for a given set of plugin kinds. */
export interface ProgramSchemas {
  readonly program: z.ZodType<Program>;
  readonly step: z.ZodType<Step>;
  readonly exercise: z.ZodType<Exercise>;
  readonly rule: z.ZodType<Rule>;
}

/**
 * Builds the program schemas, accepting the extra exercise and rule kinds that plugins add.
 * `programSchema` and its siblings are these schemas with no extra kinds.
 */
export function createProgramSchemas(options: ProgramSchemaOptions = {}): ProgramSchemas {
  const exerciseKinds = options.exerciseKinds ?? [];
  const ruleKinds = options.ruleKinds ?? [];

  const exercise = (
    exerciseKinds.length > 0
      ? z.discriminatedUnion('kind', [
          ...builtInExercises,
          z.looseObject({ ...base, kind: z.literal(exerciseKinds) }),
        ])
      : z.discriminatedUnion('kind', [...builtInExercises])
  ) as z.ZodType<Exercise>;

  const nested = () => z.array(rule).min(1).max(MAX_ITEMS);
  const builtInRules = [
    z.strictObject({ kind: z.literal('always') }),
    z.strictObject({
      kind: z.literal('all'),
      get rules(): z.ZodArray<z.ZodType<Rule>> {
        return nested();
      },
    }),
    z.strictObject({
      kind: z.literal('any'),
      get rules(): z.ZodArray<z.ZodType<Rule>> {
        return nested();
      },
    }),
    z.strictObject({
      kind: z.literal('not'),
      get rule(): z.ZodType<Rule> {
        return rule;
      },
    }),
    z.strictObject({
      kind: z.literal('exercise-done'),
      exercise: id,
      by: z.enum(['either', 'each', 'both-together']),
      times: count.exactOptional(),
      withinDays: count.exactOptional(),
    }),
    z.strictObject({ kind: z.literal('step-completed'), step: id }),
    z.strictObject({
      kind: z.literal('check-in-score'),
      exercise: id,
      dimension: id,
      by: z.enum(['either', 'each']),
      atLeast: z.number().exactOptional(),
      atMost: z.number().exactOptional(),
    }),
    z.strictObject({
      kind: z.literal('check-in-divergence'),
      exercise: id,
      dimension: id,
      atLeast: z.number().positive(),
    }),
    z.strictObject({ kind: z.literal('rhythm'), weeks: count }),
    z.strictObject({ kind: z.literal('days-since-start'), atLeast: z.int().min(0).max(10_000) }),
    z.strictObject({ kind: z.literal('safety-clear') }),
  ] as const;
  const rule: z.ZodType<Rule> = (
    ruleKinds.length > 0
      ? z.discriminatedUnion('kind', [
          ...builtInRules,
          z.looseObject({ kind: z.literal(ruleKinds) }),
        ])
      : z.discriminatedUnion('kind', [...builtInRules])
  ) as z.ZodType<Rule>;

  const step: z.ZodType<Step> = z.strictObject({
    id,
    titleKey: contentKey,
    summaryKey: contentKey,
    whyKey: contentKey,
    exercises: list(exercise),
    unlock: rule,
    completion: rule,
  });

  const program: z.ZodType<Program> = z.strictObject({
    schemaVersion: z.literal(1),
    id,
    version: z
      .string()
      .max(MAX_ID)
      .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'Use a semver version such as "1.0.0".'),
    titleKey: contentKey,
    steps: list(step).min(1),
    alwaysOpen: list(id),
  });

  return { program, step, exercise, rule };
}

const defaults = createProgramSchemas();

/** Schema of a whole program in the current format, with the built-in kinds. */
export const programSchema: z.ZodType<Program> = defaults.program;
/** Schema of one step. */
export const stepSchema: z.ZodType<Step> = defaults.step;
/** Schema of every built-in exercise kind, discriminated by `kind`. */
export const exerciseSchema: z.ZodType<Exercise> = defaults.exercise;
/** Schema of the rule language; rules nest through `all`, `any` and `not`. */
export const ruleSchema: z.ZodType<Rule> = defaults.rule;
