import { AttuneEventError, type Couple, checkEvent } from '@attune/core';
import { isEncryptedEvent } from '@attune/core/crypto';
import { canonicalJson, checkEncryptedEvent } from '@attune/core/sync';
import { HttpProblem, type ProblemDetail } from '../http/http-problem.js';
import { relayedTo } from './privacy-filter.js';
import { isPlain, type RelayEvent } from './relay-event.js';
import { isSameEvent } from './same-event.js';

/** What {@link checkUpload} needs besides the events. */
export interface CheckUploadContext {
  readonly couple: Couple;
  /** The partner the bearer token belongs to: every event must be theirs. */
  readonly sender: string;
  /**
   * Every plain `entry-shared` event stored for the couple: a plain private entry may travel once
   * shared.
   */
  readonly storedShares: readonly RelayEvent[];
}

/** An uploaded event as checked, with its index in the upload, to name it in a refusal. */
export interface CheckedEvent {
  readonly event: RelayEvent;
  readonly index: number;
}

/** A problem of one uploaded event, by its index in the upload. */
export type EventProblem = ProblemDetail & { readonly index: number };

// Enough to fix a client; a batch of ten thousand bad events need not echo ten thousand reasons.
const LISTED = 20;

/** The message of a core error without the field and fix it appends, which have their own keys. */
const whatOf = (error: AttuneEventError) => {
  const suffix = ` (${error.field}). ${error.fix}`;
  return error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
};

/** An event's canonical JSON as it travels: a field set to `undefined` is left out, as JSON does. */
const asSent = (event: RelayEvent) => canonicalJson(JSON.parse(JSON.stringify(event)));

/**
 * Checks every uploaded event, plain or encrypted, and returns them checked, one copy per id, with
 * the index of its first copy and its signature (verified before, with `verifyUpload`). Refuses the
 * whole upload, naming each event at fault, when any event is malformed (`checkEvent`, or
 * `checkEncryptedEvent` for one with an `encrypted` payload, which must not show its type or
 * visibility), written by someone else than the sender, an erasure in another partner's name, an id
 * sent twice as two different events, or a plain event the other partner may not hold: a private
 * entry its author did not share, or a safety check. Those never leave the device that wrote them,
 * so the server does not even store them. An encrypted event hides its type and visibility, so only
 * the phone that encrypted it could judge it, and did (`exportEvents`). Whose devices the events
 * name is checked later, in the upload's transaction (`checkDevices`).
 *
 * @throws {@link HttpProblem} 403 when an event is not the sender's, 422 for any other problem.
 */
