import type { AttuneEvent, AttuneEventType, HybridTimestamp } from '../events/types.js';
import type { EventLog } from '../log/event-log.js';
import type { PluginRuntime } from '../plugins/plugin-runtime.js';
import type { Couple } from '../program/couple.js';
import type { Exercise, Program, Visibility } from '../program/types.js';
import type { Progress } from '../progress/compute.js';
import type { Facts } from '../progress/facts.js';

/** An exercise of the program, with the step it belongs to. */
export interface PlacedExercise {
  readonly exercise: Exercise;
  readonly step: string;
}

/** How {@link EngineContext.record} records one event, where it differs from the usual. */
export interface RecordOptions {
  /**
   * The clock reading to record the event with, instead of the next one of this device's clock: a
   * rest is recorded for the quarter hour it takes effect at. It must pass the checks every event
   * passes (no further ahead than `maxFutureMs`).
   */
  readonly clock?: HybridTimestamp;
  /** Leaves one sequence number unused before the event, as a safety check would have taken it. */
  readonly skipSequence?: boolean;
}

/**
 * What the engine's parts share: the log and its facts, the program, the plugins' runtime, and the
 * one way to record an event. `createEngine` makes it; commands and views read it.
 */
export interface EngineContext {
  readonly program: Program;
  readonly couple: Couple;
  readonly log: EventLog;
  readonly facts: Facts;
  readonly exercises: ReadonlyMap<string, PlacedExercise>;
  readonly runtime: PluginRuntime | undefined;
  /** This install's device id. */
  readonly device: string;
  /** The engine's clock, in ms since the epoch. */
  now(): number;
  /** The latest reading of this device's hybrid clock, without advancing it. */
  clockReading(): HybridTimestamp;
  /** The last sequence number this device used (0 before its first event). */
  lastSequence(): number;
  /** The latest clock wall time an event may have now (`now` plus `maxFutureMs`). */
  latestWall(): number;
  /** Throws `unknown-partner` unless the id is one of the couple's partners. */
  knownPartner(partner: string): void;
  /** The progress of the current log, computed once per change. */
  progress(): Progress;
  /** The facts that progress was computed from, with what the plugins recognised. */
  progressFacts(): Facts;
  /** When that progress was computed, by the engine's clock. */
  computedAt(): number;
  /** Whether the engine reveals a partner's sealed answers by itself once both answered. */
  revealsByItself(partner: string): boolean;
  /** Whether the partner recorded events on this device (under its id now). */
  recordsHere(partner: string): boolean;
  /**
   * Runs `change`, telling the subscribers once at its end rather than after each event it
   * records, so no one sees half of it.
   */
  batch<T>(change: () => T): T;
  /** Checks, appends and folds a new event of this device, then tells the subscribers. */
  record<T extends AttuneEventType>(
    partner: string,
    type: T,
    data: Extract<AttuneEvent, { type: T }>['data'],
    visibility: Visibility,
    options?: RecordOptions,
  ): Extract<AttuneEvent, { type: T }>;
}
