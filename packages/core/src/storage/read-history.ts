import type { PayloadCipher } from '../crypto/cipher.js';
import type { AttuneCryptoError } from '../crypto/crypto-error.js';
import { decryptEvent, type EncryptedEvent, isEncryptedEvent } from '../crypto/encrypted-event.js';
import type { LoggedEvent } from '../events/types.js';
import { checkEvent } from '../log/check-event.js';
import { AttuneEventError } from '../log/event-error.js';
import { canonicalJson, keptVersion } from '../log/same-event.js';
import type { Couple } from '../program/couple.js';
import type { SetAsideRecord, StorageAdapter, StorageContents } from './adapter.js';
import { currentStorageFormat, type StorageMigration } from './format/migrations.js';
import { decodeRecord } from './format/stored-record.js';
import { storedEventContext } from './read-back.js';
import {
  AttuneStorageError,
  type StorageProblem,
  type StorageProblemCode,
} from './storage-error.js';

interface BadRecord {
  readonly position: number;
  readonly text: string;
  readonly code: StorageProblemCode;
  readonly reason: string;
}

/** What reading a history needs, besides the records. */
export interface ReadHistoryInput {
  readonly adapter: StorageAdapter;
  readonly couple: Couple;
  readonly cipher: PayloadCipher | undefined;
  readonly migrations: readonly StorageMigration[];
  /** Makes the store read-only, for the first reason given. */
  readonly blockWrites: (error: AttuneStorageError) => void;
  readonly isReadOnly: () => boolean;
}

/** The events that loaded, by id, and what was found wrong. */
export interface ReadHistory {
  readonly stored: Map<string, LoggedEvent>;
  readonly problems: StorageProblem[];
}

/** Why a store opens read-only when a newer Attune wrote to it. */
export const newerFormat = (version: number): AttuneStorageError =>
  new AttuneStorageError(
    'newer-format',
    `This history was written by a newer version of Attune (storage format ${version}; this version reads up to ${currentStorageFormat}), so it was opened read-only and will not be changed`,
    'Update @attune/core in this app to write to it',
  );

/**
 * Reads every record of a history: upgrades old formats, decrypts, checks each event, keeps one
 * version of an id (the one every device keeps), and sets damaged records aside — kept by the
 * adapter byte for byte — while everything else loads.
 */
