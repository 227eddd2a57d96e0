import { AttuneError, isAttuneErrorNamed } from '../errors/attune-error.js';
import type { CurrentSchemaVersion } from './types.js';

/** The program format this version of Attune reads and writes. */
export const currentSchemaVersion: CurrentSchemaVersion = 1;

/**
 * One step of upgrading a stored program: from `from` to `from + 1`. A migration is pure: it returns a
 * new document and never changes its input.
 */
export interface ProgramMigration {
  readonly from: number;
  /** Returns the document in format `from + 1`. */
  readonly migrate: (document: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/**
 * The migrations between released program formats, oldest first. Format 1 is the first released
 * format, so there is nothing to upgrade yet; each future format adds its step here.
 */
export const programMigrations: readonly ProgramMigration[] = [];

/** Why a document could not be brought to the current format. */
export class AttuneProgramVersionError extends AttuneError<'unsupported-version'> {
  /** The version the document declared, if any. */
  readonly found: unknown;
  constructor(message: string, found: unknown) {
    super('AttuneProgramVersionError', { code: 'unsupported-version', message });
    this.found = found;
  }

  /** Whether `error` is an `AttuneProgramVersionError`, from this copy of the package or another. */
  static override isInstance(error: unknown): error is AttuneProgramVersionError {
    return isAttuneErrorNamed(error, 'AttuneProgramVersionError');
  }
}

/**
 * Upgrades a program document to the current `schemaVersion`, one version at a time. The result is
 * still unchecked data: `validateProgram` (which calls this first) turns it into a `Program`.
 *
 * @param migrations - the upgrade steps; defaults to the ones Attune ships.
 * @param target - the version to reach; defaults to the current format.
 * @throws {@link AttuneProgramVersionError} when the version is missing, newer than this code, or has no
 *   migration path.
 */
export function migrateProgram(
  document: unknown,
  migrations: readonly ProgramMigration[] = programMigrations,
  target: number = currentSchemaVersion,
): Record<string, unknown> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new AttuneProgramVersionError('A program must be a JSON object.', undefined);
  }
  let current = document as Readonly<Record<string, unknown>>;
  const found = current.schemaVersion;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) {
    throw new AttuneProgramVersionError(
      `The program has no valid "schemaVersion" (found ${JSON.stringify(found)}). Add "schemaVersion": ${target}.`,
      found,
    );
  }
  if (found > target) {
    throw new AttuneProgramVersionError(
      `The program uses format ${found}, newer than this version of Attune reads (${target}). Update @attune/core.`,
      found,
    );
  }
  for (let version = found; version < target; version++) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) {
      throw new AttuneProgramVersionError(
        `No migration from program format ${version} to ${version + 1}.`,
        found,
      );
    }
    current = { ...step.migrate(current), schemaVersion: version + 1 };
  }
  return { ...current };
}
