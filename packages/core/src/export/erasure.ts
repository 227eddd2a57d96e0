import { checkSequenceFloor } from '../engine/sequence-floor.js';
import type { ErasureRequestedEvent, HybridTimestamp, LoggedEvent } from '../events/types.js';
import { MAX_COUNTER } from '../log/bounds.js';
import { checkEvent } from '../log/check-event.js';
import { AttuneEventError, shown } from '../log/event-error.js';
import { compareEvents, compareTimestamps } from '../log/order.js';
import type { Couple } from '../program/couple.js';

/**
 * Whether an erasure request is signed off: recorded by the very partner whose data it erases. No one
 * can erase the other partner's history; such a request is refused on import.
 */
export function isSignedOff(event: ErasureRequestedEvent): boolean {
  return event.data.partner === event.partner;
}

/**
 * Per partner, the latest moment up to which their events are erased, from the signed-off erasure
 * requests among `events`.
 */
export function erasureCutoffs(events: Iterable<LoggedEvent>): Map<string, HybridTimestamp> {
  const cutoffs = new Map<string, HybridTimestamp>();
  for (const event of events) {
    if (event.type !== 'erasure-requested') continue;
    const request = event as ErasureRequestedEvent;
    if (!isSignedOff(request)) continue;
    const previous = cutoffs.get(request.data.partner);
    if (!previous || compareTimestamps(previous, request.data.before) < 0) {
      cutoffs.set(request.data.partner, request.data.before);
    }
  }
  return cutoffs;
}

/**
 * The envelope fields erasure reads. An encrypted event hides its type, so only the devices that
 * decrypt it can judge it.
 */
export type ErasableEvent = Pick<
  LoggedEvent,
  'id' | 'type' | 'partner' | 'device' | 'seq' | 'clock'
>;

/**
 * The rest events an erasure keeps, by id: erasing one's entries never lifts one's rest. Of each
 * erasing partner's rest events (`safety-rest`) up to their cutoff, the latest by log order — the one
 * in effect when they erased — is kept; the others go. A rest event after the cutoff is not covered
 * at all, and stays: `erasePartner` sets the cutoff after every other event of the partner, but not
 * after a rest still waiting for its quarter hour. A rest carries no content, only `{ active }`.
 *
 * Depends only on which events are held, so every device that holds the same events keeps the same
 * rests; as more arrive, the one kept can only move later. Only envelopes are read, type included: a
 * relay holding encrypted events, whose type is inside the ciphertext, cannot tell which are rests.
 */
export function keptRests(
  events: Iterable<ErasableEvent>,
  cutoffs: ReadonlyMap<string, HybridTimestamp>,
): Set<string> {
  const latest = new Map<string, ErasableEvent>();
  for (const event of events) {
    if (event.type !== 'safety-rest') continue;
    const before = cutoffs.get(event.partner);
    if (before === undefined || compareTimestamps(event.clock, before) > 0) continue;
    const kept = latest.get(event.partner);
    if (!kept || compareEvents(kept, event) < 0) latest.set(event.partner, event);
  }
  return new Set([...latest.values()].map((event) => event.id));
}

/**
 * Whether an erasure cutoff covers an event. The requests themselves are never erased. A rest event
 * (`safety-rest`) is erased only when `kept` (from {@link keptRests} over the same events) is given
 * and does not name it; without `kept` no rest is erased, since one event alone cannot tell whether
 * it is its partner's latest. Only the envelope is read, type included, which an encrypted event
 * hides.
 */
export function isErased(
  event: Pick<LoggedEvent, 'type' | 'partner' | 'clock'> & { readonly id?: string },
  cutoffs: ReadonlyMap<string, HybridTimestamp>,
  kept?: ReadonlySet<string>,
): boolean {
  if (event.type === 'erasure-requested') return false;
  const before = cutoffs.get(event.partner);
  if (before === undefined || compareTimestamps(event.clock, before) > 0) return false;
  if (event.type === 'safety-rest') return kept !== undefined && !kept.has(event.id as string);
  return true;
}

