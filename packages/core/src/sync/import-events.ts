import { isEncryptedEvent } from '../crypto/encrypted-event.js';
import type { ErasureRequestedEvent, LoggedEvent } from '../events/types.js';
import { erasureCutoffs, isErased, isSignedOff, keptRests } from '../export/erasure.js';
import { checkEvent } from '../log/check-event.js';
import { AttuneEventError, shown } from '../log/event-error.js';
import { compareEvents } from '../log/order.js';
import { canonicalJson, keptVersion } from '../log/same-event.js';
import type { Couple } from '../program/couple.js';
import { authorOnlyTypes } from '../visibility/policy.js';
import { currentSyncFormat, type SyncBatch } from './export-events.js';
import { AttuneSyncError } from './sync-error.js';

/** Options of {@link importEvents}. */
export interface ImportEventsOptions {
  readonly couple: Couple;
  /**
   * This device's id. Incoming events under it that this device does not hold mean another device
   * uses the same id (or this one was restored from a backup): `deviceIdClash` tells the host.
   */
  readonly device?: string;
  /**
   * The partner this device belongs to. A batch addressed to the other partner is refused whole, and
   * so is, one by one, any safety check of the other partner, which never belongs here.
   */
  readonly self?: string;
}

/** Two different events that claimed one id, and which one every device keeps. */
export interface SyncConflict {
  readonly kept: LoggedEvent;
  readonly discarded: LoggedEvent;
}

/** The outcome of {@link importEvents}. */
export interface ImportResult {
  /** The merged history, in log order. */
  readonly events: readonly LoggedEvent[];
  /** Events new here, in log order: hand them to `engine.receive` when nothing was dropped. */
  readonly added: readonly LoggedEvent[];
  /** Incoming events this device already held. */
  readonly duplicates: number;
  /** Incoming events erased by a signed-off erasure request, so not added. */
  readonly erased: number;
  /** Incoming events refused, by their index in the input, with the reason. */
  readonly rejected: readonly { readonly index: number; readonly error: AttuneEventError }[];
  /**
   * Events this device held that must go: erased by a request that arrived, or the losing side of a
   * conflict. When there are any, store `events` with `store.replace` and create the engine again.
   */
  readonly dropped: readonly LoggedEvent[];
  /** Ids that arrived with different content, and the version kept — the same on every device. */
  readonly conflicts: readonly SyncConflict[];
  /** True when events under this device's own id came from elsewhere; take a new device id. */
  readonly deviceIdClash: boolean;
}

const fail = (code: 'malformed' | 'not-allowed', field: string, message: string, fix: string) =>
  new AttuneEventError(code, field, message, fix);

function eventsOf(
  incoming: SyncBatch | readonly unknown[],
  options: ImportEventsOptions,
): readonly unknown[] {
  if (Array.isArray(incoming)) return incoming;
  const batch = incoming as Partial<SyncBatch> | null;
  if (batch?.format !== 'attune-sync' || !Array.isArray(batch.events)) {
    throw new AttuneSyncError(
      'malformed',
      'This is not a sync batch (format "attune-sync" with an events list)',
      'Pass what exportEvents produced, or an array of events',
    );
  }
  if (typeof batch.version !== 'number' || batch.version > currentSyncFormat) {
    throw new AttuneSyncError(
      'newer-format',
      `The batch uses sync format ${shown(batch.version)}; this version of Attune reads up to ${currentSyncFormat}`,
      'Update @attune/core on this device',
    );
  }
  if (batch.couple !== options.couple.id) {
    throw new AttuneSyncError(
      'wrong-couple',
      `The batch belongs to couple "${shown(batch.couple)}", not "${options.couple.id}"`,
      "Relay each couple's events only to that couple's devices",
    );
  }
  if (options.self !== undefined && batch.recipient !== options.self) {
    throw new AttuneSyncError(
      'wrong-recipient',
      `The batch is addressed to "${shown(batch.recipient)}", and this device belongs to "${options.self}"`,
      "Deliver each batch only to its recipient's devices; it may hold what only they may see",
    );
  }
  return batch.events;
}

/**
 * Merges events from elsewhere into a device's history, as a pure function of the two: idempotent,
 * commutative and associative, so devices that saw the same events in any order, split and repeated,
 * end with the same history. Events are checked with `checkEvent` and deduplicated by id; an id that
 * arrives with different content is settled the same way on every device (`keptVersion`); a clock
 * far in the future is accepted (the engine's clock moves at most a bounded skew past now), within the
 * limits every event is held to (see `checkEvent`: up to the end of the year 9999); signed-off erasure
 * requests remove the events they cover, except the erasing partner's latest rest (`keptRests`). An
 * event past a limit is refused alone, in `rejected`, and the events held are kept. An event whose
 * id is already held, or arrived earlier, under the other partner is refused too (`not-allowed` on
 * `partner`), never settled as a conflict: an id the other partner squats never makes a device drop
 * its own event.
 *
 * @example
 * ```ts
 * const result = importEvents(engine.getEvents(), batch, { couple, device, self: 'kai' });
 * if (result.dropped.length === 0) engine.receive(result.added);
 * else { await store.replace(result.events); engine = createEngine({ ...options, events: result.events, trusted: true }); }
 * ```
 * @throws {@link AttuneSyncError} when a batch is malformed, newer, or for another couple or partner.
 */
