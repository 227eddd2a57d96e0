import type {
  AttuneEvent,
  EntrySharedEvent,
  LoggedEvent,
  SafetyRestEvent,
  UnknownEvent,
} from '../events/types.js';
import type { AttuneEventError } from '../log/event-error.js';
import type { AttunePlugin } from '../plugins/types.js';
import type { Couple } from '../program/couple.js';
import type { Program, Visibility } from '../program/types.js';
import type { EngineSnapshot } from '../progress/types.js';
import type { PartnerView } from '../visibility/types.js';

/** Options of `createEngine`. */
export interface EngineOptions {
  readonly program: Program;
  readonly couple: Couple;
  /**
   * This install's device id: event ids are `device:seq`, so it must be unique per install. Take the
   * one the store keeps (`store.device`), or make one once with `createDeviceId()`; never derive it
   * from a name.
   */
  readonly device: string;
  /**
   * The highest sequence number this device ever used, as its storage kept it
   * (`store.highWater(device)`): the engine records above it even when `events` hold fewer of this
   * device's events — after an erasure, or with an emptied log — so that no event id is used twice.
   * `persistEngine` raises it to the store's mark as well. Default 0: the engine then records above
   * the highest sequence of this device among the events it holds or receives.
   *
   * Once a floor is known (given here or by `persistEngine`), `receive` refuses an event of this
   * device's id above it (`not-allowed` on `device`): only another device using the same id could
   * have written it.
   */
  readonly sequenceFloor?: number;
  /** The clock, in ms since the epoch (default `Date.now`). Every time calculation reads it. */
  readonly now?: () => number;
  /** Events to start from, such as those loaded from storage. */
  readonly events?: readonly unknown[];
  /**
   * Set when `events` come from this device's own storage, which only ever holds events this engine
   * checked on the way in: they are then folded without being checked again, which makes start-up
   * several times faster. Never set it for events from a network or another device. One bad stored
   * event never stops the start: an event the fold cannot use (a clock outside the bounds of
   * `checkEvent`, data of the wrong shape) is kept in the log, left out of progress and reported in
   * `snapshot.diagnostics`.
   */
  readonly trusted?: boolean;
  /** Check-in scores this far apart count as diverging (default 2). */
  readonly divergenceThreshold?: number;
  /** How far past now a remote clock may move this device's clock (default one minute). */
  readonly maxClockSkewMs?: number;
  /** Events with clocks further ahead of now than this are refused (default one day). */
  readonly maxFutureMs?: number;
  /**
   * Plugins for this engine only, made with `definePlugin`, validated together when the engine is
   * created; an `AttunePluginError` lists every problem. Their steps are merged into `program`. The
   * code that validates and runs them comes with them, so an engine without plugins does not ship it.
   */
  readonly plugins?: readonly AttunePlugin[];
  /**
   * When a sealed answer written on this device opens for the other partner. Either way it never
   * leaves its author's devices before the other partner answered the same prompt; only its mark
   * (`answer-sealed`) does.
   *
   * - `'when-both-answered'` (default): the engine reveals it by itself (an `entry-shared`) as soon
   *   as it holds the other partner's answer to the same prompt.
   * - `'by-choice'`: it waits in the author's `view.toReveal`, and the author reveals all, some or
   *   none of their answers, now or later, with {@link Engine.revealAnswers}.
   *
   * A function gives each partner their own choice, read whenever an answer could open — so a
   * partner can change their mind without a new engine (reveal what waits with `revealAnswers`
   * when they switch to `'when-both-answered'`).
   */
  readonly reveal?: RevealMode | ((partner: string) => RevealMode);
}

/** When sealed answers open: see {@link EngineOptions.reveal}. */
export type RevealMode = 'when-both-answered' | 'by-choice';

/** The outcome of {@link Engine.receive}: what was added, what was already here, what was refused. */
export interface ReceiveResult {
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: readonly { readonly index: number; readonly error: AttuneEventError }[];
}

/** Options for recording that an exercise was started or done. */
export interface TogetherOptions {
  /** Done side by side: one record for both partners. */
  readonly together?: boolean;
}

/**
 * A couple's program in motion: records events through typed methods, folds them into progress,
 * and hands out immutable snapshots and per-partner views.
 */
