import type { Couple, Partner } from '@attune/core';
import type { DeviceBinding, DeviceIntroduction } from '@attune/core/crypto';
import type { SyncBatch } from '@attune/core/sync';
import type { RelayEvent } from '../events/relay-event.js';
import type { PairingDevice, StoredCouple } from '../storage/relay-store.js';
import { SyncServerError } from './sync-server-error.js';

export type { PairingDevice, RelayEvent };
export { SyncServerError };

/** Options of {@link createSyncClient}. */
export interface SyncClientOptions {
  /** Where the server answers, such as `http://127.0.0.1:8787` or `https://example.org/relay/`. */
  readonly baseUrl: string;
  /** The fetch to use (default the global one). */
  readonly fetch?: typeof fetch;
}

/** What the first partner gets when creating a couple. */
export interface CreatedCouple {
  readonly couple: string;
  readonly partner: string;
  readonly token: string;
  /** For the other partner to join with, such as `K7QX-M2PA`. */
  readonly code: string;
  readonly codeExpiresAt: number;
  /** How long the code lasts from now: unlike `codeExpiresAt`, right whatever the device's clock. */
  readonly codeExpiresInMs: number;
}

/** What the second partner gets when joining. */
export interface JoinedCouple {
  readonly couple: Couple;
  readonly partner: string;
  readonly token: string;
  /** The public keys the partners gave when creating and joining, by partner id. */
  readonly publicKeys: Readonly<Record<string, string>>;
  /** The device each partner paired with and its signing key, by partner id. */
  readonly signingKeys: Readonly<Record<string, PairingDevice>>;
}

/** The couple as the server knows it; `couple` is a whole `Couple` once `paired`. */
export interface CoupleStatus {
  readonly couple: StoredCouple;
  readonly partner: string;
  readonly paired: boolean;
  /**
   * The public keys the partners gave when creating and joining, by partner id: the first partner
   * finds the other's here once they joined. A partner who gave none is not listed.
   */
  readonly publicKeys: Readonly<Record<string, string>>;
  /**
   * The device each partner paired with and its signing key, by partner id: the first partner
   * finds the other's here once they joined.
   */
  readonly signingKeys: Readonly<Record<string, PairingDevice>>;
}

/** What the server knows of a couple's devices, for a phone to build its keyring from. */
export interface CoupleDevices {
  readonly couple: string;
  /** The device each partner paired with; a phone trusts only those it learned when pairing. */
  readonly bindings: readonly DeviceBinding[];
  /** Every introduction since, as it came: `keyring.addAll` checks each one. */
  readonly introductions: readonly DeviceIntroduction[];
}

/** The outcome of an introduction. */
export interface IntroductionResult {
  readonly couple: string;
  readonly partner: string;
  readonly device: string;
  /** False when the device was bound this way already. */
  readonly added: boolean;
}

/** The outcome of an upload. */
export interface UploadResult {
  readonly stored: number;
  readonly duplicates: number;
  readonly erased: number;
  readonly conflicts: readonly { readonly id: string; readonly kept: 'yours' | 'stored' }[];
}

/**
 * A page of events for one partner: a sync batch, with where to go on from. Encrypted events come as
 * they were uploaded, every one of the couple's, since the relay cannot tell which a partner may
 * hold; decrypt them (`decryptEvents`) before `importEvents`, which refuses what may not be held.
 */
export interface PullResult extends SyncBatch<RelayEvent> {
  /** Pass it as `since` next time. */
  readonly next: number;
  /** True when another page waits. */
  readonly more: boolean;
}

