import type { MessageParams } from '../messages/types.js';
import type { RuleExplanation } from '../rules/types.js';

/** Where a step stands for the couple. */
export type StepStatus = 'locked' | 'available' | 'in-progress' | 'completed';

/** How far one partner is through a step's exercises. */
export interface Contribution {
  readonly done: number;
  readonly total: number;
}

/**
 * Where an exercise stands, for one partner or for the couple:
 *
 * - `not-started`: nothing recorded for it yet;
 * - `in-progress`: started (`startExercise`), or done by one partner of an exercise both do, but
 *   not done yet;
 * - `done`: done at least once — for one partner, by them or together; for the couple, as the
 *   exercise's mode asks: together or by each partner for `together` and `each`, by either for
 *   `solo`.
 *
 * Whether the exercise can be done now is its step's status and `resting`, not this.
 */
export type ExerciseStatus = 'not-started' | 'in-progress' | 'done';

/** How far the couple and each partner are with one exercise of a step. */
export interface ExerciseProgress {
  readonly id: string;
  /** For the couple, as the exercise's mode counts it. */
  readonly status: ExerciseStatus;
  /** Per partner id: that partner's own. */
  readonly partners: Readonly<Record<string, ExerciseStatus>>;
  /** How many times the partners did it together. */
  readonly together: number;
}

/** The progress of one step. */
export interface StepProgress {
  readonly id: string;
  readonly status: StepStatus;
  /** 0–100, how far the completion rule is met. */
  readonly percent: number;
  readonly unlock: RuleExplanation;
  readonly completion: RuleExplanation;
  /** Per partner id. */
  readonly contributions: Readonly<Record<string, Contribution>>;
  /** Exercises of the step that are resting for now, for both partners. */
  readonly resting: readonly string[];
  /** Each exercise of the step, in the step's order, with where it stands. */
  readonly exercises: readonly ExerciseProgress[];
}

/** Weeks with shared practice. Nothing is lost for a missed week, and a pause freezes it. */
export interface Rhythm {
  /** Weeks in which the couple practised together (or each did something). */
  readonly weeks: number;
  /** Of the last four weeks the program was not paused, how many had shared practice. */
  readonly recent: number;
  readonly paused: boolean;
}

/** One check-in score, as a point on a trend. */
export interface TrendPoint {
  readonly at: number;
  readonly partner: string;
  readonly score: number;
}

/** Direction of a partner's recent scores on a dimension. */
export type TrendDirection = 'up' | 'down' | 'steady';

/** A dimension of a check-in over time. */
export interface DimensionTrend {
  readonly dimension: string;
  readonly points: readonly TrendPoint[];
  /** Latest score per partner id. */
  readonly latest: Readonly<Record<string, number>>;
  /** Direction per partner id, from their last scores. */
  readonly direction: Readonly<Record<string, TrendDirection>>;
  /** True when the partners' latest scores differ by the divergence threshold or more. */
  readonly diverging: boolean;
}

/** Trends of one check-in exercise. */
export interface CheckInTrends {
  readonly exercise: string;
  readonly dimensions: readonly DimensionTrend[];
}

/** What to do next, and why. */
export interface Suggestion {
  readonly exercise: string | null;
  readonly step: string | null;
  readonly reasonKey: string;
  readonly params: MessageParams;
}

/** A reminder the host app can schedule. It carries no private content. */
export interface ReminderIntent {
  readonly id: string;
  readonly partner: string;
  readonly exercise: string;
  readonly step: string;
  /** Whether the ritual or check-in is already due (`due`) or comes later (`upcoming`). */
  readonly state: 'due' | 'upcoming';
  /** When it is due, in ms since the epoch. */
  readonly at: number;
  /** The same moment as wall-clock time in the partner's time zone, `YYYY-MM-DDTHH:mm`. */
  readonly localTime: string;
  readonly timeZone: string;
  readonly messageKey: string;
  readonly params: MessageParams;
}

/**
 * Something the engine noticed but did not let stop it. `event-skipped` names a stored event a
 * trusted start kept but left out of progress (a clock out of range, data it could not read).
 */
export interface Diagnostic {
  readonly code:
    | 'unknown-event-type'
    | 'unknown-exercise'
    | 'event-skipped'
    | 'rule-failed'
    | 'plugin-failed';
  readonly message: string;
  /** The event type, exercise, event id, rule or plugin concerned. */
  readonly subject: string;
}

/** The couple's progress at one moment. Immutable: a new object whenever something changed. */
export interface EngineSnapshot {
  /** Counts up with every change. */
  readonly version: number;
  /** How many events the log holds. */
  readonly events: number;
  readonly paused: boolean;
  /** Partners who left the program. */
  readonly left: readonly string[];
  readonly steps: readonly StepProgress[];
  readonly rhythm: Rhythm;
  readonly checkIns: readonly CheckInTrends[];
  /** True while exercises that need safety are resting; the reason is never given. */
  readonly resting: boolean;
  readonly diagnostics: readonly Diagnostic[];
}
