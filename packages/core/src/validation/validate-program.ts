import type { AttunePlugin } from '../plugins/types.js';
import { AttuneProgramVersionError, migrateProgram } from '../program/migrate.js';
import type { Program } from '../program/types.js';
import { checkContent, type ProgramContent } from './check-content.js';
import { checkIds } from './check-ids.js';
import { checkPluginPayloads } from './check-plugin-payloads.js';
import { checkRules } from './check-rules.js';
import { checkShape } from './check-shape.js';
import type { ProgramProblem } from './problems.js';
import { problemsFromIssues } from './schema-problems.js';
import { createProgramSchemas, type ProgramSchemaOptions, programSchema } from './schemas.js';

/** Options of {@link validateProgram}. */
export interface ValidateProgramOptions extends ProgramSchemaOptions {
  /** The source locale's translations; when given, every content key must have text in them. */
  readonly content?: ProgramContent;
  /**
   * Plugins whose kinds the program may use, as given to `createEngine`: their kinds are accepted
   * and their checks run on every exercise and rule of those kinds.
   */
  readonly plugins?: readonly AttunePlugin[];
}

/** The outcome of {@link validateProgram}: the checked program, or every problem found. */
export type ProgramValidation =
  | { readonly ok: true; readonly program: Program; readonly problems: readonly [] }
  | { readonly ok: false; readonly problems: readonly ProgramProblem[] };

/**
 * Checks a program document and returns every problem found, not just the first, each with a path,
 * what is wrong, and how to fix it. Older formats are upgraded first. It never throws, whatever the
 * input, and never changes it.
 *
 * Checks, in order: the document's shape (nesting, size), its format version, the schema, unique ids,
 * rules naming unknown steps, exercises or kinds, conditions that can never hold, unlock cycles, help
 * that could be locked, the checks of plugins' kinds with `options.plugins`, and — with
 * `options.content` — keys without text.
 *
 * @example
 * ```ts
 * const result = validateProgram(JSON.parse(file));
 * if (!result.ok) for (const p of result.problems) console.error(`${p.path}: ${p.message} ${p.fix}`);
 * ```
 */
export function validateProgram(
  document: unknown,
  options: ValidateProgramOptions = {},
): ProgramValidation {
  try {
    return validate(document, options);
  } catch (error) {
    // A bug of ours must not become a crash in a content author's tool.
    return {
      ok: false,
      problems: [
        {
          code: 'invalid-value',
          path: '',
          message: `The program could not be checked: ${error instanceof Error ? error.message : String(error)}.`,
          fix: 'Check that the file is a program document; if it is, please report this with the file.',
        },
      ],
    };
  }
}

function validate(document: unknown, options: ValidateProgramOptions): ProgramValidation {
  const shapeProblems = checkShape(document);
  if (shapeProblems.length > 0) return { ok: false, problems: shapeProblems };

  let current: unknown = document;
  try {
    current = migrateProgram(document);
  } catch (error) {
    if (!AttuneProgramVersionError.isInstance(error)) throw error;
    const newer = typeof error.found === 'number' && error.found > 1;
    return {
      ok: false,
      problems: [
        {
          code: 'unsupported-version',
          path: 'schemaVersion',
          message: error.message,
          fix: newer
            ? 'Update @attune/core to a version that reads this format.'
            : 'Set "schemaVersion" to the format the document was written in.',
        },
      ],
    };
  }

  const plugins = options.plugins ?? [];
  const exerciseKinds = [
    ...(options.exerciseKinds ?? []),
    ...plugins.flatMap((plugin) => (plugin.exerciseKinds ?? []).map((kind) => kind.kind)),
  ];
  const ruleKinds = [
    ...(options.ruleKinds ?? []),
    ...plugins.flatMap((plugin) => (plugin.ruleKinds ?? []).map((kind) => kind.kind)),
  ];
  const custom = exerciseKinds.length + ruleKinds.length > 0;
  const schema = custom
    ? createProgramSchemas({ exerciseKinds, ruleKinds }).program
    : programSchema;
  const parsed = schema.safeParse(current);
  if (!parsed.success) {
    return { ok: false, problems: problemsFromIssues(parsed.error.issues, current) };
  }

  const program = parsed.data;
  const problems = [
    ...checkIds(program),
    ...checkRules(program),
    ...checkPluginPayloads(program, plugins),
    ...(options.content ? checkContent(program, options.content) : []),
  ];
  return problems.length === 0 ? { ok: true, program, problems: [] } : { ok: false, problems };
}
