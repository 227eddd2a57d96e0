import { AttuneEventError, type Engine, getExercise, type LoggedEvent } from '@attune/core';
import {
  breakCalled,
  breakResumed,
  breaksInProgress,
  type FloodingBreak,
  maximumBreakMinutes,
  minimumBreakMinutes,
} from './breaks.js';

/** Options of {@link callBreak}. */
export interface CallBreakOptions {
  /** How long the break lasts at least, in minutes (default and minimum 20). */
  readonly minutes?: number;
  /** The steps whose exercises are conflict work (default `['conflict']`). */
  readonly steps?: readonly string[];
}

/** The break in progress from an exercise, or from any exercise when none is named. */
export function currentBreak(engine: Engine, exercise?: string): FloodingBreak | undefined {
  const events = engine.getEvents();
  return breaksInProgress((type) => events.filter((event) => event.type === type)).find(
    (pause) => exercise === undefined || pause.exercise === exercise,
  );
}

/**
 * Records that a partner calls a break during a conflict exercise. Either partner can, with no reason
 * given; the break lasts at least 20 minutes.
 *
 * @throws `AttuneEventError` when the exercise is not conflict work, the break is shorter than 20
 *   minutes, or a break from it is already in progress.
 */
export function callBreak(
  engine: Engine,
  partner: string,
  exercise: string,
  options: CallBreakOptions = {},
): LoggedEvent {
  const minutes = options.minutes ?? minimumBreakMinutes;
  const steps = options.steps ?? ['conflict'];
  const found = getExercise(engine.program, exercise);
  if (!found || !steps.includes(found.step.id)) {
    throw new AttuneEventError(
      'not-allowed',
      'data.exercise',
      `"${exercise}" is not an exercise of ${steps.map((step) => `"${step}"`).join(', ')}`,
      'Call a break during a conflict exercise, or list its step in `steps`.',
    );
  }
  if (
    !Number.isInteger(minutes) ||
    minutes < minimumBreakMinutes ||
    minutes > maximumBreakMinutes
  ) {
    throw new AttuneEventError(
      'malformed',
      'data.minutes',
      `A break lasts from ${minimumBreakMinutes} minutes to a day, not ${minutes}`,
      `Pass a whole number of minutes, ${minimumBreakMinutes} or more; a racing body needs that long to settle.`,
    );
  }
  if (currentBreak(engine, exercise)) {
    throw new AttuneEventError(
      'not-allowed',
      'data.exercise',
      `A break from "${exercise}" is already in progress`,
      'Let it run; either of you can resume once its time is up.',
    );
  }
  return engine.recordPluginEvent(partner, breakCalled, { exercise, minutes });
}

/**
 * Records that the couple comes back to an exercise after a break. Either partner can, once the break
 * has lasted its minutes.
 *
 * @throws `AttuneEventError` when no break from the exercise is in progress, or it has time to go.
 */
export function resumeAfterBreak(engine: Engine, partner: string, exercise: string): LoggedEvent {
  const pause = currentBreak(engine, exercise);
  if (!pause) {
    throw new AttuneEventError(
      'not-allowed',
      'data.exercise',
      `No break from "${exercise}" is in progress`,
      'Only resume an exercise after calling a break from it.',
    );
  }
  const left = Math.ceil((pause.until - engine.now()) / 60_000);
  if (left > 0) {
    throw new AttuneEventError(
      'not-allowed',
      'data.exercise',
      `The break from "${exercise}" has ${left} more minute(s) to go`,
      'Give it the full time: coming back calm matters more than coming back soon.',
    );
  }
  return engine.recordPluginEvent(partner, breakResumed, { exercise });
}