/** Options of {@link erasePartner}. */
export interface ErasePartnerOptions {
  readonly couple: Couple;
  /**
   * The partner this device belongs to, who asks for the erasure. Only they can erase their events,
   * so it must be `partner`: the app says who is using it, and a slip that names the other partner
   * is refused instead of signed off in their name.
   */
  readonly self: string;
  /** The partner whose events are erased. The request is recorded in their name: their sign-off. */
  readonly partner: string;
  /** This device's id; the request is recorded on it. */
  readonly device: string;
  /** The clock, in ms since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /** How far past now other devices' clocks may move this one (default one minute, as the engine). */
  readonly maxClockSkewMs?: number;
  /**
   * The highest sequence number this device ever used, as its storage kept it
   * (`store.highWater(device)`), so the request never takes the id of an event that was lost.
   * Default 0: above this device's events among `events`.
   */
  readonly sequenceFloor?: number;
}

/** What an erasure leaves on this device, and the request to send to the partner's devices. */
export interface Erasure {
  /** The signed-off request; sync it so the other devices drop their copies. */
  readonly request: ErasureRequestedEvent;
  /**
   * The events this device keeps, in log order: the other partner's, the request, and the
   * partner's own rest as it stands (see {@link keptRests}).
   */
  readonly events: readonly LoggedEvent[];
  /** How many of the partner's events were removed. */
  readonly removed: number;
}

/**
 * Erases one partner's events from a device's history and records a signed-off request — an
 * `erasure-requested` event in that partner's name — asking every other device to drop its copies of
 * their events up to now. Store the result with `store.replace(erasure.events)`, create the engine
 * again from it, and sync the request. What a device you do not control does with the request cannot
 * be guaranteed; see the persistence guide.
 *
 * @example
 * ```ts
 * const erasure = erasePartner(engine.getEvents(), { couple, self: 'ana', partner: 'ana', device });
 * await store.replace(erasure.events);
 * ```
 * @throws `AttuneEventError` with code `not-allowed` when `partner` is not `self`, and
 * `unknown-partner` when `partner` is not one of the couple's partners.
 */
export function erasePartner(
  events: readonly LoggedEvent[],
  options: ErasePartnerOptions,
): Erasure {
  const { couple, partner, device } = options;
  if (partner !== options.self) {
    throw new AttuneEventError(
      'not-allowed',
      'partner',
      `"${shown(options.self)}" asked to erase the events of "${shown(partner)}"`,
      'A partner can only erase their own events: pass the same id as `self` and `partner`.',
    );
  }
  const now = (options.now ?? Date.now)();
  const ceiling = now + (options.maxClockSkewMs ?? 60_000);
  // A reading later than every event this device saw, as the engine's clock would give it; a clock
  // far in the future moves it no further than the skew allows.
  let latest: HybridTimestamp = { wall: 0, counter: -1 };
  let before: HybridTimestamp = { wall: 0, counter: 0 };
  let seq = options.sequenceFloor === undefined ? 0 : checkSequenceFloor(options.sequenceFloor);
  for (const event of events) {
    const seen = event.clock.wall > ceiling ? { wall: ceiling, counter: 0 } : event.clock;
    if (compareTimestamps(seen, latest) > 0) latest = seen;
    // Not past a rest waiting for its quarter hour: it stays, and so do events recorded before it
    // comes (see `keptRests`).
    if (
      event.partner === partner &&
      event.type !== 'safety-rest' &&
      compareTimestamps(event.clock, before) > 0
    )
      before = event.clock;
    if (event.device === device && event.seq > seq) seq = event.seq;
  }
  // As the hybrid clock ticks: a counter at its bound moves on to the next millisecond instead.
  const clock: HybridTimestamp =
    now > latest.wall
      ? { wall: now, counter: 0 }
      : latest.counter >= MAX_COUNTER
        ? { wall: latest.wall + 1, counter: 0 }
        : { wall: latest.wall, counter: latest.counter + 1 };
  if (compareTimestamps(clock, before) > 0) before = clock;
  const request = checkEvent(
    {
      id: `${device}:${seq + 1}`,
      partner,
      device,
      seq: seq + 1,
      clock,
      type: 'erasure-requested',
      data: { partner, before },
      visibility: 'shared',
    },
    { partners: couple.partners.map((p) => p.id), latestWall: Number.MAX_SAFE_INTEGER },
  ) as ErasureRequestedEvent;
  const cutoffs = erasureCutoffs([...events, request]);
  const rests = keptRests(events, cutoffs);
  const kept = events.filter((event) => !isErased(event, cutoffs, rests));
  return {
    request,
    events: [...kept, request].sort(compareEvents),
    removed: events.length - kept.length,
  };
}
