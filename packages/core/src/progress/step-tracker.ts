import type { Couple } from '../program/couple.js';
import type { Program, Step } from '../program/types.js';
import { evaluateRule, fractionMet, type RuleContext } from '../rules/evaluate.js';
import type { RuleExplanation } from '../rules/types.js';
import { exerciseProgress } from './exercise-progress.js';
import type { Facts } from './facts.js';
import type { Contribution, Diagnostic, StepProgress } from './types.js';

/** A step's progress, from its evaluated rules and the facts of its exercises. */
function stepProgress(
  step: Step,
  unlock: RuleExplanation,
  completion: RuleExplanation,
  facts: Facts,
  partners: readonly string[],
  program: Program,
  resting: boolean,
): StepProgress {
  const alwaysOpen = program.alwaysOpen.includes(step.id);
  const touched = step.exercises.some(
    (exercise) =>
      facts.started.has(exercise.id) ||
      facts.completions.has(exercise.id) ||
      facts.together.has(exercise.id),
  );
  const status = completion.holds
    ? 'completed'
    : !alwaysOpen && !unlock.holds
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
    unlock: alwaysOpen
      ? { kind: 'always', holds: true, key: 'common:explain.always', params: {} }
      : unlock,
    completion,
    contributions,
    resting: resting
      ? step.exercises.filter((exercise) => exercise.needsSafety).map((exercise) => exercise.id)
      : [],
    exercises: step.exercises.map((exercise) => exerciseProgress(exercise, facts, partners)),
  };
}

/** What the steps are computed from at one update, besides the facts. */
export interface StepUpdate {
  readonly facts: Facts;
  readonly now: number;
  /** Whole days since the couple started, by the later of the partners' calendars. */
  readonly daysSinceStart: number;
  readonly resting: boolean;
  readonly rhythmWeeks: number;
  /** Each partner's latest score on a check-in dimension. */
  readonly latestScores: RuleContext['latestScores'];
  /**
   * Exercises whose completions, starts or visible check-ins changed since the last update; without
   * it, anything may have changed.
   */
  readonly touched?: ReadonlySet<string>;
  /** The steps the last update returned, to keep those nothing changed for. */
  readonly previous?: readonly StepProgress[];
}

/** Keeps what the steps were computed from between updates. */
export interface StepTracker {
  /**
   * Every step's progress, with the rules that failed. A step is computed again when something it
   * reads changed, or a step it waits on became completed or stopped being so; every other step is
   * `previous`'s own object.
   */
  update(input: StepUpdate): { steps: readonly StepProgress[]; failures: readonly Diagnostic[] };
}

/** What the last update saw, to tell what moved since. */
interface Seen {
  readonly now: number;
  readonly daysSinceStart: number;
  readonly resting: boolean;
  readonly rhythmWeeks: number;
  /** A rule failed: its diagnostic is computed again with every step. */
  readonly failed: boolean;
}

/**
 * What evaluating one step read, so that it is computed again only when one of those changes.
 * Every rule of a step is evaluated, whatever the facts, so a step reads the same things every
 * time; a rule of a kind only a plugin knows may read anything.
 */
interface Reads {
  /** Exercises whose completions, starts or check-ins it read: its own, and those its rules name. */
  readonly exercises: Set<string>;
  /** Steps whose completion it read. */
  readonly steps: Set<string>;
  /** The clock, for completions within some days. */
  clock: boolean;
  /** The days since the couple started. */
  days: boolean;
  /** The weeks with shared practice. */
  rhythm: boolean;
  /** A plugin's rule, computed every time. */
  custom: boolean;
}