export async function readHistory(
  contents: StorageContents,
  input: ReadHistoryInput,
): Promise<ReadHistory> {
  const { adapter, couple, cipher, blockWrites } = input;
  const problems: StorageProblem[] = [];
  const bad: BadRecord[] = [];
  const candidates: { position: number; text: string; value: unknown }[] = [];
  let newest = 0;
  let unread = 0;
  contents.records.forEach((record, position) => {
    if (record.torn) {
      bad.push({
        position,
        text: record.text,
        code: 'torn-record',
        reason: 'was cut short by an interrupted write',
      });
      return;
    }
    if (record.invalidText) {
      bad.push({
        position,
        text: record.text,
        code: 'corrupted-record',
        reason: 'is not valid text (such as bytes that are not UTF-8)',
      });
      return;
    }
    const decoded = decodeRecord(record.text, input.migrations);
    if (decoded.kind === 'bad') {
      bad.push({ position, text: record.text, code: 'corrupted-record', reason: decoded.reason });
    } else if (decoded.kind === 'newer') {
      newest = Math.max(newest, decoded.version);
      unread++;
    } else {
      candidates.push({ position, text: record.text, value: decoded.event });
    }
  });
  if (newest > 0) {
    blockWrites(newerFormat(newest));
    problems.push({
      code: 'newer-records',
      path: 'records',
      fix: 'Update @attune/core to read them',
      message: `${unread} record(s) of storage format ${newest} were left as they are, unread; update @attune/core to read them`,
    });
  }

  const encrypted = candidates.filter((candidate) => isEncryptedEvent(candidate.value));
  const undecryptable = new Set<number>();
  if (encrypted.length > 0) {
    const failed: number[] = [];
    const missingKeys = new Set<string>();
    if (cipher) {
      await Promise.all(
        encrypted.map(async (candidate) => {
          try {
            candidate.value = await decryptEvent(candidate.value, cipher);
          } catch (error) {
            if ((error as AttuneCryptoError).code === 'unknown-key') {
              missingKeys.add((candidate.value as EncryptedEvent).encrypted.key);
              undecryptable.add(candidate.position);
            } else {
              failed.push(candidate.position);
            }
          }
        }),
      );
    }
    // When not one record decrypts, the key is wrong or missing, not the records: setting them all
    // aside would hide the whole history, so the store stays read-only instead. The same goes for
    // records of a key the cipher does not hold, such as one rotated out too early.
    if (!cipher || failed.length === encrypted.length) {
      for (const candidate of encrypted) undecryptable.add(candidate.position);
      blockWrites(
        new AttuneStorageError(
          'cannot-decrypt',
          cipher
            ? `None of the ${encrypted.length} encrypted record(s) could be decrypted with the cipher given, so the history was opened read-only`
            : `${encrypted.length} record(s) are encrypted and no cipher was given, so the history was opened read-only`,
          'Open the store with the cipher and keys that encrypted it',
        ),
      );
    } else {
      if (missingKeys.size > 0) {
        blockWrites(
          new AttuneStorageError(
            'cannot-decrypt',
            `Some records are encrypted with key(s) the cipher does not hold (${[...missingKeys].sort().join(', ')}), so the history was opened read-only`,
            'Add those keys to the cipher; keep old keys for as long as records encrypted with them exist',
          ),
        );
      }
      for (const position of failed) {
        const candidate = encrypted.find((item) => item.position === position) as {
          text: string;
        };
        undecryptable.add(position);
        bad.push({
          position,
          text: candidate.text,
          code: 'corrupted-record',
          reason: 'failed decryption: its bytes were damaged or changed',
        });
      }
    }
  }

  const context = storedEventContext(couple);
  const kept = new Map<string, { event: LoggedEvent; position: number; text: string }>();
  for (const candidate of candidates) {
    if (undecryptable.has(candidate.position)) continue;
    let event: LoggedEvent;
    try {
      event = checkEvent(candidate.value, context);
    } catch (error) {
      if (!AttuneEventError.isInstance(error)) throw error;
      bad.push({
        ...candidate,
        code: 'corrupted-record',
        reason: `is not a valid event: ${error.message}`,
      });
      continue;
    }
    const existing = kept.get(event.id);
    if (!existing) {
      kept.set(event.id, { event, position: candidate.position, text: candidate.text });
    } else if (canonicalJson(existing.event) !== canonicalJson(event)) {
      const winner = keptVersion(existing.event, event);
      const loser = winner === event ? existing : { ...candidate, event };
      if (winner === event)
        kept.set(event.id, { event, position: candidate.position, text: candidate.text });
      bad.push({
        position: loser.position,
        text: loser.text,
        code: 'conflicting-record',
        reason: `has the id "${event.id}" of another event with different content; the version every device keeps was kept`,
      });
    }
  }
  bad.sort((a, b) => a.position - b.position);

  if (!input.isReadOnly() && bad.length > 0) {
    try {
      await adapter.setAside(
        bad.map(
          ({ position, text, code, reason }): SetAsideRecord => ({
            position,
            text,
            reason: `${code}: ${reason}`,
          }),
        ),
      );
    } catch (error) {
      blockWrites(
        new AttuneStorageError(
          'write-failed',
          'Damaged records could not be set aside, so the history was opened read-only to keep them as they are',
          'Free some space or fix the storage, then open it again',
          { cause: error },
        ),
      );
    }
  }
  for (const record of bad) {
    const readOnly = input.isReadOnly();
    problems.push({
      code: record.code,
      path: `records[${record.position}]`,
      position: record.position,
      message: `Record ${record.position} ${record.reason}. ${readOnly ? 'It was left in place (the history is read-only).' : 'It was set aside, not deleted: the adapter keeps it, byte for byte, where it can be inspected.'}`,
      fix: readOnly
        ? 'Open the history where it can be written to set the record aside'
        : 'Nothing needs doing; inspect the set-aside text to learn what damaged it',
    });
  }

  const stored = new Map<string, LoggedEvent>();
  for (const { event } of kept.values()) stored.set(event.id, event);
  return { stored, problems };
}