export function checkUpload(
  values: readonly unknown[],
  context: CheckUploadContext,
): CheckedEvent[] {
  const { couple, sender } = context;
  const partners = couple.partners.map((partner) => partner.id);
  const other = partners.find((id) => id !== sender) as string;
  const problems: EventProblem[] = [];
  const checked: CheckedEvent[] = [];
  const byId = new Map<string, RelayEvent>();
  // Sync accepts clocks far ahead: refusing them here and not on a device would split the history.
  const checkContext = { partners, latestWall: Number.MAX_SAFE_INTEGER };

  values.forEach((value, index) => {
    const at = `events[${index}]`;
    let copy: RelayEvent;
    try {
      copy = isEncryptedEvent(value)
        ? checkEncryptedEvent(value, checkContext)
        : checkEvent(value, checkContext);
    } catch (error) {
      if (!(error instanceof AttuneEventError)) throw error;
      problems.push({
        index,
        code: error.code,
        message: whatOf(error),
        where: `${at}.${error.field}`,
        fix: error.fix,
      });
      return;
    }
    // The checks copy only the fields they know, so the signature is carried over by hand. What
    // they dropped besides (a field this relay's core does not know) would leave a stored copy its
    // signature no longer covers, which the other phone would refuse: better refused here, at once.
    const { signature, ...signed } = value as Record<string, unknown>;
    if (asSent(copy) !== canonicalJson(signed)) {
      problems.push({
        index,
        code: 'not-as-signed',
        message: `Event "${copy.id}" holds fields this relay does not keep, so the copy it would hand on would no longer match the signature`,
        where: at,
        fix: 'Upload events as the engine recorded them, or run the relay on the @attune/core version the phones use',
      });
      return;
    }
    const event: RelayEvent = typeof signature === 'string' ? { ...copy, signature } : copy;
    if (event.partner !== sender) {
      problems.push({
        index,
        code: 'not-your-event',
        message: `Event "${event.id}" was written by "${event.partner}", and this token belongs to "${sender}"`,
        where: `${at}.partner`,
        fix: "Upload only your own events; your partner's device uploads theirs",
      });
      return;
    }
    // Only a plain request is read, and so honoured; an encrypted one is relayed like any event.
    const erases =
      isPlain(event) && event.type === 'erasure-requested'
        ? (event.data as { partner?: unknown } | null)?.partner
        : event.partner;
    if (erases !== event.partner) {
      problems.push({
        index,
        code: 'not-signed-off',
        message: `Event "${event.id}" asks to erase the events of "${String(erases)}"`,
        where: `${at}.data.partner`,
        fix: 'A partner can only erase their own events',
      });
      return;
    }
    const earlier = byId.get(event.id);
    if (earlier) {
      if (!isSameEvent(earlier, event)) {
        problems.push({
          index,
          code: 'duplicate-id',
          message: `The batch holds two different events with id "${event.id}"`,
          where: `${at}.id`,
          fix: 'Give each event its own id; two devices may be sharing one device id (createDeviceId makes a new one)',
        });
      }
      return;
    }
    byId.set(event.id, event);
    checked.push({ event, index });
  });

  // The core's own filter decides for plain events, as it does on the device that exported the
  // batch; relayedTo lets every encrypted one through.
  const mayTravel = new Set(
    relayedTo([...context.storedShares, ...checked.map(({ event }) => event)], other),
  );
  for (const { event, index } of checked) {
    if (mayTravel.has(event) || !isPlain(event)) continue;
    const safety = event.type === 'safety-check-taken';
    problems.push({
      index,
      code: 'stays-on-device',
      message: safety
        ? `Event "${event.id}" is a safety check: it never leaves the device that took it`
        : `Event "${event.id}" is a private entry that was not shared: it never leaves the device that wrote it`,
      where: `events[${index}].${safety ? 'type' : 'visibility'}`,
      fix: safety
        ? `Upload what exportEvents(ownEvents, { couple, recipient: '${other}' }) returns; it leaves safety checks out`
        : `Upload what exportEvents(ownEvents, { couple, recipient: '${other}' }) returns; to send this entry, share it first (engine.shareEntry) and upload the share with it`,
    });
  }

  if (problems.length > 0) throw refusal(problems, values.length);
  return checked;
}

/**
 * Codes of problems that make the upload a request for what is not the sender's: an event of the
 * other partner, or one that no device of the sender's signed as it is.
 */
const FORBIDDEN = new Set([
  'not-your-event',
  'device-of-other-partner',
  'unsigned',
  'bad-signature',
  'unknown-device',
]);

/**
 * The refusal of a whole upload for the problems of some of its events, one problem per event: 403
 * when any event is not the sender's to upload, 422 otherwise.
 */
export function refusal(problems: readonly EventProblem[], count: number): HttpProblem {
  const sorted = [...problems].sort((a, b) => a.index - b.index);
  const status = sorted.some((problem) => FORBIDDEN.has(problem.code)) ? 403 : 422;
  return new HttpProblem(
    status,
    {
      code: 'events-refused',
      message: `${sorted.length} of ${count} events were refused, so nothing of this upload was stored`,
      where: 'events',
      fix:
        sorted.length > LISTED
          ? `Fix the events listed (the first ${LISTED} of ${sorted.length}) and upload the batch again`
          : 'Fix the events listed and upload the batch again',
    },
    { problems: sorted.slice(0, LISTED) },
  );
}
