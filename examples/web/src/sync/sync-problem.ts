import type { AppKey } from '../app-text.js';

/** The app's own words for a refusal of the sync server that a person may meet while syncing. */
export type SyncProblemKey = Extract<AppKey, `sync.problem.${string}`>;

/**
 * The sync server's problem codes (`error.code` of its answers) that an upload or a pull can meet,
 * by what they mean for the couple. Pairing codes (`unknown-code`, `partner-taken`…) are not here:
 * they are said on the pairing screen.
 */
const byCode: Readonly<Record<string, SyncProblemKey>> = {
  'not-paired': 'sync.problem.not-paired',
  // The server lost the token, the couple is gone, or this phone holds another couple's address.
  unauthenticated: 'sync.problem.pairing-unknown',
  'unknown-token': 'sync.problem.pairing-unknown',
  'wrong-couple': 'sync.problem.pairing-unknown',
  'events-refused': 'sync.problem.events-refused',
  // The code of each event of such a refusal whose device the server binds to the other partner:
  // this phone took a new device id and syncs again (`startRelaySync` gives it as the state's code).
  'device-of-other-partner': 'sync.problem.device-of-other-partner',
  'newer-format': 'sync.problem.newer-format',
  // Requests this app never sends to the server it was built with: one of the two is another version.
  'not-a-batch': 'sync.problem.mismatch',
  'wrong-recipient': 'sync.problem.mismatch',
  'not-json': 'sync.problem.mismatch',
  'invalid-json': 'sync.problem.mismatch',
  'invalid-since': 'sync.problem.mismatch',
  'invalid-limit': 'sync.problem.mismatch',
  'not-found': 'sync.problem.mismatch',
  'method-not-allowed': 'sync.problem.mismatch',
  'rate-limited': 'sync.problem.rate-limited',
  'body-too-large': 'sync.problem.too-large',
  internal: 'sync.problem.server-trouble',
  // The client's code for a refusal without the server's explanation, such as a proxy's 502.
  unknown: 'sync.problem.server-trouble',
  // What arrived did not decrypt with the couple's key, or came readable where it must not
  // (`AttuneCryptoError` codes): changed on the way, or not from the other phone.
  tampered: 'sync.problem.cannot-open',
  'unknown-key': 'sync.problem.cannot-open',
  'not-encrypted': 'sync.problem.cannot-open',
  // The app's own: the partners found different pairing checks, and this phone stopped syncing.
  'pairing-mismatch': 'sync.problem.pairing-mismatch',
  // What arrived is not signed, as it is, by a device of the partner it names (`startRelaySync`
  // gives these codes), or the server handed out another couple's page: changed or made up.
  'unsigned-event': 'sync.problem.not-signed',
  'forged-event': 'sync.problem.not-signed',
  'unknown-device': 'sync.problem.not-signed',
  'wrong-page': 'sync.problem.not-signed',
  // Phones paired before events were signed: this one holds no signing key, or the server knows
  // none of the couple's devices. They must pair again.
  'signing-missing': 'sync.problem.pair-again',
  'no-signing-keys': 'sync.problem.pair-again',
};

/**
 * The app's words for a sync server refusal, by its problem code, so the couple reads it in their
 * own language; `undefined` for a code the app does not know (or no code), whose English message
 * from the server is then shown as it is.
 */
export function syncProblemKey(code: string | undefined): SyncProblemKey | undefined {
  return code !== undefined && Object.hasOwn(byCode, code) ? byCode[code] : undefined;
}
