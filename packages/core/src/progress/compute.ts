import type { Couple } from '../program/couple.js';
import type { Program, Step } from '../program/types.js';
import { evaluateRule, fractionMet, type RuleContext } from '../rules/evaluate.js';
import type { RuleExplanation } from '../rules/types.js';
import { localDay } from '../time/zone.js';
import { computeCheckInTrends, visibleCheckIns } from './check-ins.js';
import { type Facts, restInEffect } from './facts.js';
import { computeRhythm, isPaused } from './rhythm.js';
import type { CheckInTrends, Contribution, Diagnostic, StepProgress } from './types.js';

/** Everything computing progress needs besides the facts. */
export interface ProgressInput {
  readonly program: Program;
  readonly couple: Couple;
  readonly now: number;
  /** How far apart two partners' latest check-in scores must be to count as diverging. */
  readonly divergenceThreshold: number;
  /** Evaluates plugin rule kinds; its failures are reported, not thrown. */
  readonly evaluateCustom?: RuleContext['evaluateCustom'];
}

/** The couple's progress, computed from facts. */
export interface Progress {
  readonly paused: boolean;
  readonly resting: boolean;
  readonly steps: readonly StepProgress[];
  readonly rhythm: ReturnType<typeof computeRhythm>;
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
function isResting(facts: Facts, input: ProgressInput): boolean {
  return input.couple.partners.some(
    (partner) => restInEffect(facts, partner.id, input.now)?.data.active === true,
  );
}

/** Computes every step's status, with explanations, rhythm, trends and diagnostics. */
export function computeProgress(facts: Facts, input: ProgressInput): Progress {
  const { program, couple, now } = input;
  const partners = couple.partners.map((partner) => partner.id);
  const resting = isResting(facts, input);
  const paused = isPaused(facts);
  const rhythm = computeRhythm(facts, partners, couple.partners[0].timeZone, now);
  const diagnostics: Diagnostic[] = [];
  const titles = new Map<string, string>();
  const dimensionKeys = new Map<string, string>();
  for (const step of program.steps) {
    for (const exercise of step.exercises) {
      titles.set(exercise.id, exercise.titleKey);
      if (exercise.kind !== 'check-in') continue;
      for (const dimension of exercise.dimensions) {
        dimensionKeys.set(`${exercise.id}|${dimension.id}`, dimension.key);
      }
    }
  }
  const stepsById = new Map(program.steps.map((step) => [step.id, step]));

  const completed = new Map<string, boolean>();
  const evaluating = new Set<string>();
  const explanations = new Map<string, { unlock: RuleExplanation; completion: RuleExplanation }>();

  const safely = (rule: Step['unlock'], where: string): RuleExplanation => {
    try {
      return evaluateRule(rule, context);
    } catch (error) {
      diagnostics.push({
        code: 'rule-failed',
        subject: where,
        message: `The rule at ${where} failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      return {
        kind: rule.kind,
        holds: false,
        key: 'common:explain.unknown',
        params: { kind: rule.kind },
      };
    }
  };

  const evaluateStep = (step: Step) => {
    const cached = explanations.get(step.id);
    if (cached) return cached;
    evaluating.add(step.id);
    const unlock = safely(step.unlock, `${step.id}.unlock`);
    const completion = safely(step.completion, `${step.id}.completion`);
    evaluating.delete(step.id);
    const result = { unlock, completion };
    explanations.set(step.id, result);
    completed.set(step.id, completion.holds);
    return result;
  };

  const context: RuleContext = {
    partners,
    now,
    completionsOf: (exercise, partner) => {
      // Copied only when both kinds exist: a long log holds hundreds of thousands of completions.
      const own = facts.completions.get(exercise)?.get(partner) ?? [];
      const together = facts.together.get(exercise) ?? [];
      return together.length === 0 ? own : own.length === 0 ? together : own.concat(together);
    },
    togetherCompletionsOf: (exercise) => facts.together.get(exercise) ?? [],
    isStepCompleted: (id) => {
      const step = stepsById.get(id);
      // A step waiting on itself (validation reports such cycles) is simply not completed.
      if (!step || evaluating.has(id)) return false;
      return evaluateStep(step).completion.holds;
    },
    latestScores: (exercise, dimension) => {
      const latest = new Map<string, number>();
      for (const event of visibleCheckIns(facts, exercise, partners)) {
        const { scores } = event.data;
        if (Object.hasOwn(scores, dimension))
          latest.set(event.partner, scores[dimension] as number);
      }
      return latest;
    },
    rhythmWeeks: rhythm.weeks,
    daysSinceStart: Math.min(
      ...couple.partners.map(
        (partner) => localDay(partner.timeZone, now) - localDay(partner.timeZone, couple.startedAt),
      ),
    ),
    resting,
    exerciseTitle: (id) => titles.get(id) ?? id,
    stepTitle: (id) => stepsById.get(id)?.titleKey ?? id,
    dimensionTitle: (exercise, dimension) =>
      dimensionKeys.get(`${exercise}|${dimension}`) ?? dimension,
    ...(input.evaluateCustom ? { evaluateCustom: input.evaluateCustom } : {}),
  };

  const steps = program.steps.map((step): StepProgress => {
    const { unlock, completion } = evaluateStep(step);
    const open = program.alwaysOpen.includes(step.id) || unlock.holds;
    const touched = step.exercises.some(
      (exercise) =>
        facts.started.has(exercise.id) ||
        facts.completions.has(exercise.id) ||
        facts.together.has(exercise.id),
    );
    const status = completion.holds
      ? 'completed'
      : !open
        ? 'locked'
        : touched
          ? 'in-progress'
          : 'available';
    // Without a prototype, so a partner id such as `__proto__` is a key like any other.
    const contributions = Object.create(null) as Record<string, Contribution>;
    for (const partner of partners) {
      const done = step.exercises.filter(
        (exercise) =>
          (facts.completions.get(exercise.id)?.get(partner)?.length ?? 0) > 0 ||
          (facts.together.get(exercise.id)?.length ?? 0) > 0,
      ).length;
      contributions[partner] = { done, total: step.exercises.length };
    }
    return {
      id: step.id,
      status,
      percent: Math.round(fractionMet(completion) * 100),
      unlock: program.alwaysOpen.includes(step.id)
        ? { kind: 'always', holds: true, key: 'common:explain.always', params: {} }
        : unlock,
      completion,
      contributions,
      resting: resting
        ? step.exercises.filter((exercise) => exercise.needsSafety).map((exercise) => exercise.id)
        : [],
    };
  });

  const checkIns = program.steps.flatMap((step) =>
    step.exercises.flatMap((exercise) =>
      exercise.kind === 'check-in'
        ? [computeCheckInTrends(facts, exercise, partners, input.divergenceThreshold)]
        : [],
    ),
  );

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

  return { paused, resting, steps, rhythm, checkIns, diagnostics };
}
