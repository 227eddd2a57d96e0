import type { PracticePhase, PracticeRole } from '../program/types.js';

/** One phase of one round of a guided practice, placed on the practice's timeline. */
export interface ScheduledPracticePhase {
  /** The phase as the program defines it. */
  readonly phase: PracticePhase;
  /** The round this phase belongs to, from 0. */
  readonly round: number;
  /** Where the phase starts, in ms from the start of the practice. */
  readonly startMs: number;
  /** Where the phase ends (and the next one starts), in ms from the start of the practice. */
  readonly endMs: number;
  /** Each partner's role in this phase, by partner id; roles swap between rounds. */
  readonly roles: Readonly<Record<string, PracticeRole>>;
}

/** Every phase of every round of a guided practice, in order, with its times and roles. */
export interface PracticeSchedule {
  /** The phases of all rounds in a row: round 0's phases, then round 1's, and so on. */
  readonly phases: readonly ScheduledPracticePhase[];
  /** How long the whole practice lasts, in ms: where the last phase ends. */
  readonly durationMs: number;
}

/** Where a guided practice stands at one moment of its schedule. */
export interface PracticeState {
  /** The phase under way: the first before the practice starts, the last once it is done. */
  readonly current: ScheduledPracticePhase;
  /** Where `current` sits in the schedule's `phases`. */
  readonly index: number;
  /** Ms left in the current phase; 0 once done. */
  readonly remainingMs: number;
  /** `remainingMs` in whole seconds, rounded up as a countdown shows them: 0 only once done. */
  readonly secondsLeft: number;
  /** Whether the last phase of the last round has ended. */
  readonly done: boolean;
}