export function importEvents(
  local: readonly LoggedEvent[],
  incoming: SyncBatch | readonly unknown[],
  options: ImportEventsOptions,
): ImportResult {
  const values = eventsOf(incoming, options);
  const context = {
    partners: options.couple.partners.map((partner) => partner.id),
    // Every device must accept the same events, whatever its own clock says.
    latestWall: Number.MAX_SAFE_INTEGER,
  };
  const rejected: { index: number; error: AttuneEventError }[] = [];
  const held = new Map<string, LoggedEvent>();
  for (const event of local) held.set(event.id, event);
  const merged = new Map(held);
  const conflicts: SyncConflict[] = [];
  let duplicates = 0;
  let deviceIdClash = false;
  const ownFromElsewhere: LoggedEvent[] = [];

  values.forEach((value, index) => {
    let event: LoggedEvent;
    try {
      if (isEncryptedEvent(value)) {
        throw fail(
          'malformed',
          'encrypted',
          `Event "${shown(value.id)}" is still encrypted`,
          'Decrypt it with decryptEvents before importing.',
        );
      }
      event = checkEvent(value, context);
      if (event.type === 'erasure-requested' && !isSignedOff(event as ErasureRequestedEvent)) {
        throw fail(
          'not-allowed',
          'data.partner',
          `"${event.partner}" asked to erase the events of "${(event as ErasureRequestedEvent).data.partner}"`,
          'Only a partner can erase their own events.',
        );
      }
      if (
        options.self !== undefined &&
        event.partner !== options.self &&
        authorOnlyTypes.has(event.type)
      ) {
        throw fail(
          'not-allowed',
          'type',
          `A safety check of "${event.partner}" reached a device of "${options.self}"`,
          'Export with exportEvents, which never sends a safety check to the other partner.',
        );
      }
    } catch (error) {
      if (!AttuneEventError.isInstance(error)) throw error;
      rejected.push({ index, error });
      return;
    }
    const existing = merged.get(event.id);
    // An id belongs to the partner whose event holds it first: another partner's version is not a
    // conflict to settle, or a squatted id could make a device drop its own event.
    if (existing && existing.partner !== event.partner) {
      rejected.push({
        index,
        error: fail(
          'not-allowed',
          'partner',
          `Event "${event.id}" of "${event.partner}" cannot be kept: another partner's event already has this id`,
          'A device id belongs to one partner; the device that recorded it should take a new one (createDeviceId).',
        ),
      });
      return;
    }
    if (event.device === options.device && !held.has(event.id)) ownFromElsewhere.push(event);
    if (!existing) {
      merged.set(event.id, event);
      return;
    }
    if (canonicalJson(existing) === canonicalJson(event)) {
      duplicates++;
      return;
    }
    const kept = keptVersion(existing, event);
    const discarded = kept === event ? existing : event;
    conflicts.push({ kept, discarded });
    if (event.device === options.device) deviceIdClash = true;
    merged.set(event.id, kept);
    if (discarded === event) {
      rejected.push({
        index,
        error: new AttuneEventError(
          'duplicate-id',
          'id',
          `Another event with id "${event.id}" and different content is already recorded`,
          'Give each event a unique id; two devices may be sharing one device id.',
        ),
      });
    }
  });

  const cutoffs = erasureCutoffs(merged.values());
  // An erasure keeps its partner's latest rest up to the cutoff, judged over everything merged.
  const rests = keptRests(merged.values(), cutoffs);
  const dropped: LoggedEvent[] = [];
  const added: LoggedEvent[] = [];
  let erased = 0;
  for (const [id, event] of merged) {
    const before = held.get(id);
    const gone = isErased(event, cutoffs, rests);
    if (before && (gone || before !== event)) dropped.push(before);
    if (!gone && before !== event) added.push(event);
    if (gone && !before) erased++;
  }
  added.sort(compareEvents);
  dropped.sort(compareEvents);
  // Events of this device's id that it never held, unless erased anyway: another device has its id.
  if (ownFromElsewhere.some((event) => !isErased(event, cutoffs, rests))) deviceIdClash = true;
  const remaining =
    dropped.length === 0
      ? local
      : local.filter((event) => merged.get(event.id) === event && !isErased(event, cutoffs, rests));
  const inOrder = remaining.every(
    (event, i) => i === 0 || compareEvents(remaining[i - 1] as LoggedEvent, event) < 0,
  );
  return {
    events: mergeSorted(inOrder ? remaining : [...remaining].sort(compareEvents), added),
    added,
    duplicates,
    erased,
    rejected: rejected.sort((a, b) => a.index - b.index),
    dropped,
    conflicts,
    deviceIdClash,
  };
}

/** Merges two lists already in log order. */
function mergeSorted(a: readonly LoggedEvent[], b: readonly LoggedEvent[]): LoggedEvent[] {
  const out: LoggedEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(
      compareEvents(a[i] as LoggedEvent, b[j] as LoggedEvent) <= 0
        ? (a[i++] as LoggedEvent)
        : (b[j++] as LoggedEvent),
    );
  }
  while (i < a.length) out.push(a[i++] as LoggedEvent);
  while (j < b.length) out.push(b[j++] as LoggedEvent);
  return out;
}
