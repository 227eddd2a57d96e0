/**
 * The storage format this version of Attune reads and writes, records and index alike. Format 2
 * changed the index: it keeps the install's device id, the install marker, and per device a
 * high-water mark that never goes down. Records did not change.
 */
export const currentStorageFormat = 2;

/**
 * One step of upgrading a stored record: from format `from` to `from + 1`. A migration is pure: it
 * returns a new record and never changes its input. Records are upgraded as they are read, and stay
 * in their old format in storage until the store rewrites them.
 */
export interface StorageMigration {
  readonly from: number;
  /** Returns the record in format `from + 1`. */
  readonly migrate: (record: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/**
 * The migrations between released storage formats, oldest first; each new format adds its step here.
 * A record of format 1 reads as one of format 2 unchanged: format 2 changed only the index, which
 * `openEventStore` upgrades itself.
 */
export const storageMigrations: readonly StorageMigration[] = [
  { from: 1, migrate: (record) => ({ ...record }) },
];

/**
 * Upgrades a record of format `record.v` to `target`, one version at a time.
 *
 * @throws Error when a step of the chain is missing or a migration throws.
 */
export function migrateRecord(
  record: Readonly<Record<string, unknown>>,
  version: number,
  migrations: readonly StorageMigration[],
  target: number,
): Readonly<Record<string, unknown>> {
  let current = record;
  for (let from = version; from < target; from++) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) throw new Error(`no migration from storage format ${from} to ${from + 1}`);
    current = { ...step.migrate(current), v: from + 1 };
  }
  return current;
}
