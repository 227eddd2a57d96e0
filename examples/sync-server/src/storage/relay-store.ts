import type { Couple, Partner } from '@attune/core';
import type { RelayEvent } from '../events/relay-event.js';

/**
 * A couple as the relay keeps it. `partners` holds one partner until the other joins with the
 * pairing code, then both, in the order they paired.
 */
export interface StoredCouple {
  readonly id: string;
  readonly startedAt: number;
  readonly partners: readonly Partner[];
}

/** Whether a stored couple has both partners, so it can be used as the core's `Couple`. */
export function isPaired(couple: StoredCouple): couple is StoredCouple & Couple {
  return couple.partners.length === 2;
}

/** The device a partner pairs with, and the public key its events are signed with. */
export interface PairingDevice {
  /** The device's id, as its events name it. */
  readonly device: string;
  /** Its signing key, as `exportSigningPublicKey` writes it (checked before it gets here). */
  readonly signingKey: string;
}

/**
 * A device whose signing key the relay holds: the one each partner paired with, or one introduced
 * since by a device of the same partner. Each device id of a couple has one for good.
 */
export interface StoredSigningKey {
  readonly partner: string;
  readonly device: string;
  /** As `exportSigningPublicKey` writes it. */
  readonly publicKey: string;
  /**
   * The introduction that bound it, as it came (`introduceDevice`, checked with the couple's
   * keyring before it was stored); absent for the device its partner paired with.
   */
  readonly introduction?: Readonly<Record<string, unknown>>;
}

/** What came of {@link RelayStore.addSigningKey}. */
export interface AddSigningKeyOutcome {
  /** False when the device id was bound already, by this or another request. */
  readonly added: boolean;
  /** The key the device id is bound to now: the one given, or whichever came first. */
  readonly stored: StoredSigningKey;
}

/** A couple created by its first partner, with the code the other partner joins with. */
export interface NewCouple {
  readonly id: string;
  readonly startedAt: number;
  readonly first: Partner;
  /** SHA-256 of the pairing code: a copy of the database does not give away live codes. */
  readonly codeHash: string;
  readonly codeExpiresAt: number;
  /** SHA-256 of the first partner's bearer token. */
  readonly tokenHash: string;
  /** The first partner's public key, when they gave one. */
  readonly publicKey?: string;
  /** The first partner's device and signing key (the routes require one; couples paired before have none). */
  readonly device?: PairingDevice;
  readonly now: number;
}

/** The second partner joining with a pairing code. */
export interface JoinRequest {
  readonly codeHash: string;
  readonly second: Partner;
  readonly tokenHash: string;
  /** The second partner's public key, when they gave one; stored only if the join succeeds. */
  readonly publicKey?: string;
  /** The second partner's device and signing key; stored only if the join succeeds. */
  readonly device?: PairingDevice;
  readonly now: number;
}

/** What came of a {@link JoinRequest}. */
export type JoinOutcome =
  | { readonly kind: 'joined'; readonly couple: Couple }
  /** No couple waits for this code: it is wrong, used, or expired. */
  | { readonly kind: 'unknown-code' }
  /** The joining partner chose the id the first partner already has. */
  | { readonly kind: 'partner-taken'; readonly partner: string }
  /** The joining partner's device id is the first partner's device id. */
  | { readonly kind: 'device-taken'; readonly device: string };

/** What came of cancelling a couple. */
export type CancelOutcome =
  /** The couple, its pairing code, its first partner's token and public key are gone. */
  | { readonly kind: 'cancelled' }
  /** Both partners had joined: the couple stays as it was. */
  | { readonly kind: 'paired' }
  /** No such couple is stored, perhaps because another request cancelled it first. */
  | { readonly kind: 'unknown-couple' };

/** Whom a bearer token belongs to. */
export interface TokenOwner {
  readonly couple: string;
  readonly partner: string;
}

/**
 * An event, plain or encrypted, with the position the relay gave it: pulls ask for what comes after
 * a position.
 */
export interface StoredEvent {
  readonly position: number;
  readonly event: RelayEvent;
}

