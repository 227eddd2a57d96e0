import { open, readFile, rename } from 'node:fs/promises';
import type { Couple } from '@attune/core';

/** Who the couple is and which install this is, kept beside the history file. */
export interface Setup {
  readonly format: 'attune-cli-setup';
  readonly version: 1;
  readonly couple: Couple;
  /**
   * The device id this install had when the setup was made, random (`createDeviceId`), never made
   * from a name. The history file keeps the id it records under itself, beside its high-water
   * marks; this one is what a history written before it did so is upgraded to keep.
   */
  readonly device: string;
  /** Who answers unless `--as` says otherwise: the person who set the history up. */
  readonly self: string;
}

/** A setup file that exists but cannot be used; nothing was changed. */
export class SetupFileError extends Error {
  override readonly name = 'SetupFileError';
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(`${path} could not be read: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** Where the setup of a history file is kept. */
export const setupPathOf = (file: string): string => `${file}.setup.json`;

function isSetup(value: unknown): value is Setup {
  const setup = value as Partial<Setup> | null;
  const couple = setup?.couple;
  return (
    setup?.format === 'attune-cli-setup' &&
    setup.version === 1 &&
    typeof setup.device === 'string' &&
    typeof setup.self === 'string' &&
    typeof couple?.id === 'string' &&
    typeof couple.startedAt === 'number' &&
    Array.isArray(couple.partners) &&
    couple.partners.length === 2 &&
    couple.partners.every(
      (partner) => typeof partner?.id === 'string' && typeof partner.timeZone === 'string',
    ) &&
    couple.partners.some((partner) => partner.id === setup.self)
  );
}

/**
 * Reads the setup of a history file.
 *
 * @returns the setup, or `undefined` when there is none yet.
 * @throws {@link SetupFileError} when the file exists but is not a setup this program wrote.
 */
export async function readSetup(path: string): Promise<Setup | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new SetupFileError(path, (error as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SetupFileError(path, (error as Error).message);
  }
  if (!isSetup(value)) {
    throw new SetupFileError(path, 'it is not a setup this program wrote');
  }
  return value;
}

/** Writes a setup durably: to a temporary file, flushed, then renamed over the old one. */
export async function writeSetup(path: string, setup: Setup): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(setup, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}