/** Creates the tracker of one program's steps for one couple. */
export function createStepTracker(
  program: Program,
  couple: Couple,
  evaluateCustom?: RuleContext['evaluateCustom'],
): StepTracker {
  const partners = couple.partners.map((partner) => partner.id);
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
  const stepIndex = new Map(program.steps.map((step, i) => [step.id, i]));
  // Steps are cached by id: should two share one, every step is computed every time.
  const uniqueSteps = stepsById.size === program.steps.length;
  // What each step read when it was last evaluated.
  const reads: (Reads | undefined)[] = [];
  // Steps that wait on each other are evaluated as the program's order reaches them, which decides
  // which of them is not completed: once such a loop is met, every step is computed every time.
  let loops = false;
  let seen: Seen | undefined;

  const update = (input: StepUpdate) => {
    const { facts, now, daysSinceStart, resting, rhythmWeeks, touched, previous } = input;
    const last = seen;
    const all =
      !touched ||
      !previous ||
      !last ||
      last.failed ||
      loops ||
      !uniqueSteps ||
      previous.length !== program.steps.length;
    // Whether what a step read itself may have changed since the last update.
    const ownInputsChanged = (i: number): boolean => {
      const read = reads[i];
      if (all || !read || read.custom || resting !== last.resting) return true;
      if (read.clock && now !== last.now) return true;
      if (read.days && daysSinceStart !== last.daysSinceStart) return true;
      if (read.rhythm && rhythmWeeks !== last.rhythmWeeks) return true;
      for (const exercise of touched) if (read.exercises.has(exercise)) return true;
      return false;
    };
    // Whether a step must be computed again: what it read changed, or a step it waits on is
    // completed now and was not before, or the other way round. Without loops (see `loops`), this
    // never goes round in circles.
    const staleness: (boolean | undefined)[] = [];
    const isStale = (i: number): boolean => {
      let stale = staleness[i];
      if (stale === undefined) {
        stale =
          ownInputsChanged(i) || [...(reads[i]?.steps ?? [])].some((id) => completionChanged(id));
        staleness[i] = stale;
      }
      return stale;
    };
    const completionChanged = (id: string): boolean => {
      const i = stepIndex.get(id);
      if (i === undefined || !isStale(i)) return false;
      const kept = previous?.[i];
      return kept?.completion.holds !== evaluateStep(program.steps[i] as Step, i).completion.holds;
    };

    const failures: Diagnostic[] = [];
    const evaluating = new Set<string>();
    const explanations = new Map<
      string,
      { unlock: RuleExplanation; completion: RuleExplanation }
    >();
    let reading: Reads | undefined;

    const safely = (rule: Step['unlock'], where: string): RuleExplanation => {
      try {
        return evaluateRule(rule, context);
      } catch (error) {
        failures.push({
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

    const evaluateStep = (step: Step, i: number) => {
      const cached = explanations.get(step.id);
      if (cached) return cached;
      const outer = reading;
      reading = {
        exercises: new Set(step.exercises.map((exercise) => exercise.id)),
        steps: new Set(),
        clock: false,
        days: false,
        rhythm: false,
        custom: false,
      };
      reads[i] = reading;
      evaluating.add(step.id);
      const unlock = safely(step.unlock, `${step.id}.unlock`);
      const completion = safely(step.completion, `${step.id}.completion`);
      evaluating.delete(step.id);
      reading = outer;
      const result = { unlock, completion };
      explanations.set(step.id, result);
      return result;
    };

    // Every question a rule asks notes what it read, for the step being evaluated.
    const context: RuleContext = {
      partners,
      get now() {
        if (reading) reading.clock = true;
        return now;
      },
      completionsOf: (exercise, partner) => {
        reading?.exercises.add(exercise);
        // Copied only when both kinds exist: a long log holds hundreds of thousands of completions.
        const own = facts.completions.get(exercise)?.get(partner) ?? [];
        const together = facts.together.get(exercise) ?? [];
        return together.length === 0 ? own : own.length === 0 ? together : own.concat(together);
      },
      togetherCompletionsOf: (exercise) => {
        reading?.exercises.add(exercise);
        return facts.together.get(exercise) ?? [];
      },
      isStepCompleted: (id) => {
        reading?.steps.add(id);
        // A step kept from the last update is completed as it was then.
        const i = stepIndex.get(id);
        const kept = i === undefined ? undefined : previous?.[i];
        if (kept && !isStale(i as number)) return kept.completion.holds;
        const step = stepsById.get(id);
        if (!step || i === undefined) return false;
        // A step waiting on itself (validation reports such loops) is simply not completed.
        if (evaluating.has(id)) {
          loops = true;
          return false;
        }
        return evaluateStep(step, i).completion.holds;
      },
      latestScores: (exercise, dimension) => {
        reading?.exercises.add(exercise);
        return input.latestScores(exercise, dimension);
      },
      get rhythmWeeks() {
        if (reading) reading.rhythm = true;
        return rhythmWeeks;
      },
      get daysSinceStart() {
        if (reading) reading.days = true;
        return daysSinceStart;
      },
      resting,
      exerciseTitle: (id) => titles.get(id) ?? id,
      stepTitle: (id) => stepsById.get(id)?.titleKey ?? id,
      dimensionTitle: (exercise, dimension) =>
        dimensionKeys.get(`${exercise}|${dimension}`) ?? dimension,
      ...(evaluateCustom && {
        evaluateCustom: (rule, inner) => {
          if (reading) reading.custom = true;
          return evaluateCustom(rule, inner);
        },
      }),
    };

    let changed = false;
    const steps = program.steps.map((step, i): StepProgress => {
      const kept = previous?.[i];
      if (kept && !isStale(i)) return kept;
      changed = true;
      const { unlock, completion } = evaluateStep(step, i);
      return stepProgress(step, unlock, completion, facts, partners, program, resting);
    });
    // Rules that failed are reported in the order evaluating every step gives: computed anew.
    if (failures.length > 0 && !all) {
      const { touched: _, ...everything } = input;
      return update(everything);
    }
    seen = { now, daysSinceStart, resting, rhythmWeeks, failed: failures.length > 0 };
    return { steps: changed || !previous ? steps : previous, failures };
  };
  return { update };
}