export interface Engine {
  /** The program the engine runs: the one it was given, with its plugins' steps merged in. */
  readonly program: Program;
  /** The plugins the engine was created with. */
  readonly plugins: readonly AttunePlugin[];
  readonly couple: Couple;
  readonly device: string;
  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): EngineSnapshot;
  /** What one partner may see, with their suggestion and due items. */
  viewFor(partner: string): PartnerView;
  /** Every event, in the log's order. */
  getEvents(): readonly LoggedEvent[];
  /** Adds events from elsewhere (storage, another device). Bad ones are refused one by one. */
  receive(events: readonly unknown[]): ReceiveResult;
  /** Re-reads the clock, so due items and day counts move on; notifies only if something changed. */
  refresh(): void;
  /**
   * The engine's clock: the `now` option it was created with (`Date.now` by default), in ms since the
   * epoch. Read-only; timers in the UI read it so that tests and replays control time in one place.
   */
  now(): number;
  /** Records that a partner started an exercise; `{ together: true }` for both side by side. */
  startExercise(partner: string, exercise: string, options?: TogetherOptions): AttuneEvent;
  /** Records that a partner finished an exercise; `{ together: true }` records one for both. */
  completeExercise(partner: string, exercise: string, options?: TogetherOptions): AttuneEvent;
  /** Records a partner's written answer to a prompt, with the exercise's visibility by default. */
  answer(
    partner: string,
    exercise: string,
    prompt: string,
    text: string,
    visibility?: Visibility,
  ): AttuneEvent;
  /**
   * Shares an entry its author had kept private. Only the author can share it. Sharing a sealed
   * answer reveals it, which is refused until the other partner answered the same prompt.
   */
  shareEntry(partner: string, entry: string): AttuneEvent;
  /**
   * Reveals a partner's sealed answers that wait in their `view.toReveal` — those given by id, or
   * all of them — one `entry-shared` each, as one change. The other partner's device receives each
   * answer only then. A revealed answer can be erased later, not unseen.
   *
   * @throws `AttuneEventError` with code `not-allowed` for an id that is not the partner's sealed
   * answer held here, is revealed already, or whose prompt the other partner has not answered.
   */
  revealAnswers(partner: string, entries?: readonly string[]): EntrySharedEvent[];
  /** Records a partner's check-in: a score per dimension, within the check-in's scale. */
  recordCheckIn(
    partner: string,
    exercise: string,
    scores: Readonly<Record<string, number>>,
  ): AttuneEvent;
  /** Records a partner-quiz answer: the partner's own pick and their guess for the other. */
  answerQuiz(
    partner: string,
    exercise: string,
    question: string,
    self: string,
    guess: string,
  ): AttuneEvent;
  /** Records a note of appreciation to the partner, optionally from a sentence starter. */
  sendAppreciation(partner: string, exercise: string, text: string, starter?: string): AttuneEvent;
  /** Records a proposed text for an agreement, field by field. */
  proposeAgreement(
    partner: string,
    exercise: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
  ): AttuneEvent;
  /** Records that a partner confirms a proposal; an agreement holds once both confirmed it. */
  confirmAgreement(partner: string, exercise: string, proposal: string): AttuneEvent;
  /**
   * Records a partner's private safety check, and nothing else: it never rests the exercises by
   * itself. When it signals risk, that partner's view says a rest is recommended
   * (`viewFor(partner).restRecommended`), and they choose with {@link Engine.setRest}.
   */
  takeSafetyCheck(
    partner: string,
    exercise: string,
    answers: Readonly<Record<string, boolean>>,
  ): AttuneEvent;
  /**
   * Rests the exercises that need safety for both partners (`true`), or wakes this partner's own
   * rest (`false`): after a safety check that signals risk, or as a slower pace chosen at any time
   * for no stated reason. Either way it records the same `safety-rest` event, `{ active }` and
   * nothing else, so the other partner and a relay cannot tell why. The rest takes effect at the
   * next quarter hour, on every device, not at the moment it is chosen; the exercises rest while
   * either partner's own rest is on, and only the partner who set a rest can wake it.
   *
   * @example
   * ```ts
   * engine.setRest('kai', true); // a slower pace, from the next quarter hour
   * engine.viewFor('kai').ownRest; // { active: true, from: …, inEffect: false }
   * ```
   * @throws `AttuneEventError` with code `unknown-partner`, or `malformed` when `active` is not a
   * boolean.
   */
  setRest(partner: string, active: boolean): SafetyRestEvent;
  /** Pauses the program for both partners; nothing is lost and rhythm is frozen. */
  pause(partner: string): AttuneEvent;
  /** Resumes a paused program. Either partner can. */
  resume(partner: string): AttuneEvent;
  /** Records that a partner leaves the program alone; their data stays theirs to export. */
  leave(partner: string): AttuneEvent;
  /**
   * Records an event of a type one of the engine's plugins declared in `eventTypes`, with JSON data
   * (`shared` unless another visibility is given). Plugins call it from their own functions. A
   * `private` or `sealed` plugin event has no prompt to open it: it stays on its author's devices
   * until they share it with `shareEntry`.
   */
  recordPluginEvent(
    partner: string,
    type: string,
    data: unknown,
    visibility?: Visibility,
  ): UnknownEvent;
}
