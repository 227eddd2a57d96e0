import type { Couple } from '../program/couple.js';
import type { CheckInExercise, Program } from '../program/types.js';
import type { RuleContext } from '../rules/evaluate.js';
import { localDay } from '../time/zone.js';
import type { ProgressChanges } from './changes.js';
import { visibleCheckIns } from './check-ins.js';
import { type Facts, restInEffect } from './facts.js';
import { createRhythmTracker, isPaused } from './rhythm.js';
import { createStepTracker } from './step-tracker.js';
import { createTrendTracker } from './trend-tracker.js';
import type { CheckInTrends, Diagnostic, Rhythm, StepProgress } from './types.js';

/** What computing progress needs besides the facts and the time. */
export interface ProgressOptions {
  readonly program: Program;
  readonly couple: Couple;
  /** How far apart two partners' latest check-in scores must be to count as diverging. */
  readonly divergenceThreshold: number;
  /** Evaluates plugin rule kinds; its failures are reported, not thrown. */
  readonly evaluateCustom?: RuleContext['evaluateCustom'];
}

/** Everything computing progress needs besides the facts. */
export interface ProgressInput extends ProgressOptions {
  readonly now: number;
}

/** The couple's progress, computed from facts. */
export interface Progress {
  readonly paused: boolean;
  readonly resting: boolean;
  readonly steps: readonly StepProgress[];
  readonly rhythm: Rhythm;
  readonly checkIns: readonly CheckInTrends[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Whether a partner's latest safety check known here signals risk: some question answered the way
 * that signals it. A check that leaves questions out signals risk only through those it answers, and
 * is never clear (see `engine/safety-rest.ts`).
 */
export function safetyConcernOf(facts: Facts, program: Program, partner: string): boolean {
  const check = facts.safetyChecks.get(partner);
  if (!check) return false;
  const exercise = program.steps
    .flatMap((step) => step.exercises)
    .find((candidate) => candidate.id === check.data.exercise);
  if (exercise?.kind !== 'safety-check') return false;
  const answers = check.data.answers;
  // Own keys only: a question id such as `constructor` must not read what every object inherits.
  return exercise.questions.some(
    (question) => Object.hasOwn(answers, question.id) && answers[question.id] === question.riskWhen,
  );
}

/**
 * Whether the exercises that need safety rest: while any partner's own rest in effect now is on.
 * Each partner's rest is theirs alone — set and woken only by their own rest events — so one
 * partner's wake never ends the other's rest. A safety check never rests anything by itself: the
 * partner chooses (`engine.setRest`), and a check's answers stay on their own devices.
 */
function isResting(facts: Facts, couple: Couple, now: number): boolean {
  return couple.partners.some(
    (partner) => restInEffect(facts, partner.id, now)?.data.active === true,
  );
}

/**
 * Each partner's latest score on a dimension, from the check-ins themselves: for a dimension no
 * trend follows (a rule on an exercise that is not a check-in of the program, or on a dimension it
 * does not have).
 */
function latestScoresOf(
  facts: Facts,
  exercise: string,
  dimension: string,
  partners: readonly string[],
): Map<string, number> {
  const latest = new Map<string, number>();
  for (const event of visibleCheckIns(facts, exercise, partners)) {
    const { scores } = event.data;
    if (Object.hasOwn(scores, dimension)) latest.set(event.partner, scores[dimension] as number);
  }
  return latest;
}

/** Diagnostics from the facts: unknown event types and exercises, events left out. */
function factDiagnostics(facts: Facts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [type, count] of facts.unknownTypes) {
    diagnostics.push({
      code: 'unknown-event-type',
      subject: type,
      message: `${count} event(s) of type "${type}", unknown to this version, are kept but not counted.`,
    });
  }
  for (const exercise of facts.unknownExercises) {
    diagnostics.push({
      code: 'unknown-exercise',
      subject: exercise,
      message: `Events refer to exercise "${exercise}", which the program does not have; they are kept.`,
    });
  }
  for (const { id, reason } of facts.skipped) {
    diagnostics.push({
      code: 'event-skipped',
      subject: id,
      message: `Event "${id}" is kept but not counted: ${reason.replace(/\.$/, '')}.`,
    });
  }
  return diagnostics;
}

/** Keeps what progress was computed from between changes, so that a change costs what it touched. */
export interface ProgressTracker {
  /**
   * The progress at `now`. Given the changes since the last update and the progress it returned,
   * it computes again only the steps, trends and rhythm weeks the changes touched, or that move
   * with time, and every other part is `previous`'s own object; without them, it computes
   * everything.
   */
  update(facts: Facts, now: number, changes?: ProgressChanges, previous?: Progress): Progress;
}

/** Creates the tracker of one program's progress for one couple. */
export function createProgressTracker(options: ProgressOptions): ProgressTracker {
  const { program, couple } = options;
  const partners = couple.partners.map((partner) => partner.id);
  const checkInExercises = program.steps.flatMap((step) =>
    step.exercises.filter((exercise): exercise is CheckInExercise => exercise.kind === 'check-in'),
  );
  const steps = createStepTracker(program, couple, options.evaluateCustom);
  const trends = createTrendTracker(checkInExercises, partners, options.divergenceThreshold);
  const rhythms = createRhythmTracker(partners, couple.partners[0].timeZone);
  // What the diagnostics were computed from.
  let skipped = -1;
  let unknownExercises = -1;
  let ruleFailures = 0;

  return {
    update(facts, now, changes, previous) {
      const marked = changes && !changes.all && previous ? changes : undefined;
      const rhythm = rhythms.update(facts, marked?.weeks, now);
      const checkIns = trends.update(facts, marked, previous?.checkIns);
      const resting = isResting(facts, couple, now);
      const { steps: stepProgress, failures } = steps.update({
        facts,
        now,
        daysSinceStart: Math.min(
          ...couple.partners.map(
            ({ timeZone }) => localDay(timeZone, now) - localDay(timeZone, couple.startedAt),
          ),
        ),
        resting,
        rhythmWeeks: rhythm.weeks,
        latestScores: (exercise, dimension) =>
          trends.latestScores(exercise, dimension) ??
          latestScoresOf(facts, exercise, dimension, partners),
        ...(marked && { touched: new Set([...marked.exercises, ...trends.changed]) }),
        ...(previous && { previous: previous.steps }),
      });
      const diagnosticsKept =
        marked &&
        !marked.unknownTypes &&
        failures.length === 0 &&
        ruleFailures === 0 &&
        facts.skipped.length === skipped &&
        facts.unknownExercises.size === unknownExercises;
      skipped = facts.skipped.length;
      unknownExercises = facts.unknownExercises.size;
      ruleFailures = failures.length;
      return {
        paused: isPaused(facts),
        resting,
        steps: stepProgress,
        rhythm,
        checkIns,
        diagnostics:
          diagnosticsKept && previous
            ? previous.diagnostics
            : [...failures, ...factDiagnostics(facts)],
      };
    },
  };
}

/** Computes every step's status, with explanations, rhythm, trends and diagnostics, from scratch. */
export function computeProgress(facts: Facts, input: ProgressInput): Progress {
  return createProgressTracker(input).update(facts, input.now);
}
