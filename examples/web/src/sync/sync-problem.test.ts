import { describe, expect, it } from 'vitest';
import { syncProblemKey } from './sync-problem.js';

describe('syncProblemKey', () => {
  it.each([
    ['not-paired', 'sync.problem.not-paired'],
    ['unauthenticated', 'sync.problem.pairing-unknown'],
    ['unknown-token', 'sync.problem.pairing-unknown'],
    ['wrong-couple', 'sync.problem.pairing-unknown'],
    ['events-refused', 'sync.problem.events-refused'],
    ['device-of-other-partner', 'sync.problem.device-of-other-partner'],
    ['newer-format', 'sync.problem.newer-format'],
    ['not-a-batch', 'sync.problem.mismatch'],
    ['wrong-recipient', 'sync.problem.mismatch'],
    ['not-json', 'sync.problem.mismatch'],
    ['invalid-json', 'sync.problem.mismatch'],
    ['invalid-since', 'sync.problem.mismatch'],
    ['invalid-limit', 'sync.problem.mismatch'],
    ['not-found', 'sync.problem.mismatch'],
    ['method-not-allowed', 'sync.problem.mismatch'],
    ['rate-limited', 'sync.problem.rate-limited'],
    ['body-too-large', 'sync.problem.too-large'],
    ['internal', 'sync.problem.server-trouble'],
    ['unknown', 'sync.problem.server-trouble'],
    ['tampered', 'sync.problem.cannot-open'],
    ['unknown-key', 'sync.problem.cannot-open'],
    ['not-encrypted', 'sync.problem.cannot-open'],
    ['pairing-mismatch', 'sync.problem.pairing-mismatch'],
    ['unsigned-event', 'sync.problem.not-signed'],
    ['forged-event', 'sync.problem.not-signed'],
    ['unknown-device', 'sync.problem.not-signed'],
    ['wrong-page', 'sync.problem.not-signed'],
    ['signing-missing', 'sync.problem.pair-again'],
    ['no-signing-keys', 'sync.problem.pair-again'],
  ])('says the server’s %s in the app’s own words', (code, key) => {
    expect(syncProblemKey(code)).toBe(key);
  });

  it('leaves codes it does not know, and pairing codes, to the server’s message', () => {
    expect(syncProblemKey(undefined)).toBeUndefined();
    expect(syncProblemKey('something-new')).toBeUndefined();
    expect(syncProblemKey('unknown-code')).toBeUndefined();
    expect(syncProblemKey('toString')).toBeUndefined();
  });
});
