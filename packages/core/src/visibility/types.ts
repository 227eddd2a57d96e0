import type { AnswerSealedEvent, AttuneEvent, SafetyRestEvent } from '../events/types.js';
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

/**
 * A built-in event this partner may read whole, its `data` typed by its `type`. Marks of sealed
 * answers are not among them: the other partner's show as {@link SealedViewEntry}, one's own not at
 * all.
 */
export type OpenViewEntry = OpenEntryOf<Exclude<AttuneEvent, SafetyRestEvent | AnswerSealedEvent>>;

/**
 * The other partner's sealed answer that has not opened for this partner: that it exists, for which
 * prompt, and nothing of what it says — this partner's device does not hold its words. It opens once
 * this partner answered the same prompt and the author revealed it (at once by default, or when they
 * choose; see `EngineOptions.reveal`). `id` is the answer's own id, which it keeps when it opens.
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

/** One of a partner's own sealed answers, named without its words. */
export interface SealedAnswerRef {
  /** The answer's id: pass it to `engine.revealAnswers`. */
  readonly entry: string;
  readonly type: 'answer-recorded' | 'quiz-answered' | 'check-in-recorded';
  readonly exercise: string;
  /** The prompt or question it answers; for a check-in, its round (`round-2`). */
  readonly prompt: string;
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
  /**
   * This partner's sealed answers that wait for their choice: the other partner answered the same
   * prompt, and this partner has not revealed them. With `reveal: 'by-choice'`, offer to reveal all,
   * some or none of them, now or later, with `engine.revealAnswers`. Empty when the engine reveals
   * this partner's answers by itself (the default), but for answers that waited from before a
   * switch to it.
   */
  readonly toReveal: readonly SealedAnswerRef[];
}