/** What an upload may read and change, inside one transaction for one couple. */
export interface EventTransaction {
  /** The stored events with these ids, by id. */
  find(ids: readonly string[]): Promise<Map<string, StoredEvent>>;
  /**
   * Every stored plain event of one type, in position order (shares and erasure requests are few).
   * Encrypted events are stored without a type, so no type finds them.
   */
  ofType(type: string): Promise<StoredEvent[]>;
  /** Every stored event written by one partner, in position order (used only for erasures). */
  ofPartner(partner: string): Promise<StoredEvent[]>;
  /** Stores events at new positions after every position given so far, in the order given. */
  insert(events: readonly RelayEvent[]): Promise<void>;
  /** Removes events by id. */
  remove(ids: readonly string[]): Promise<void>;
  /**
   * Binds each of `devices` that is not bound yet to `partner`, and returns the partner every one
   * of them is bound to, by device id: `partner` for those it just bound, whoever used the others
   * first for the rest. A binding is never changed (only a cancelled couple's go, with it), and
   * there is at most one per device of a couple, even when two uploads race to make it.
   */
  claimDevices(devices: readonly string[], partner: string): Promise<Map<string, string>>;
}

/**
 * Where the relay keeps couples, tokens, events, the partner each device id belongs to and the key
 * each device signs with. SQLite (`openSqliteRelayStore`, the default)
 * and PostgreSQL (`openPostgresRelayStore`, when `DATABASE_URL` is set) implement it, and the same
 * tests run against both.
 *
 * Two promises every implementation keeps:
 * - `writeEvents` is all or nothing: when `work` throws, nothing it inserted or removed stays.
 * - Positions become visible in increasing order. A reader that saw position 12 must never later
 *   find a new event at 11, or it would skip it. SQLite gets this from its single writer;
 *   PostgreSQL locks the couple's row (`SELECT … FOR UPDATE`) for the whole of `writeEvents` and
 *   takes positions from a counter kept in that row, not from a sequence, whose numbers can commit
 *   out of order.
 *
 * Positions only need to grow within a couple: SQLite numbers all events in one series, PostgreSQL
 * each couple's from 1. Device bindings are made inside `writeEvents`, so the same lock that orders
 * positions makes two uploads claiming one new device id take turns.
 */
export interface RelayStore {
  /**
   * Stores a new couple with its first partner, their token, their public key if any, their
   * device's signing key and the pairing code, at once.
   */
  createCouple(couple: NewCouple): Promise<void>;
  /**
   * Adds the second partner, with their token, public key if any and device's signing key, if the
   * code is live, and uses the code up, at once: two joins with one code never both succeed.
   */
  joinCouple(request: JoinRequest): Promise<JoinOutcome>;
  /** Gives a couple still waiting for its second partner a new code; false once paired. */
  renewCode(couple: string, codeHash: string, expiresAt: number): Promise<boolean>;
  /**
   * Removes a couple still waiting for its second partner, with its code, token, public key and
   * signing key, at once: a cancel and a join racing each other never both succeed, so no one
   * joins a couple that is gone.
   */
  cancelCouple(couple: string): Promise<CancelOutcome>;
  findToken(tokenHash: string): Promise<TokenOwner | undefined>;
  getCouple(id: string): Promise<StoredCouple | undefined>;
  /** The public keys a couple's partners gave, by partner id; a partner who gave none is left out. */
  getPublicKeys(couple: string): Promise<Record<string, string>>;
  /**
   * Every signing key of a couple's devices, by device id: the devices the partners paired with
   * (none for a couple paired before the relay took them) and the ones introduced since.
   */
  getSigningKeys(couple: string): Promise<StoredSigningKey[]>;
  /**
   * Binds an introduced device to its key unless its id is bound already: first come, first bound,
   * even when two requests race (the table's primary key allows one row per device of a couple).
   * A binding is never changed; only a cancelled couple's go, with it.
   */
  addSigningKey(couple: string, key: StoredSigningKey): Promise<AddSigningKeyOutcome>;
  /** Runs `work` in one transaction for the couple; see the promises above. */
  writeEvents<T>(couple: string, work: (transaction: EventTransaction) => Promise<T>): Promise<T>;
  /** Up to `limit` events after position `after`, in position order. */
  readEvents(couple: string, after: number, limit: number): Promise<StoredEvent[]>;
  /** Every stored plain event of one type, in position order; encrypted events have none. */
  readEventsOfType(couple: string, type: string): Promise<StoredEvent[]>;
  /** Waits for what is running, then releases the database. */
  close(): Promise<void>;
}
