import type { Visibility } from '../program/types.js';

/**
 * A hybrid logical clock reading: wall-clock milliseconds plus a counter that orders events
 * recorded within the same millisecond, or after a clock that went backwards.
 */
export interface HybridTimestamp {
  /** Milliseconds since the Unix epoch, never behind the last reading this device saw. */
  readonly wall: number;
  /** Breaks ties within one `wall` value. */
  readonly counter: number;
}

/**
 * Fields every event carries. Events are append-only facts; progress is always folded from them.
 * One total order — `clock.wall`, `clock.counter`, `device`, `seq` — makes every device fold the same
 * log the same way.
 */
export interface EventEnvelope<Type extends string, Data> {
  /** Unique across the couple's whole history. */
  readonly id: string;
  /** The partner who recorded the event. */
  readonly partner: string;
  /** The device the event was recorded on. */
  readonly device: string;
  /** Position in that device's own sequence, from 1. */
  readonly seq: number;
  readonly clock: HybridTimestamp;
  readonly type: Type;
  readonly data: Data;
  /** Who may see the event's data. */
  readonly visibility: Visibility;
}

/** A partner began an exercise. */
export type ExerciseStartedEvent = EventEnvelope<
  'exercise-started',
  { readonly exercise: string; readonly together: boolean }
>;

/**
 * A partner finished an exercise. `together: true` records one completion for both partners, done
 * side by side.
 */
export type ExerciseCompletedEvent = EventEnvelope<
  'exercise-completed',
  { readonly exercise: string; readonly together: boolean }
>;

/**
 * A written answer to one prompt: a reflection entry, a conversation note, a sealed answer.
 * `prompt` is the prompt's id or content key, so two partners' answers to the same prompt match.
 */
export type AnswerRecordedEvent = EventEnvelope<
  'answer-recorded',
  { readonly exercise: string; readonly prompt: string; readonly text: string }
>;

/**
 * The author shares an entry they had kept private, or reveals a sealed answer. Only the author can
 * share their own entry; a sealed answer can be revealed once the other partner answered the same
 * prompt.
 */
export type EntrySharedEvent = EventEnvelope<'entry-shared', { readonly entry: string }>;

/** The kinds of event a partner can seal: a written answer, a quiz answer, a check-in. */
export type SealableEventType = 'answer-recorded' | 'quiz-answered' | 'check-in-recorded';

/**
 * That a sealed answer exists, without its words: recorded, `shared`, right after every sealed
 * answer, which itself stays on its author's devices until the author reveals it (an `entry-shared`
 * naming it). The other partner's devices learn from it that the prompt was answered — all a step's
 * progress needs — and nothing of what was answered.
 *
 * `entry` is always the id of the previous event of the same device (the sealed answer itself),
 * and the mark has the same clock wall time. `prompt` is the prompt or question the answer answers;
 * for a check-in, its round (`round-3` for a partner's third sealed check-in of that exercise). See
 * "The same prompt" in the concepts guide.
 */
export type AnswerSealedEvent = EventEnvelope<
  'answer-sealed',
  {
    readonly entry: string;
    readonly answer: SealableEventType;
    readonly exercise: string;
    readonly prompt: string;
  }
>;

/** One partner's check-in: a score per dimension on the exercise's scale. */
export type CheckInRecordedEvent = EventEnvelope<
  'check-in-recorded',
  { readonly exercise: string; readonly scores: Readonly<Record<string, number>> }
>;

/** A partner-quiz answer: what the partner picks for themselves, and their guess for the other. */
export type QuizAnsweredEvent = EventEnvelope<
  'quiz-answered',
  {
    readonly exercise: string;
    readonly question: string;
    readonly self: string;
    readonly guess: string;
  }
>;

/** A note of appreciation to the partner. */
export type AppreciationSentEvent = EventEnvelope<
  'appreciation-sent',
  { readonly exercise: string; readonly starter?: string; readonly text: string }
>;

/** A proposed text for an agreement, field by field. */
export type AgreementProposedEvent = EventEnvelope<
  'agreement-proposed',
  {
    readonly exercise: string;
    readonly fields: Readonly<Record<string, string | readonly string[]>>;
  }
>;

/** A partner confirms a proposal; an agreement holds once both confirmed the same proposal. */
export type AgreementConfirmedEvent = EventEnvelope<
  'agreement-confirmed',
  { readonly exercise: string; readonly proposal: string }
>;

/** A partner's private safety check: yes/no answers per question. Always `private`. */
export type SafetyCheckTakenEvent = EventEnvelope<
  'safety-check-taken',
  { readonly exercise: string; readonly answers: Readonly<Record<string, boolean>> }
>;

/**
 * A partner rests (`active: true`) or wakes (`false`) their own rest of the exercises that need
 * safety; the exercises rest for both partners while either partner's own rest is on, and only the
 * partner who recorded a rest event can change their rest. Recorded by `engine.setRest`, whatever the
 * reason — after a private safety check that signals risk, or as a slower pace chosen for no reason —
 * with the same data, visibility and size, and a clock at the next quarter hour, when it takes
 * effect. Views never show its author.
 */
export type SafetyRestEvent = EventEnvelope<'safety-rest', { readonly active: boolean }>;

/** The data of a pause or resume. */
export interface ToggleData {
  /**
   * The id of the pause or resume this one follows in the device's log: the latest one the device
   * held when it was recorded. It takes effect after that one on every device, whatever the clocks
   * say. Absent on the first, and on those recorded before it existed.
   */
  readonly follows?: string;
}

/** Either partner pauses the program for both; nothing is lost and rhythm is frozen. */
export type ProgramPausedEvent = EventEnvelope<'program-paused', ToggleData>;

/** Either partner resumes a paused program. */
export type ProgramResumedEvent = EventEnvelope<'program-resumed', ToggleData>;

/** A partner leaves the program alone, taking their own data with them. */
export type PartnerLeftEvent = EventEnvelope<'partner-left', Readonly<Record<string, never>>>;

/**
 * A signed-off request that the partner's devices drop their copies of shared events written by
 * `partner`. Recorded when a partner erases their data.
 */
export type ErasureRequestedEvent = EventEnvelope<
  'erasure-requested',
  { readonly partner: string; readonly before: HybridTimestamp }
>;

/** Every event type the engine records. A union discriminated by `type`. */
export type AttuneEvent =
  | ExerciseStartedEvent
  | ExerciseCompletedEvent
  | AnswerRecordedEvent
  | EntrySharedEvent
  | AnswerSealedEvent
  | CheckInRecordedEvent
  | QuizAnsweredEvent
  | AppreciationSentEvent
  | AgreementProposedEvent
  | AgreementConfirmedEvent
  | SafetyCheckTakenEvent
  | SafetyRestEvent
  | ProgramPausedEvent
  | ProgramResumedEvent
  | PartnerLeftEvent
  | ErasureRequestedEvent;

/** Every built-in event type. */
export type AttuneEventType = AttuneEvent['type'];

/**
 * An event of a type this code does not know, such as one written by a newer version or a plugin.
 * It is kept in the log and reported, never dropped.
 */
export type UnknownEvent = EventEnvelope<string, unknown>;

/** Any event in the log: a built-in one, or one of a type this code does not know. */
export type LoggedEvent = AttuneEvent | UnknownEvent;
