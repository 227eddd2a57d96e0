import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, migrateProgram, type ProgramMigration } from './migrate.js';
import { nineStepProgram } from './nine-step-program.js';

// Two made-up historical formats show the chain: 0 named the steps list "stages"; 1 had no
// "alwaysOpen". Attune's shipped migrations list is empty until a second format exists.
const migrations: ProgramMigration[] = [
  {
    from: 0,
    migrate: ({ stages, ...rest }) => ({ ...rest, steps: stages }),
  },
  {
    from: 1,
    migrate: (document) => ({ ...document, alwaysOpen: ['help'] }),
  },
];

describe('migrateProgram', () => {
  it('returns a current program as it is, as a copy', () => {
    const result = migrateProgram(nineStepProgram);
    expect(result).toEqual(nineStepProgram);
    expect(result).not.toBe(nineStepProgram);
    expect(currentSchemaVersion).toBe(1);
  });

  it('upgrades step by step, in order, without touching the input', () => {
    const old = Object.freeze({ schemaVersion: 0, id: 'p', stages: [] });
    const result = migrateProgram(old, migrations, 2);
    expect(result).toEqual({ schemaVersion: 2, id: 'p', steps: [], alwaysOpen: ['help'] });
    expect(old).toEqual({ schemaVersion: 0, id: 'p', stages: [] });
  });

  it('starts from the version the document declares', () => {
    const result = migrateProgram({ schemaVersion: 1, steps: [] }, migrations, 2);
    expect(result).toEqual({ schemaVersion: 2, steps: [], alwaysOpen: ['help'] });
  });

  it('refuses a version newer than the code, naming the fix', () => {
    expect(() => migrateProgram({ schemaVersion: 9 })).toThrow(/newer.*Update @attune\/core/);
  });

  it('refuses a missing or malformed version, and a gap in the chain', () => {
    expect(() => migrateProgram({})).toThrow(/no valid "schemaVersion"/);
    expect(() => migrateProgram({ schemaVersion: 1.5 })).toThrow(/schemaVersion/);
    expect(() => migrateProgram([])).toThrow(/JSON object/);
    expect(() => migrateProgram({ schemaVersion: 0 }, [], 1)).toThrow(
      /No migration from program format 0/,
    );
  });
});
