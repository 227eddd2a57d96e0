/** One stored record as an adapter read it. */
export interface StoredText {
  /** The record: one line of JSON. */
  readonly text: string;
  /**
   * True when the adapter found the record cut short, such as the last line of a file that a crash
   * interrupted mid-write. Such a record is set aside, never parsed.
   */
  readonly torn?: boolean;
  /**
   * True when what is stored is not text: bytes that are not valid UTF-8, or a value of another kind.
   * `text` is then only a rendering for messages. Such a record is set aside, never parsed, and the
   * adapter keeps what it stored byte for byte.
   */
  readonly invalidText?: boolean;
}

/** Everything an adapter holds. */
export interface StorageContents {
  /** The store's index (format, couple, device id, high-water marks), if one was written. */
  readonly index: string | undefined;
  /** Every record, in the order it was appended. */
  readonly records: readonly StoredText[];
}

/**
 * A record to move out of the way: kept where the host can find it, never deleted. The adapter keeps
 * exactly what it stored at `position` — its bytes, when they are not valid text — not only `text`.
 */
export interface SetAsideRecord {
  /** The record's position in the last `read()`. */
  readonly position: number;
  /** The record as read; a rendering only, when the record was `invalidText`. */
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
  /**
   * Moves records of the last `read()` out of the way, keeping them exactly — their bytes, where they
   * are not valid text — where a person can find them.
   */
  setAside(records: readonly SetAsideRecord[]): Promise<void>;
  /** Releases what the adapter holds open. */
  close(): Promise<void>;
}
