/** One stored record as an adapter read it. */
export interface StoredText {
  /** The record: one line of JSON. */
  readonly text: string;
  /**
   * True when the adapter found the record cut short, such as the last line of a file that a crash
   * interrupted mid-write. Such a record is set aside, never parsed.
   */
  readonly torn?: boolean;
}

/** Everything an adapter holds. */
export interface StorageContents {
  /** The store's index (format version, couple, highest sequence per device), if one was written. */
  readonly index: string | undefined;
  /** Every record, in the order it was appended. */
  readonly records: readonly StoredText[];
}

/** A record to move out of the way: kept where the host can find it, never deleted. */
export interface SetAsideRecord {
  /** The record's position in the last `read()`. */
  readonly position: number;
  readonly text: string;
  /** Why it was set aside, for whoever inspects it later. */
  readonly reason: string;
}

/**
 * Where a couple's events are kept on one device. Adapters move text and nothing more: the format,
 * its versions, checking and encryption live in `openEventStore`, so an adapter for another platform
 * (SQLite, AsyncStorage, a file API) is a few dozen lines. Every method either completes durably or
 * throws and leaves what was stored before intact.
 */
export interface StorageAdapter {
  /**
   * A name for the Web Lock that keeps one writer per storage, where the platform has Web Locks
   * (`navigator.locks`). Leave it out for storage only one process can reach.
   */
  readonly lockName?: string;
  /** Reads the index and every record. */
  read(): Promise<StorageContents>;
  /** Appends records after the ones stored, all of them or none. */
  append(records: readonly string[]): Promise<void>;
  /** Replaces the index. */
  writeIndex(index: string): Promise<void>;
  /** Replaces every record and the index at once, all or nothing. */
  replace(records: readonly string[], index: string): Promise<void>;
  /** Moves records of the last `read()` out of the way, keeping their text where a person can find it. */
  setAside(records: readonly SetAsideRecord[]): Promise<void>;
  /** Releases what the adapter holds open. */
  close(): Promise<void>;
}
