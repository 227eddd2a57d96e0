import type { AttuneEvent, AttuneEventType } from '../events/types.js';
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
  /** Throws `unknown-partner` unless the id is one of the couple's partners. */
  knownPartner(partner: string): void;
  /** The progress of the current log, computed once per change. */
  progress(): Progress;
  /** The facts that progress was computed from, with what the plugins recognised. */
  progressFacts(): Facts;
  /** When that progress was computed, by the engine's clock. */
  computedAt(): number;
  /** Checks, appends and folds a new event of this device, then tells the subscribers. */
  record<T extends AttuneEventType>(
    partner: string,
    type: T,
    data: Extract<AttuneEvent, { type: T }>['data'],
    visibility: Visibility,
  ): Extract<AttuneEvent, { type: T }>;
}
