import type { AttuneEvent, SafetyRestEvent } from '../events/types.js';
import type { Visibility } from '../program/types.js';
import type { ReminderIntent, Suggestion } from '../progress/types.js';

/** An event type a plugin declared: always `<plugin name>/<type>`. */
export type PluginEventType = `${string}/${string}`;

/**
 * The view entry of a built-in event type, read whole. One conditional, so each type keeps its own
 * `data`.
 */
export type OpenEntryOf<E> = E extends AttuneEvent
  ? {
      readonly id: string;
      readonly type: E['type'];
      /** The author. */
      readonly partner: string;
      readonly at: number;
      readonly visibility: Visibility;
      readonly data: E['data'];
      readonly sealed?: undefined;
    }
  : never;

/** A built-in event this partner may read whole, its `data` typed by its `type`. */
export type OpenViewEntry = OpenEntryOf<Exclude<AttuneEvent, SafetyRestEvent>>;

/**
 * The other partner's sealed answer that this partner has not unlocked: that it exists, for which
 * prompt, and nothing of what it says. It opens once this partner answers the same prompt.
 */
export interface SealedViewEntry {
  readonly id: string;
  readonly type: 'answer-recorded' | 'quiz-answered';
  readonly partner: string;
  readonly at: number;
  readonly visibility: 'sealed';
  readonly sealed: true;
  readonly exercise: string;
  readonly prompt: string;
  /** Never present: what the answer says stays on its author's side until it opens. */
  readonly data?: undefined;
}

/** Exercises resting or waking. It carries no author: naming one would reveal why they rest. */
export interface RestViewEntry {
  readonly id: string;
  readonly type: 'safety-rest';
  readonly at: number;
  readonly visibility: Visibility;
  readonly data: SafetyRestEvent['data'];
  /** Never present: who rested the exercises is not shown. */
  readonly partner?: undefined;
  readonly sealed?: undefined;
}

/** An event of one of the engine's plugins; the plugin that declared its type knows its `data`. */
export interface PluginViewEntry {
  readonly id: string;
  readonly type: PluginEventType;
  readonly partner: string;
  readonly at: number;
  readonly visibility: Visibility;
  readonly data: unknown;
  readonly sealed?: undefined;
}

/**
 * One entry of a partner's view: an event they may see. A union discriminated by `type` (and, for
 * answers, by `sealed`), so an app reads each entry's `data` without casts.
 *
 * @example
 * ```ts
 * for (const entry of engine.viewFor('ana').entries) {
 *   if (entry.type === 'answer-recorded' && !entry.sealed) console.log(entry.data.text);
 * }
 * ```
 */
export type ViewEntry = OpenViewEntry | SealedViewEntry | RestViewEntry | PluginViewEntry;

/**
 * A partner's own rest, as they last set it with `engine.setRest`: whatever the reason, a safety
 * check that signalled risk or a slower pace. Only ever in their own view.
 */
export interface OwnRest {
  /** What they chose last: `true` rests the exercises that need safety, `false` woke their rest. */
  readonly active: boolean;
  /** When that choice takes effect, in ms since the epoch: the quarter hour after it was made. */
  readonly from: number;
  /** Whether it has taken effect, by the engine's clock when the view was built. */
  readonly inEffect: boolean;
}

/** What one partner may see, with what is for them alone. */
export interface PartnerView {
  readonly partner: string;
  readonly entries: readonly ViewEntry[];
  readonly suggestion: Suggestion;
  readonly due: readonly ReminderIntent[];
  /** This partner's own latest safety check signalled risk. Only ever in their own view. */
  readonly ownSafetyConcern: boolean;
  /**
   * This partner's own rest as they last set it, or `undefined` when they never set one. The other
   * partner's rest is never in this view: `snapshot.resting` says only that some exercises rest.
   */
  readonly ownRest: OwnRest | undefined;
  /**
   * This partner's latest safety check signals risk and their own rest is not on: resting the
   * exercises that need safety is recommended (offer `engine.setRest(partner, true)`), never forced.
   */
  readonly restRecommended: boolean;
}
