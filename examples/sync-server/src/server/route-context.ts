import type { RelayStore, StoredCouple } from '../storage/relay-store.js';

/** What every route handler is given. */
export interface RouteContext {
  readonly store: RelayStore;
  readonly now: () => number;
  /** How long a pairing code stays valid, in ms. */
  readonly codeTtlMs: number;
  /** The most events one pull returns. */
  readonly pageSize: number;
}

/** The partner a request's bearer token belongs to, and their couple. */
export interface Caller {
  readonly couple: StoredCouple;
  readonly partner: string;
}

/** A handler's answer: a status and a JSON body. */
export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
}