/** One partner's calls, with their token. */
export interface PartnerSync {
  getCouple(): Promise<CoupleStatus>;
  /**
   * Uploads a batch `exportEvents` made for the other partner, its events plain or encrypted
   * (`encryptEvents` with `plainTypes: relayReadableEventTypes`, which leaves erasure requests
   * plain for the relay to honour), then signed (`signEvents`).
   */
  upload(batch: SyncBatch<RelayEvent>): Promise<UploadResult>;
  /** Binds a new device of this partner, with what `introduceDevice` returned on a bound one. */
  introduce(introduction: DeviceIntroduction): Promise<IntroductionResult>;
  /** The couple's devices: the ones the partners paired with, and every introduction since. */
  devices(): Promise<CoupleDevices>;
  /** The events after position `since` (default 0) for this partner: plain ones it may hold, and every encrypted one. */
  pull(since?: number): Promise<PullResult>;
  /** A new pairing code, while the other partner has not joined. */
  renewCode(): Promise<{
    readonly code: string;
    readonly codeExpiresAt: number;
    readonly codeExpiresInMs: number;
  }>;
  /**
   * Removes the couple, its pairing code and this token, while the other partner has not joined;
   * refused with the code `already-paired` once they have.
   */
  cancelCouple(): Promise<void>;
}

/** A typed client for the sync server. */
export interface SyncClient {
  /**
   * Creates a couple as its first partner, from `device`, the device this partner pairs with, and
   * the key it signs with (`exportSigningPublicKey`), which the server requires. `publicKey` (1 to
   * 512 characters, kept as given) is passed on to the other partner, for the phones' key
   * agreement.
   */
  createCouple(
    partner: Partner,
    startedAt?: number,
    publicKey?: string,
    device?: PairingDevice,
  ): Promise<CreatedCouple>;
  /** Joins with the other partner's code, giving `publicKey` and `device` as for createCouple. */
  joinCouple(
    code: string,
    partner: Partner,
    publicKey?: string,
    device?: PairingDevice,
  ): Promise<JoinedCouple>;
  forPartner(credentials: { readonly couple: string; readonly token: string }): PartnerSync;
}

/**
 * A client for the sync server's routes, for an app or a test. Refusals become
 * {@link SyncServerError}s that carry the server's explanation.
 *
 * @example
 * ```ts
 * const client = createSyncClient({ baseUrl: 'http://127.0.0.1:8787' });
 * const keys = await generateDeviceSigningKey();
 * const device = { device: createDeviceId(), signingKey: await exportSigningPublicKey(keys) };
 * const created = await client.createCouple({ id: 'ana', timeZone: 'Europe/Berlin' }, undefined, undefined, device);
 * const ana = client.forPartner(created);
 * ```
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const fetchFn = options.fetch ?? fetch;
  // Paths are joined to the base, so a server behind a prefix (`https://example.org/relay/`) works.
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const request = async <T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<T> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetchFn(new URL(path.slice(1), base), {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    type Answer = { error?: ConstructorParameters<typeof SyncServerError>[1] };
    let json: Answer;
    try {
      json = (await response.json()) as Answer;
    } catch (error) {
      if (response.ok) throw error;
      // A proxy in between may refuse with no JSON at all, such as Vite's empty 502 while the
      // server is down: still a refusal with a status, not a parsing error.
      json = {};
    }
    if (!response.ok) {
      throw new SyncServerError(
        response.status,
        json.error ?? {
          code: 'unknown',
          message: `The server answered ${response.status} without saying why`,
          where: path,
          fix: 'Check that the sync server is running and that any proxy in front of it reaches it',
        },
      );
    }
    return json as T;
  };
  return {
    createCouple: (partner, startedAt, publicKey, device) =>
      request('POST', '/couples', {
        partner,
        ...(startedAt !== undefined && { startedAt }),
        ...(publicKey !== undefined && { publicKey }),
        ...device,
      }),
    joinCouple: (code, partner, publicKey, device) =>
      request('POST', '/couples/join', {
        code,
        partner,
        ...(publicKey !== undefined && { publicKey }),
        ...device,
      }),
    forPartner: ({ couple, token }) => ({
      getCouple: () => request('GET', `/couples/${couple}`, undefined, token),
      upload: (batch) => request('POST', `/couples/${couple}/events`, batch, token),
      introduce: (introduction) =>
        request('POST', `/couples/${couple}/introductions`, introduction, token),
      devices: () => request('GET', `/couples/${couple}/devices`, undefined, token),
      renewCode: () => request('POST', `/couples/${couple}/code`, {}, token),
      cancelCouple: async () => {
        await request('DELETE', `/couples/${couple}`, undefined, token);
      },
      pull: (since = 0) =>
        request('GET', `/couples/${couple}/events?since=${since}`, undefined, token),
    }),
  };
}
